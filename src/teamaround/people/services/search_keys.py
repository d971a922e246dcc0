"""Keeping the search-key table in step with people's records.

`key_rows` is the one place that turns a person's names, date of birth and postcode into
search keys; services call `search_keys_refresh` after every change, and the bulk seeder calls
`key_rows` directly so that keys made at scale are exactly those a service would make.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from teamaround.people.matching.names import group_keys, name_parts, sound_key
from teamaround.people.models import (
    FamilyMembership,
    MemberRole,
    Person,
    PersonAddress,
    PersonSearchKey,
)
from teamaround.people.validators import outward_code


def key_rows(
    *,
    person_id,
    names: Iterable[tuple[str, str, bool]],
    date_of_birth: date | None,
    postcode: str = "",
    district_id=None,
    sex: str = "",
    is_unborn: bool = False,
    household_id=None,
) -> list[PersonSearchKey]:
    """names: (forenames, surname, is_own_name). For each name, one row per distinct pair of
    forename key (every forename; the first with its nicknames and spellings) and surname
    key (the whole surname and each of its parts)."""
    rows, seen = [], set()
    for forenames, surname, own in names:
        given, family = name_parts(forenames or "", surname or "")
        if not (given or family):
            continue
        forename_keys = sorted(group_keys(given[0])) if given else []
        forename_keys += sorted({sound_key(name) for name in given[1:]} - set(forename_keys))
        surname_keys = sorted(dict.fromkeys(sound_key(part) for part in family))
        for forename_key in forename_keys or [""]:
            for surname_key in surname_keys or [""]:
                marker = (given, family, forename_key, surname_key)
                if marker in seen:
                    continue
                seen.add(marker)
                rows.append(
                    PersonSearchKey(
                        person_id=person_id,
                        forename=(given[0] if given else "")[:100],
                        surname=(family[0] if family else "")[:100],
                        forename_key=forename_key,
                        surname_key=surname_key,
                        date_of_birth=date_of_birth,
                        birth_year=date_of_birth.year if date_of_birth else None,
                        postcode=postcode,
                        outward_code=outward_code(postcode),
                        district_id=district_id,
                        is_own_name=own,
                        given_names=" ".join(given)[:200],
                        family_names=" ".join(family)[:200],
                        sex=sex if sex in ("F", "M") else "",
                        is_unborn=is_unborn,
                        household_id=household_id,
                    )
                )
    return rows


# Whose address a household's is, for a member with none of their own: a parent's first.
HOUSEHOLD_ADDRESS_ROLES = (
    MemberRole.PARENT,
    MemberRole.STEP_PARENT,
    MemberRole.CARER,
    MemberRole.OTHER_ADULT,
)


def _own_address(person: Person) -> PersonAddress | None:
    return (
        person.addresses.filter(archived_at__isnull=True, moved_out__isnull=True)
        .order_by("-moved_in", "pk")
        .first()
    )


def household_address(family_id, person: Person | None = None) -> PersonAddress | None:
    """Where a household lives now: the current address of a member living in it now, a
    parent's before a step-parent's, a carer's or another adult's, then anyone else's (the
    newest first). A child's address is often recorded only against the parent, and an
    import (the Hub's missing-person notifications) needs the postcode to link the child."""
    members = FamilyMembership.objects.filter(
        family_id=family_id, ended_on__isnull=True, person__merged_into__isnull=True
    )
    if person is not None:
        members = members.exclude(person=person)
    roles = dict(members.values_list("person_id", "role"))
    addresses = PersonAddress.objects.filter(
        person_id__in=roles, archived_at__isnull=True, moved_out__isnull=True
    )

    def rank(address: PersonAddress):
        role = roles[address.person_id]
        order = HOUSEHOLD_ADDRESS_ROLES.index(role) if role in HOUSEHOLD_ADDRESS_ROLES else 9
        return (order, -address.moved_in.toordinal() if address.moved_in else 0, str(address.pk))

    return min(addresses, key=rank, default=None)


def search_keys_refresh(person: Person) -> None:
    """Rebuild one person's keys. Merged-away records get none, so search never shows them.
    A person with no current address of their own is keyed at their household's (see
    household_address)."""
    PersonSearchKey.objects.filter(person=person).delete()
    if person.merged_into_id:
        return
    names = [(person.forenames, person.surname, True)]
    names += [
        (other.forenames or person.forenames, other.surname or person.surname, False)
        for other in person.other_names.filter(archived_at__isnull=True)
    ]
    names += [(old.forenames, old.surname, False) for old in person.merged_records.all()]
    household = (
        person.memberships.filter(ended_on__isnull=True).order_by("-started_on", "pk").first()
    )
    address = _own_address(person)
    if address is None and household is not None:
        address = household_address(household.family_id, person)
    PersonSearchKey.objects.bulk_create(
        key_rows(
            person_id=person.pk,
            names=names,
            date_of_birth=person.date_of_birth,
            postcode=address.postcode if address else "",
            district_id=address.district_id if address else None,
            sex=person.sex,
            is_unborn=person.is_unborn,
            household_id=household.family_id if household else None,
        )
    )


def household_keys_refresh(family_id, *, besides=None) -> None:
    """Rebuild the keys of the household's current members who have no address of their own
    (they are keyed at the household's address, which a member joining, leaving or moving
    may have changed). `besides`: a person whose keys the caller refreshes itself."""
    housed = PersonAddress.objects.filter(archived_at__isnull=True, moved_out__isnull=True).values(
        "person_id"
    )
    members = (
        FamilyMembership.objects.filter(family_id=family_id, ended_on__isnull=True)
        .exclude(person_id__in=housed)
        .select_related("person")
        .order_by("pk")
    )
    for membership in members:
        if besides is None or membership.person_id != besides.pk:
            search_keys_refresh(membership.person)
