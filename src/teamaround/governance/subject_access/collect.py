"""Finding everything held about a person.

Starting from the person and the families they belong to (or belonged to), every model with a
foreign key to a record already found contributes its rows, level by level: the family's
chronology, episodes, then each episode's assessment, plan, TAF and meetings; panel referrals
and their decisions; directory referrals; the Hub's requests. Governance reads these tables
generically, through Django's model registry, and never writes them; so a new app's table is
included without anyone remembering to add it.

Left out on purpose: field-history copies (simple_history; the current record is given), the
search index (derived from the names given), and sessions. The audit trail and the ledger are
added as their own sections (the events about any record found, and the ledger entries about
the person).

Rows about someone else (a sibling's views in an assessment, say: a foreign key to another
person and none to the subject) belong to a third party, and every third party's names are
marked for redaction wherever they appear, unless the officer decides to release them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from teamaround.core.models import AuditEvent, WorkItem

MAX_DEPTH = 5
SKIP_MODELS = {
    "core.auditevent",
    "governance.disclosure",
    "people.personsearchkey",
    "sessions.session",
    "core.workitem",
}
HIDDEN_FIELDS = {"password"}


@dataclass
class ThirdParty:
    label: str
    person: models.Model
    redact: bool = True

    def names(self) -> list[str]:
        found = [f"{self.person.forenames} {self.person.surname}".strip()]
        found += [part for part in self.person.forenames.split() if len(part) >= 3]
        return [name for name in found if name]


@dataclass
class Section:
    label: str
    model_label: str
    rows: list[dict] = field(default_factory=list)


@dataclass
class Bundle:
    person: models.Model
    sections: list[Section]
    third_parties: dict[object, ThirdParty]
    found: dict[str, set]  # model label -> pks of every row found

    def count(self) -> int:
        return sum(len(section.rows) for section in self.sections)


def _is_history(model) -> bool:
    return model.__name__.startswith("Historical") and hasattr(model, "history_id")


def _candidates():
    return [
        model
        for model in apps.get_models()
        if model._meta.label_lower not in SKIP_MODELS
        and not _is_history(model)
        and not model._meta.proxy
    ]


def find(person) -> dict[type, dict]:
    """{model: {pk: instance}} for every row found from the person, level by level."""
    from teamaround.people.models import Family, FamilyMembership, Person

    found: dict[type, dict] = defaultdict(dict)
    found[Person][person.pk] = person
    families = Family.objects.filter(
        pk__in=FamilyMembership.objects.filter(person=person).values("family_id")
    )
    frontier: dict[type, set] = {Person: {person.pk}, Family: set()}
    for family in families:
        found[Family][family.pk] = family
        frontier[Family].add(family.pk)
    candidates = _candidates()
    for _ in range(MAX_DEPTH):
        next_frontier: dict[type, set] = defaultdict(set)
        for model in candidates:
            for fk in _foreign_keys(model):
                target = fk.related_model
                if target is Person and model is not Person:
                    ids = {person.pk}
                elif target is not Person:
                    ids = frontier.get(target)
                else:
                    continue
                if not ids:
                    continue
                for row in model.objects.filter(**{f"{fk.name}__in": list(ids)}):
                    if row.pk not in found[model]:
                        found[model][row.pk] = row
                        next_frontier[model].add(row.pk)
        if not next_frontier:
            break
        frontier = next_frontier
    return found


def _foreign_keys(model):
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.related_model is not get_user_model()
    ]


def collect(person, *, released: set | None = None) -> Bundle:
    """The bundle for `person`; `released` holds third-party person ids the officer decided
    to show (every other third party stays redacted)."""
    from teamaround.people.models import FamilyMembership, Person

    released = released or set()
    found = find(person)
    third: dict[object, ThirdParty] = {}

    def party(other) -> ThirdParty:
        if other.pk not in third:
            third[other.pk] = ThirdParty(
                f"Third party {len(third) + 1}", other, redact=other.pk not in released
            )
        return third[other.pk]

    family_ids = list(found.get(apps.get_model("people", "Family"), {}))
    for membership in FamilyMembership.objects.filter(family_id__in=family_ids).select_related(
        "person"
    ):
        if membership.person_id != person.pk:
            party(membership.person)
    rows_by_model: dict[type, list] = {}
    for model, rows in found.items():
        for row in rows.values():
            for fk in _foreign_keys(row.__class__):
                if fk.related_model is Person:
                    other_id = getattr(row, fk.attname)
                    if other_id and other_id != person.pk:
                        party(Person.objects.get(pk=other_id))
        rows_by_model[model] = list(rows.values())
    scrub = _scrubber(third.values())
    sections = []
    for model in sorted(rows_by_model, key=lambda m: (_order(m), m._meta.label_lower)):
        label = str(model._meta.verbose_name_plural).capitalize()
        section = Section(
            f"{label} ({model._meta.app_config.verbose_name})", model._meta.label_lower
        )
        for row in sorted(rows_by_model[model], key=_when):
            section.rows.append(_row(row, person, third, scrub))
        sections.append(section)
    sections.append(_audit_section(found, scrub))
    sections.append(_ledger_section(person, scrub))
    sections.append(_work_section(found, scrub))
    found_ids = {m._meta.label_lower: set(rows) for m, rows in found.items()}
    return Bundle(person, sections, third, found_ids)


def _order(model) -> int:
    label = model._meta.label_lower
    return 0 if label == "people.person" else 1 if label.startswith("people.") else 2


def _when(row):
    for name in ("occurred_at", "held_on", "created_at", "received_on"):
        value = getattr(row, name, None)
        if value is not None:
            return (str(value), str(row.pk))
    return ("", str(row.pk))


def _scrubber(parties):
    """Replace every redacted third party's names in free text with their label."""
    pairs = []
    for third in parties:
        if third.redact:
            for name in third.names():
                pairs.append((re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE), third.label))
    pairs.sort(key=lambda pair: -len(pair[0].pattern))

    def scrub(text: str) -> str:
        for pattern, label in pairs:
            text = pattern.sub(f"[{label}]", text)
        return text

    return scrub


def _row(row, subject, third, scrub) -> dict:
    from teamaround.people.models import Person

    owner = None
    person_fks = [fk for fk in _foreign_keys(row.__class__) if fk.related_model is Person]
    ids = {getattr(row, fk.attname) for fk in person_fks} - {None}
    if row.__class__ is not Person and ids and subject.pk not in ids:
        owner = third[next(iter(ids))]
    values: dict = {"id": str(row.pk)}
    for f in row._meta.concrete_fields:
        if f.name in HIDDEN_FIELDS or f.primary_key:
            continue
        values[f.name] = _value(row, f, subject, third, scrub, owner)
    if owner is not None:
        values["about"] = owner.label if owner.redact else str(owner.person)
    return values


def _value(row, f, subject, third, scrub, owner):
    from teamaround.people.models import Person

    if isinstance(f, models.ForeignKey):
        pk = getattr(row, f.attname)
        if pk is None:
            return None
        if f.related_model is Person:
            if pk == subject.pk:
                return "The person this request is about"
            other = third[pk]
            return f"[{other.label}]" if other.redact else str(other.person)
        if f.related_model is get_user_model():
            user = getattr(row, f.name)
            return f"{user.get_full_name() or user.username} (staff)"
        return str(pk)
    value = getattr(row, f.attname)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        if owner is not None and owner.redact and value and f.name not in ("kind", "status"):
            return f"[Redacted: about {owner.label}]"
        return scrub(value)
    if isinstance(value, dict | list):
        return scrub(str(value)) if value else value
    if value is None or isinstance(value, bool | int | float):
        return value
    return scrub(str(value))


def _audit_section(found, scrub) -> Section:
    section = Section("Audit trail: who opened or changed these records", "core.auditevent")
    ids = [str(pk) for rows in found.values() for pk in rows]
    events = []
    for start in range(0, len(ids), 500):
        events += list(AuditEvent.objects.filter(object_id__in=ids[start : start + 500]))
    for event in sorted(events, key=lambda e: e.occurred_at):
        section.rows.append(
            {
                "id": str(event.pk),
                "occurred_at": event.occurred_at.isoformat(),
                "who": event.actor_username,
                "action": event.get_action_display(),
                "record": f"{event.object_type} {event.object_id}",
                "summary": scrub(event.summary),
            }
        )
    return section


def _ledger_section(person, scrub) -> Section:
    from teamaround.governance.models import Disclosure

    section = Section("Disclosure ledger: what was shared about them", "governance.disclosure")
    for entry in (
        Disclosure.objects.filter(person_id=person.pk)
        .select_related("recipient_user", "recipient_agency")
        .order_by("occurred_at")
    ):
        section.rows.append(
            {
                "id": str(entry.pk),
                "occurred_at": entry.occurred_at.isoformat(),
                "outcome": entry.get_outcome_display(),
                "channel": entry.get_channel_display(),
                "purpose": entry.get_purpose_display(),
                "basis": entry.get_basis_kind_display() if entry.basis_kind else "",
                "to": ", ".join(
                    str(x) for x in (entry.recipient_user, entry.recipient_agency) if x
                ),
                "reason": scrub(entry.reason),
            }
        )
    return section


def _work_section(found, scrub) -> Section:
    section = Section("Work items about these records", "core.workitem")
    ids = [str(pk) for rows in found.values() for pk in rows]
    items = []
    for start in range(0, len(ids), 500):
        items += list(WorkItem.objects.filter(source_id__in=ids[start : start + 500]))
    for item in sorted(items, key=lambda i: i.created_at):
        section.rows.append(
            {
                "id": str(item.pk),
                "created_at": item.created_at.isoformat(),
                "title": scrub(item.title),
                "status": item.get_status_display(),
                "due_on": item.due_on.isoformat() if item.due_on else None,
            }
        )
    return section
