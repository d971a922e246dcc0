"""Recording events in a family's chronology. Other apps call `family_event_record`."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from teamaround.core.access import actor_user, require
from teamaround.core.errors import DomainError
from teamaround.people.models import Family, FamilyEvent, FamilyEventKind


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
    require(actor, "people.record_event", what="record a family event")
    if kind not in FamilyEventKind.values:
        raise DomainError("Choose a kind of event from the list.", field="kind")
    if not (summary or "").strip():
        raise DomainError("Say what happened.", field="summary")
    return FamilyEvent.objects.create(
        family=family,
        occurred_at=occurred_at or timezone.now(),
        kind=kind,
        summary=summary.strip()[:300],
        team=team if team is not None else getattr(actor, "team", None),
        source_app=source_app,
        source_id=str(source_id or ""),
        actor=actor_user(actor),
    )
