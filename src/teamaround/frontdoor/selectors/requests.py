"""Reading requests: the referrer sees their own (with the outcome), the Hub sees any it may
screen. The same rule (`request_filter`) scopes a list and a single record; every time the
Hub opens a request it is audited, and a refusal is audited too."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from teamaround.core.access import is_system
from teamaround.core.records import record_get
from teamaround.frontdoor.models import RequestForSupport, RequestStatus
from teamaround.frontdoor.permissions import manages_the_hub, works_the_hub

NOTHING = Q(pk__in=[])


def request_filter(actor) -> Q:
    """Q on RequestForSupport: what `actor` may open: their own, and for the Hub's staff and
    its team manager every sent request. The Hub never sees anyone's draft."""
    if is_system(actor):
        return Q()
    if not getattr(actor, "is_authenticated", False):
        return NOTHING
    own = Q(referrer_id=actor.pk)
    if works_the_hub(actor) or manages_the_hub(actor):
        return own | ~Q(status=RequestStatus.DRAFT)
    return own


def request_get(*, actor, request_id, audit: bool = True) -> RequestForSupport:
    """A referrer reading their own request is not audited; the Hub opening one is."""
    return record_get(
        RequestForSupport.objects.select_related(
            "level_suggested", "district", "referrer_agency", "assigned_to", "person", "family"
        ),
        actor=actor,
        pk=request_id,
        rule=request_filter(actor),
        what="a request for support",
        audit=(lambda request: request.referrer_id != getattr(actor, "pk", None))
        if audit
        else False,
        message="You can only see requests you sent.",
    )


def my_requests(*, actor) -> QuerySet[RequestForSupport]:
    """The requests the actor sent (and drafts they are writing), newest first."""
    if not getattr(actor, "is_authenticated", False):
        return RequestForSupport.objects.none()
    return (
        RequestForSupport.objects.filter(referrer_id=actor.pk)
        .select_related("level_suggested")
        .prefetch_related("decisions__level")
        .order_by("-created_at")
    )


def latest_decision(*, actor, request: RequestForSupport):
    """The Hub's latest decision on a request the actor may see (None otherwise)."""
    if not RequestForSupport.objects.filter(request_filter(actor), pk=request.pk).exists():
        return None
    return (
        request.decisions.select_related(
            "level", "lead_professional__team__agency", "receiving_team", "decided_by"
        )
        .order_by("-decided_at")
        .first()
    )


def public_draft_get(draft_id) -> RequestForSupport | None:
    """The public form's draft this browser's session holds (a member of the public has no
    account: the draft's id in their own session is the only key), or None once it has been
    sent or if the session holds none."""
    if not draft_id:
        return None
    return RequestForSupport.objects.filter(
        pk=draft_id, status=RequestStatus.DRAFT, source="public"
    ).first()


def new_outcomes_count(*, actor, days: int = 14) -> int:
    """How many of the actor's own requests the Hub decided in the last `days` days."""
    if not getattr(actor, "is_authenticated", False):
        return 0
    since = timezone.now() - timedelta(days=days)
    return RequestForSupport.objects.filter(referrer_id=actor.pk, decided_at__gte=since).count()
