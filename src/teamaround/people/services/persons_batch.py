"""Recording many people at once, each in a new household of their own: what an imported file
of children not yet known needs (a police missing-notification file can bring hundreds).

`person_create` costs a dozen queries and audit events per person; here every row is checked
first with the same rules (a bad row rejects the whole batch, every problem reported by row
and field, nothing written), then the rows are built in memory and written with one insert
per table (people.services.bulk). Search keys come from the same `key_rows`, so a person
recorded here is found by "is this child known?" exactly as one recorded by `person_create`.
One audit event covers the batch, with counts and ids. Field history starts at a record's
first change, as for the seeder's bulk writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from teamaround.core.access import actor_user, require
from teamaround.core.errors import ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.selectors import district_for_postcode
from teamaround.people import validators
from teamaround.people.models import (
    Family,
    FamilyEvent,
    FamilyEventKind,
    FamilyMembership,
    IdentifierScheme,
    Involvement,
    MemberRole,
    NameKind,
    Person,
    PersonAddress,
    PersonIdentifier,
    PersonName,
)
from teamaround.people.services.bulk import Buffers
from teamaround.people.services.input_checks import Checks, audit_batch
from teamaround.people.services.persons import PERSON_FIELDS, _check_address, _check_person
from teamaround.people.services.search_keys import key_rows


@dataclass(frozen=True)
class RecordedPerson:
    person: Person
    family: Family


@dataclass
class _Checked:
    values: dict
    role: str
    address: dict | None
    identifiers: list[tuple[str, str]]
    source_agency: object
    other_names: list[dict]


def _check_identifiers(checks: Checks, values: Mapping) -> list[tuple[str, str]]:
    """NHS number and UPN (as person_create takes them) and any others as (scheme, value),
    each checked as person_identifier_add checks it."""
    found = []
    wanted = [(IdentifierScheme.NHS_NUMBER, values.get("nhs_number", ""))]
    wanted += [(IdentifierScheme.UPN, values.get("upn", ""))]
    wanted += list(values.get("identifiers") or [])
    for scheme, value in wanted:
        if scheme == IdentifierScheme.NHS_NUMBER and value:
            value = checks.run(lambda v=value: validators.validate_nhs_number(v))
        elif scheme == IdentifierScheme.UPN and value:
            value = checks.run(lambda v=value: validators.validate_upn(v))
        elif scheme in (IdentifierScheme.NHS_NUMBER, IdentifierScheme.UPN):
            continue
        elif scheme not in IdentifierScheme.values:
            checks.errors.setdefault("identifiers", []).append("Choose the kind of identifier.")
            continue
        else:
            value = checks.require_text(value, "identifiers", "Enter the reference.")
        if value:
            found.append((scheme, value))
    return found


def _check_other_names(checks: Checks, values: Mapping) -> list[dict]:
    """Previous names and aliases as person_name_add takes them: kind, forenames, surname."""
    found = []
    for name in values.get("other_names") or []:
        kind = name.get("kind") or NameKind.PREVIOUS
        forenames, surname = (
            (name.get("forenames") or "").strip(),
            (name.get("surname") or "").strip(),
        )
        if kind not in NameKind.values:
            checks.errors.setdefault("other_names", []).append("Choose the kind of name.")
        elif not (forenames or surname):
            checks.errors.setdefault("other_names", []).append("Enter a first name or a last name.")
        else:
            found.append({"kind": kind, "forenames": forenames, "surname": surname})
    return found


def _check_row(values: Mapping) -> tuple[_Checked | None, dict[str, list[str]]]:
    checks = Checks()
    other_names = _check_other_names(checks, values)
    person = _check_person(checks, {k: v for k, v in values.items() if k in PERSON_FIELDS})
    identifiers = _check_identifiers(checks, values)
    address = _check_address(checks, values.get("address"))
    role = values.get("role") or MemberRole.CHILD
    if role not in MemberRole.values:
        checks.errors.setdefault("role", []).append("Choose the person's role in the family.")
    if checks.errors:
        return None, checks.errors
    checked = _Checked(person, role, address, identifiers, values.get("source_agency"), other_names)
    return checked, {}


def check_rows(rows: Iterable[Mapping]) -> list[_Checked]:
    """Every row checked; ValidationFailed keyed "row N: field" (N from 1) if any is bad."""
    checked, errors = [], {}
    for number, values in enumerate(rows, start=1):
        row, problems = _check_row(values)
        for field, messages in problems.items():
            errors.setdefault(f"row {number}: {field}", []).extend(messages)
        checked.append(row)
    if errors:
        raise ValidationFailed(errors)
    return checked


class _Districts:
    """district_for_postcode once per outward code: a county file repeats a few hundred."""

    def __init__(self):
        self.known: dict[str, object] = {}

    def __call__(self, postcode: str):
        outward = validators.outward_code(postcode)
        if outward not in self.known:
            self.known[outward] = district_for_postcode(postcode)
        return self.known[outward]


@transaction.atomic
def persons_record_batch(*, actor, rows: Iterable[Mapping]) -> list[RecordedPerson]:
    """Record each row (person_create's arguments, without `family`, plus `identifiers` as
    (scheme, value) pairs and `other_names` as dicts of kind, forenames and surname, as
    person_name_add takes them) in a new household of its own, as person_create does without a
    family: the household, the person's membership, address with district, identifiers, other
    names, search keys, the chronology, and the actor's team involved. In row order."""
    require(actor, "people.record", what="record people")
    checked = check_rows(list(rows))
    user, team = actor_user(actor), getattr(actor, "team", None)
    now, today = timezone.now(), timezone.localdate()
    districts, buffers, recorded = _Districts(), Buffers(), []
    for row in checked:
        person = Person(created_by=user, **row.values)
        family = Family(name=f"{person.surname} household"[:150], created_by=user)
        buffers.add(person)
        buffers.add(family)
        buffers.add(
            _event(user, family, FamilyEventKind.FAMILY_RECORDED, "Family recorded", now, team=team)
        )
        if team is not None:
            involvement = Involvement(
                family=family,
                team=team,
                reason="Recorded the family",
                opened_at=now,
                created_by=user,
            )
            buffers.add(involvement)
            buffers.add(
                _event(
                    user,
                    family,
                    FamilyEventKind.INVOLVEMENT_OPENED,
                    f"{team.name} became involved",
                    now,
                    source_id=involvement.pk,
                    team=team,
                )
            )
        membership = FamilyMembership(
            family=family, person=person, role=row.role, started_on=today, created_by=user
        )
        buffers.add(membership)
        label = MemberRole(row.role).label.lower()
        buffers.add(
            _event(
                user,
                family,
                FamilyEventKind.MEMBER_JOINED,
                f"A {label} joined the household",
                now,
                source_id=membership.pk,
                team=team,
            )
        )
        for scheme, value in row.identifiers:
            buffers.add(
                PersonIdentifier(
                    person=person,
                    scheme=scheme,
                    value=value.strip(),
                    source_agency=row.source_agency,
                    created_by=user,
                )
            )
        district = None
        if row.address:
            district = districts(row.address["postcode"])
            buffers.add(
                PersonAddress(
                    person=person,
                    line_1=row.address["line_1"],
                    line_2=row.address.get("line_2", ""),
                    town=row.address.get("town", ""),
                    postcode=row.address["postcode"],
                    district=district,
                    moved_in=row.address.get("moved_in") or today,
                    created_by=user,
                )
            )
        for name in row.other_names:
            buffers.add(PersonName(person=person, created_by=user, **name))
        for key in key_rows(
            person_id=person.pk,
            names=[(person.forenames, person.surname, True)]
            + [
                (n["forenames"] or person.forenames, n["surname"] or person.surname, False)
                for n in row.other_names
            ],
            date_of_birth=person.date_of_birth,
            postcode=row.address["postcode"] if row.address else "",
            district_id=district.pk if district else None,
            sex=person.sex,
            is_unborn=person.is_unborn,
            household_id=family.pk,
        ):
            buffers.add(key)
        recorded.append(RecordedPerson(person=person, family=family))
    buffers.flush()
    if recorded:
        audit_batch(
            actor,
            AuditAction.CREATE,
            "people.person",
            f"Recorded {len(recorded)} people, each in a new household",
            count=len(recorded),
            persons=[str(r.person.pk) for r in recorded],
            families=[str(r.family.pk) for r in recorded],
        )
    return recorded


def _event(user, family, kind, summary, when, *, source_id=None, team=None) -> FamilyEvent:
    return FamilyEvent(
        family=family,
        occurred_at=when,
        kind=kind,
        summary=summary,
        team=team,
        source_id=str(source_id or family.pk),
        actor=user,
    )
