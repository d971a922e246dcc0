"""A request's status moves only by typed events, through core.transitions: each kind names
the statuses it may happen in and the status it leaves behind; `apply_event` moves the status
and appends the event (from, to, who, when, what), so the request's history and its state can
never disagree. The missing-notification batch builds its requests' events from the same
table (`batch_event`)."""

from __future__ import annotations

from django.utils import timezone

from teamaround.core.calendar import add_working_days
from teamaround.core.transitions import Lifecycle, step
from teamaround.frontdoor.models import (
    RequestEvent,
    RequestEventKind,
    RequestForSupport,
    RequestStatus,
)
from teamaround.people.models import FamilyEventKind

# The Hub's standard: every request (and every missing notification it screens, and every one
# sent to an allocated worker) is dealt with within one working day of arriving.
HUB_RESPONSE_WORKING_DAYS = 1

Status = RequestStatus
SCREENABLE = {Status.SUBMITTED, Status.IN_SCREENING}

REQUEST_LIFECYCLE = Lifecycle(
    {
        RequestEventKind.DRAFT_SAVED: step({Status.DRAFT}),
        RequestEventKind.SUBMITTED: step(
            {Status.DRAFT}, Status.SUBMITTED, FamilyEventKind.REQUEST_FOR_SUPPORT
        ),
        RequestEventKind.ASSIGNED: step(SCREENABLE),
        RequestEventKind.CHECKS_RECORDED: step(SCREENABLE, Status.IN_SCREENING),
        RequestEventKind.PARTNER_INFORMATION: step(SCREENABLE, Status.IN_SCREENING),
        RequestEventKind.REVIEW_REQUESTED: step(SCREENABLE, Status.IN_SCREENING),
        RequestEventKind.DECIDED: step(SCREENABLE, Status.DECIDED, FamilyEventKind.HUB_DECISION),
        RequestEventKind.WITHDRAWN: step({Status.DRAFT, *SCREENABLE}, Status.WITHDRAWN),
    },
    noun="request",
)
# A decision at level 4 (a safeguarding concern) may be made from any state the Hub can see,
# including after an earlier decision or a withdrawal.
LEVEL_4_DECIDABLE = {Status.SUBMITTED, Status.IN_SCREENING, Status.DECIDED, Status.WITHDRAWN}


def can_happen(request: RequestForSupport, kind: str, *, level_4: bool = False) -> bool:
    allowed = LEVEL_4_DECIDABLE if kind == RequestEventKind.DECIDED and level_4 else None
    return REQUEST_LIFECYCLE.can_happen(request, kind, allowed=allowed)


def apply_event(
    request: RequestForSupport,
    kind: str,
    *,
    actor,
    summary: str = "",
    level_4: bool = False,
    when=None,
) -> RequestEvent:
    moved = REQUEST_LIFECYCLE.move(
        request,
        kind,
        actor=actor,
        when=when,
        why=summary,
        allowed=LEVEL_4_DECIDABLE if kind == RequestEventKind.DECIDED and level_4 else None,
    )
    return RequestEvent.objects.create(request=request, **moved.event_fields(summary))


def batch_event(request: RequestForSupport, kind: str, *, actor, when, summary: str):
    """For a batch that makes many requests at once (the missing notifications): move the
    unsaved request through the table and return its event unsaved, for bulk_create."""
    moved = REQUEST_LIFECYCLE.move(request, kind, actor=actor, when=when, why=summary, save=False)
    return RequestEvent(request=request, **moved.event_fields(summary))


def hub_due_on(arrived_at):
    """The day a request that arrived at `arrived_at` is due: one working day later (bank
    holidays and weekends skipped, counted from the local date it arrived)."""
    return add_working_days(timezone.localtime(arrived_at).date(), HUB_RESPONSE_WORKING_DAYS)
