"""Keeping the search-key table in step with people's records.

`key_rows` is the one place that turns a person's names, date of birth and postcode into
search keys; services call `search_keys_refresh` after every change, and the bulk seeder calls
`key_rows` directly so that keys made at scale are exactly those a service would make.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from teamaround.people.matching.names import forename_keys, normalise_name, phonetic
from teamaround.people.models import Person, PersonSearchKey
from teamaround.people.validators import outward_code


def key_rows(
    *,
    person_id,
    names: Iterable[tuple[str, str, bool]],
    date_of_birth: date | None,
    postcode: str = "",
    district_id=None,
) -> list[PersonSearchKey]:
    """names: (forenames, surname, is_own_name). One row per distinct name and forename key."""
    rows, seen = [], set()
    for forenames, surname, own in names:
        forename, family_name = normalise_name(forenames.split(" ")[0]), normalise_name(surname)
        surname_key = phonetic(surname)
        for forename_key in sorted(forename_keys(forenames)) or [""]:
            marker = (forename, family_name, forename_key)
            if marker in seen or not (forename or family_name):
                continue
            seen.add(marker)
            rows.append(
                PersonSearchKey(
                    person_id=person_id,
                    forename=forename[:100],
                    surname=family_name[:100],
                    forename_key=forename_key,
                    surname_key=surname_key,
                    date_of_birth=date_of_birth,
                    birth_year=date_of_birth.year if date_of_birth else None,
                    postcode=postcode,
                    outward_code=outward_code(postcode),
                    district_id=district_id,
                    is_own_name=own,
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
    PersonSearchKey.objects.bulk_create(
        key_rows(
            person_id=person.pk,
            names=names,
            date_of_birth=person.date_of_birth,
            postcode=address.postcode if address else "",
            district_id=address.district_id if address else None,
        )
    )
