"""How a record's status moves, the one way every app does it.

A record with a lifecycle (a request for support, an early help episode, a panel referral or
meeting) changes status only by a typed event. Each app declares a table: for each kind of
event, the statuses it may happen in, the status it leaves behind, and how it reads in the
family's chronology. `Lifecycle.move` checks the table, sets the status, and returns a
`Move` saying from, to, who, when and why; the app then appends its own event row (built with
`Move.event_fields`) or, for records without an event table, the audit event `move` writes.

The Hub's table (frontdoor.services.lifecycle) was the first; early help and panels use the
same mechanism, and the missing-notification batch builds its requests' events from the
Hub's table instead of writing the statuses itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils import timezone

from teamaround.core.access import actor_user
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict
from teamaround.core.models import AuditAction

After = str | Callable[[models.Model], str] | None


@dataclass(frozen=True)
class Step:
    """One kind of event: where it may happen (None: any status), the status afterwards (None
    leaves it; a callable decides from the record) and its kind in the family chronology
    ("" when it is not shown on the family's timeline)."""

    allowed: frozenset[str] | None
    after: After = None
    chronology: str = ""


def step(allowed: Iterable[str] | None, after: After = None, chronology: str = "") -> Step:
    return Step(None if allowed is None else frozenset(allowed), after, chronology)


@dataclass(frozen=True)
class Move:
    """What one event did: the record, the kind, the status before and after, who, when, why."""

    record: models.Model
    kind: str
    from_status: str
    to_status: str
    actor: object
    occurred_at: datetime
    why: str = ""

    @property
    def changed(self) -> bool:
        return self.from_status != self.to_status

    def event_fields(self, summary: str = "") -> dict:
        """The fields every event row shares (RequestEvent, EpisodeEvent)."""
        return {
            "kind": self.kind,
            "occurred_at": self.occurred_at,
            "actor": actor_user(self.actor),
            "from_status": self.from_status,
            "to_status": self.to_status,
            "summary": (summary or self.why)[:300],
        }


class Lifecycle:
    """A status field and the table of events that move it."""

    def __init__(self, steps: dict[str, Step], *, field: str = "status", noun: str = "record"):
        self.steps = steps
        self.field = field
        self.noun = noun

    def chronology_kind(self, kind: str) -> str:
        return self.steps[kind].chronology

    def can_happen(self, record, kind: str, *, allowed: Iterable[str] | None = None) -> bool:
        """Whether `kind` may happen to `record` now; `allowed` widens the table for one call
        (a level 4 decision may be made from any state the Hub can see)."""
        permitted = self.steps[kind].allowed if allowed is None else frozenset(allowed)
        return permitted is None or getattr(record, self.field) in permitted

    def status_after(self, record, kind: str) -> str:
        after = self.steps[kind].after
        if after is None:
            return getattr(record, self.field)
        return after(record) if callable(after) else after

    def move(
        self,
        record,
        kind: str,
        *,
        actor,
        why: str = "",
        when: datetime | None = None,
        allowed: Iterable[str] | None = None,
        save: bool = True,
        audit: bool = False,
    ) -> Move:
        """Check the table, set the status and (by default) save the record with its
        updated_by. A kind that may not happen now is a Conflict naming the status.

        `audit=True` also writes the audit event with {status: [from, to]} and `why` as its
        reason, for records whose app keeps no event table of its own."""
        if not self.can_happen(record, kind, allowed=allowed):
            current = getattr(record, f"get_{self.field}_display", lambda: "")()
            raise Conflict(f"This cannot be done to a {self.noun} that is {current.lower()}.")
        before = getattr(record, self.field)
        after = self.status_after(record, kind)
        setattr(record, self.field, after)
        if hasattr(record, "updated_by_id"):
            record.updated_by = actor_user(actor)
        if save:
            record.save()
        moved = Move(record, kind, before, after, actor, when or timezone.now(), why)
        if audit:
            audit_record(
                action=AuditAction.UPDATE,
                actor=actor,
                obj=record,
                summary=f"{self.noun.capitalize()}: {kind}",
                reason=why,
                changes={self.field: [before, after]} if moved.changed else {},
            )
        return moved
