"""Recording events in a family's chronology. Other apps call `family_event_record`, or
`family_events_record_batch` when one piece of work (an imported file) makes many at once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from teamaround.core.access import actor_user, is_system, require
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.people.models import Family, FamilyEvent, FamilyEventKind
from teamaround.people.services.input_checks import audit_batch


def _check_event(kind: str, summary: str) -> str:
    """The one set of rules for an event, single or batched; returns the summary to keep."""
    if kind not in FamilyEventKind.values:
        raise DomainError("Choose a kind of event from the list.", field="kind")
    if not (summary or "").strip():
        raise DomainError("Say what happened.", field="summary")
    return summary.strip()[:300]


def _event(actor, *, family_id, kind, summary, occurred_at, team, source_app, source_id):
    return FamilyEvent(
        family_id=family_id,
        occurred_at=occurred_at or timezone.now(),
        kind=kind,
        summary=summary,
        team=team if team is not None else getattr(actor, "team", None),
        source_app=source_app,
        source_id=str(source_id or ""),
        actor=actor_user(actor),
    )


@transaction.atomic
def family_event_record(
    *,
    actor,
    family: Family,
    kind: str,
    summary: str,
    occurred_at: datetime | None = None,
    team=None,
    source_app: str = "people",
    source_id: str = "",
) -> FamilyEvent:
    """Add one event to a family's chronology. `summary` says what happened without personal
    details: the chronology is read by every team involved with the family."""
    require(actor, "people.record_event", family, what="record a family event")
    summary = _check_event(kind, summary)
    event = _event(
        actor,
        family_id=family.pk,
        kind=kind,
        summary=summary,
        occurred_at=occurred_at,
        team=team,
        source_app=source_app,
        source_id=source_id,
    )
    event.save(force_insert=True)
    return event


@transaction.atomic
def family_events_record_batch(*, actor, events: Iterable[Mapping]) -> list[FamilyEvent]:
    """Many chronology events in one insert. Each event is a mapping of family_event_record's
    arguments (`family` or `family_id`, kind, summary, occurred_at, team, source_app,
    source_id). Every event is checked first: one bad event rejects the batch, with each
    problem reported as "event N: field", and nothing is written."""
    events = list(events)
    if not is_system(actor):  # a person writing events directly needs each family's record
        wanted = {v.get("family_id") or getattr(v.get("family"), "pk", None) for v in events}
        families = list(Family.objects.filter(pk__in=wanted - {None}))
        if not families:
            require(actor, "people.record_event", None, what="record family events")
        for family in families:
            require(actor, "people.record_event", family, what="record family events")
    errors: dict[str, list[str]] = {}
    made = []
    for number, values in enumerate(events, start=1):
        family_id = values.get("family_id") or getattr(values.get("family"), "pk", None)
        if family_id is None:
            errors.setdefault(f"event {number}: family", []).append("Choose the family.")
        try:
            summary = _check_event(values.get("kind", ""), values.get("summary", ""))
        except DomainError as error:
            for field, messages in error.errors.items():
                errors.setdefault(f"event {number}: {field}", []).extend(messages)
            continue
        made.append(
            _event(
                actor,
                family_id=family_id,
                kind=values["kind"],
                summary=summary,
                occurred_at=values.get("occurred_at"),
                team=values.get("team"),
                source_app=values.get("source_app", "people"),
                source_id=values.get("source_id", ""),
            )
        )
    if errors:
        raise ValidationFailed(errors)
    if made:
        from teamaround.people.services.bulk import bulk_insert

        bulk_insert(FamilyEvent, made)
        audit_batch(
            actor,
            AuditAction.CREATE,
            "people.familyevent",
            f"Recorded {len(made)} family events",
            count=len(made),
            families=sorted({str(event.family_id) for event in made}),
        )
    return made
