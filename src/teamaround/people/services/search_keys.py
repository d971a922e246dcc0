"""Keeping the search-key table in step with people's records.

`key_rows` is the one place that turns a person's names, date of birth and postcode into
search keys; services call `search_keys_refresh` after every change, and the bulk seeder calls
`key_rows` directly so that keys made at scale are exactly those a service would make.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from teamaround.people.matching.names import group_keys, name_parts, sound_key
from teamaround.people.models import Person, PersonSearchKey
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


def search_keys_refresh(person: Person) -> None:
    """Rebuild one person's keys. Merged-away records get none, so search never shows them."""
    PersonSearchKey.objects.filter(person=person).delete()
    if person.merged_into_id:
        return
    names = [(person.forenames, person.surname, True)]
    names += [
        (other.forenames or person.forenames, other.surname or person.surname, False)
        for other in person.other_names.filter(archived_at__isnull=True)
    ]
    names += [(old.forenames, old.surname, False) for old in person.merged_records.all()]
    address = (
        person.addresses.filter(archived_at__isnull=True, moved_out__isnull=True)
        .order_by("-moved_in")
        .first()
    )
    household = (
        person.memberships.filter(ended_on__isnull=True).order_by("-started_on", "pk").first()
    )
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
