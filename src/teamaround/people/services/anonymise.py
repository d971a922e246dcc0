"""Anonymising a person whose retention period has passed (called by governance once a manager
approves, with on_behalf_of: no member of staff may do it directly).

`erase=False` (anonymise) keeps what statistics need: the year of birth, sex and ethnicity.
`erase=True` clears those too and archives the record. Either way the names, contact details,
other names, addresses (down to the postcode's outward code) and identifiers go, and so do
their field-history copies, which would otherwise keep the old values. The record itself, its
id and the audit trail (which holds ids, never names) remain.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from teamaround.core.access import require
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.people.models import Person
from teamaround.people.services.input_checks import audit, require_reason
from teamaround.people.services.search_keys import search_keys_refresh

ANONYMISED = "Anonymised"


@transaction.atomic
def person_anonymise(*, actor, person: Person, reason: str, erase: bool = False) -> Person:
    require(actor, "people.anonymise", person, what="anonymise a person")
    reason = require_reason(reason)
    born = person.date_of_birth
    values = {
        "forenames": ANONYMISED,
        "surname": "",
        "date_of_birth": None if erase or born is None else date(born.year, 1, 1),
        "gender": "",
        "first_language": "",
        "disability": "",
        "phone": "",
        "email": "",
    }
    if erase:
        values |= {"sex": "U", "ethnicity": "NOBT"}
    model_update(person, actor=actor, values=values)
    for name in person.other_names.all():
        model_update(name, actor=actor, values={"forenames": "", "surname": ""})
        name.history.all().delete()
    for address in person.addresses.all():
        postcode = address.postcode.split(" ")[0][:4]
        blank = {"line_1": ANONYMISED, "line_2": "", "town": "", "postcode": postcode}
        model_update(address, actor=actor, values=blank)
        address.history.all().delete()
    for identifier in person.identifiers.all():
        model_update(identifier, actor=actor, values={"value": ""})
        identifier.history.all().delete()
    person.history.all().delete()
    search_keys_refresh(person)
    if erase:
        person.archive(actor=actor, reason=reason)
    audit(
        actor,
        person,
        AuditAction.UPDATE,
        "Erased a person's details (retention)" if erase else "Anonymised a person (retention)",
        reason=reason,
    )
    return person
