"""Recording a person and what is known about them: names, addresses and identifiers.

Every input is checked before anything is written (NHS number, UPN, postcode, date of birth);
problems come back together as ValidationFailed. Search keys are refreshed in the same
transaction, so "is this child known?" sees a new record at once.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from teamaround.core.access import actor_user, require
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.core.selectors import district_for_postcode
from teamaround.core.updates import model_update
from teamaround.people import validators
from teamaround.people.models import (
    DateOfBirthKind,
    Family,
    IdentifierScheme,
    MemberRole,
    NameKind,
    Person,
    PersonAddress,
    PersonIdentifier,
    PersonName,
)
from teamaround.people.services.input_checks import Checks, audit
from teamaround.people.services.search_keys import search_keys_refresh

PERSON_FIELDS = (
    "forenames",
    "surname",
    "date_of_birth",
    "date_of_birth_kind",
    "sex",
    "gender",
    "ethnicity",
    "first_language",
    "interpreter_needed",
    "disability",
    "phone",
    "email",
)


def _check_person(checks: Checks, values: dict) -> dict:
    values["forenames"] = checks.require_text(
        values.get("forenames", ""), "forenames", "Enter the person's first name."
    )
    values["surname"] = checks.require_text(
        values.get("surname", ""), "surname", "Enter the person's last name."
    )
    kind = values.get("date_of_birth_kind") or DateOfBirthKind.KNOWN
    if kind not in DateOfBirthKind.values:
        checks.errors.setdefault("date_of_birth_kind", []).append("Choose how the date is known.")
    values["date_of_birth_kind"] = kind
    if kind == DateOfBirthKind.EXPECTED and not values.get("date_of_birth"):
        checks.errors.setdefault("date_of_birth", []).append(
            "Enter the expected date of birth of an unborn child."
        )
    checks.run(
        lambda: validators.validate_date_of_birth(
            values.get("date_of_birth"),
            kind=kind,
            today=timezone.localdate(),
            field="date_of_birth",
        )
    )
    return values


def _check_address(checks: Checks, address: dict | None) -> dict | None:
    if not address or not any((address.get("line_1"), address.get("postcode"))):
        return None
    address = dict(address)
    address["line_1"] = checks.require_text(
        address.get("line_1", ""), "line_1", "Enter the first line of the address."
    )
    address["postcode"] = checks.run(lambda: validators.normalise_postcode(address.get("postcode")))
    return address


@transaction.atomic
def person_create(
    *,
    actor,
    family: Family | None = None,
    role: str = MemberRole.CHILD,
    nhs_number: str = "",
    upn: str = "",
    address: dict | None = None,
    source_agency=None,
    **values,
) -> Person:
    """Record a person in a family. Without a family, a new household is recorded for them and
    the actor's team becomes involved with it (so they can go on to see what they recorded)."""
    require(actor, "people.record", what="record a person")
    if family is not None:
        require(actor, "people.change_family", family, what="add a person to a family")
    checks = Checks()
    values = _check_person(checks, {k: v for k, v in values.items() if k in PERSON_FIELDS})
    nhs = checks.run(lambda: validators.validate_nhs_number(nhs_number)) if nhs_number else ""
    upn = checks.run(lambda: validators.validate_upn(upn)) if upn else ""
    address = _check_address(checks, address)
    if role not in MemberRole.values:
        checks.errors.setdefault("role", []).append("Choose the person's role in the family.")
    checks.raise_if_any()

    person = Person.objects.create(created_by=actor_user(actor), **values)
    for scheme, value in ((IdentifierScheme.NHS_NUMBER, nhs), (IdentifierScheme.UPN, upn)):
        if value:
            PersonIdentifier.objects.create(
                person=person,
                scheme=scheme,
                value=value,
                source_agency=source_agency,
                created_by=actor_user(actor),
            )
    if address:
        _add_address(actor, person, address)
    audit(actor, person, AuditAction.CREATE, "Recorded a person")
    from teamaround.people.services.families import family_create, family_member_add

    if family is None:
        family = family_create(actor=actor, name=f"{values['surname']} household")
    family_member_add(
        actor=actor, family=family, person=person, role=role, started_on=timezone.localdate()
    )
    search_keys_refresh(person)
    return person


@transaction.atomic
def person_update(*, actor, person: Person, version: int | None = None, **values) -> Person:
    """Change a person's details from the version the editor read (None: as read here); if
    someone else saved the record since, nothing is written (StaleVersion, both versions)."""
    require(actor, "people.change_person", person, what="change a person's record")
    if person.merged_into_id:
        raise DomainError("This record was merged into another; change that one instead.")
    checks = Checks()
    merged = {name: getattr(person, name) for name in PERSON_FIELDS} | values
    _check_person(checks, merged)
    checks.raise_if_any()
    changes = model_update(
        person,
        actor=actor,
        values={k: merged[k] for k in values},
        expected_version=version,
        what="person's record",
    )
    if not changes:
        return person
    search_keys_refresh(person)
    audit(
        actor,
        person,
        AuditAction.UPDATE,
        "Changed a person's record",
        changes={"fields": sorted(changes)},
    )
    return person


@transaction.atomic
def person_name_add(
    *,
    actor,
    person: Person,
    forenames: str,
    surname: str,
    kind: str = NameKind.ALIAS,
    used_until: date | None = None,
) -> PersonName:
    require(actor, "people.change_person", person, what="add a name to a person")
    if not (forenames or "").strip() and not (surname or "").strip():
        raise DomainError("Enter a first name or a last name.", field="surname")
    if kind not in NameKind.values:
        raise DomainError("Choose the kind of name.", field="kind")
    name = PersonName.objects.create(
        person=person,
        kind=kind,
        forenames=forenames.strip(),
        surname=surname.strip(),
        used_until=used_until,
        created_by=actor_user(actor),
    )
    search_keys_refresh(person)
    audit(actor, person, AuditAction.UPDATE, "Added a name to a person's record")
    return name


def _add_address(actor, person: Person, address: dict) -> PersonAddress:
    moved_in = address.get("moved_in") or timezone.localdate()
    person.addresses.filter(moved_out__isnull=True).update(moved_out=moved_in)
    district = district_for_postcode(address["postcode"])
    return PersonAddress.objects.create(
        person=person,
        line_1=address["line_1"],
        line_2=address.get("line_2", ""),
        town=address.get("town", ""),
        postcode=address["postcode"],
        district=district,
        moved_in=moved_in,
        created_by=actor_user(actor),
    )


@transaction.atomic
def person_address_add(*, actor, person: Person, **address) -> PersonAddress:
    """A new current address; the previous one is ended on the moving-in date."""
    require(actor, "people.change_person", person, what="add an address")
    checks = Checks()
    checked = _check_address(checks, address)
    if checked is None and not checks.errors:
        checks.errors["postcode"] = ["Enter a UK postcode, like CM1 1QH."]
    checks.raise_if_any()
    created = _add_address(actor, person, checked)
    search_keys_refresh(person)
    from teamaround.people.services.families import households_keys_refresh

    households_keys_refresh(person)
    audit(actor, person, AuditAction.UPDATE, "Added an address to a person's record")
    from teamaround.people.services.families import record_for_families

    record_for_families(actor, person, "address_changed", "A member's address changed")
    return created


@transaction.atomic
def person_identifier_add(
    *, actor, person: Person, scheme: str, value: str, source_agency=None
) -> PersonIdentifier:
    require(actor, "people.change_person", person, what="add an identifier")
    if scheme == IdentifierScheme.NHS_NUMBER:
        value = validators.validate_nhs_number(value, field="value")
    elif scheme == IdentifierScheme.UPN:
        value = validators.validate_upn(value, field="value")
    elif scheme not in IdentifierScheme.values:
        raise DomainError("Choose the kind of identifier.", field="scheme")
    elif not (value or "").strip():
        raise DomainError("Enter the reference.", field="value")
    identifier = PersonIdentifier.objects.create(
        person=person,
        scheme=scheme,
        value=value.strip(),
        source_agency=source_agency,
        created_by=actor_user(actor),
    )
    audit(actor, person, AuditAction.UPDATE, "Added an identifier to a person's record")
    return identifier
