"""A request's status moves only by typed events. Each kind names the statuses it may happen
in and the status it leaves behind; `apply_event` enforces that and appends the event, so the
request's history and its state can never disagree."""

from __future__ import annotations

from django.utils import timezone

from teamaround.core.access import actor_user
from teamaround.core.errors import DomainError
from teamaround.frontdoor.models import RequestEvent, RequestEventKind, RequestForSupport
from teamaround.frontdoor.models import RequestStatus as S

Kind = RequestEventKind
SCREENABLE = {S.SUBMITTED, S.IN_SCREENING}

# kind -> (statuses it may happen in, status afterwards; None leaves it unchanged)
TRANSITIONS = {
    Kind.DRAFT_SAVED: ({S.DRAFT}, None),
    Kind.SUBMITTED: ({S.DRAFT}, S.SUBMITTED),
    Kind.ASSIGNED: (SCREENABLE, None),
    Kind.CHECKS_RECORDED: (SCREENABLE, S.IN_SCREENING),
    Kind.PARTNER_INFORMATION: (SCREENABLE, S.IN_SCREENING),
    Kind.REVIEW_REQUESTED: (SCREENABLE, S.IN_SCREENING),
    Kind.DECIDED: (SCREENABLE, S.DECIDED),
    Kind.WITHDRAWN: ({S.DRAFT, S.SUBMITTED, S.IN_SCREENING}, S.WITHDRAWN),
}
# A decision at level 4 (a safeguarding concern) may be made from any state the Hub can see,
# including after an earlier decision or a withdrawal.
LEVEL_4_DECIDABLE = {S.SUBMITTED, S.IN_SCREENING, S.DECIDED, S.WITHDRAWN}


def can_happen(request: RequestForSupport, kind: str, *, level_4: bool = False) -> bool:
    allowed, _ = TRANSITIONS[kind]
    if kind == Kind.DECIDED and level_4:
        allowed = LEVEL_4_DECIDABLE
    return request.status in allowed


def apply_event(
    request: RequestForSupport,
    kind: str,
    *,
    actor,
    summary: str = "",
    level_4: bool = False,
    when=None,
) -> RequestEvent:
    if not can_happen(request, kind, level_4=level_4):
        raise DomainError(
            f"This cannot be done to a request that is {request.get_status_display().lower()}."
        )
    _, after = TRANSITIONS[kind]
    before = request.status
    if after is not None:
        request.status = after
    request.updated_by = actor_user(actor)
    request.save()
    return RequestEvent.objects.create(
        request=request,
        kind=kind,
        occurred_at=when or timezone.now(),
        actor=actor_user(actor),
        from_status=before,
        to_status=request.status,
        summary=summary[:300],
    )
