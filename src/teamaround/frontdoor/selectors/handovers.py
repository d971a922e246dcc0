"""Hand-overs from the Hub waiting for the receiving team: each team sees only its own."""

from __future__ import annotations

from django.db.models import QuerySet

from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.core.records import record_get
from teamaround.frontdoor.models import HandOver, HandOverStatus


def hand_overs_for_my_team(
    *, actor, status: str | tuple[str, ...] = HandOverStatus.AWAITING
) -> QuerySet[HandOver]:
    """The actor's team's hand-overs in `status` (one status or several)."""
    require(actor, "frontdoor.view_hand_overs", what="see the team's hand-overs")
    if not actor.team_id:
        return HandOver.objects.none()
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="frontdoor.handover",
        summary="Listed the team's hand-overs from the Hub",
    )
    return (
        HandOver.objects.filter(
            receiving_team_id=actor.team_id,
            status__in=(status,) if isinstance(status, str) else status,
        )
        .select_related("request", "level", "decision__lead_professional", "family")
        .order_by("created_at")
    )


def hand_over_get(*, actor, hand_over_id) -> HandOver:
    return record_get(
        HandOver.objects.select_related("request", "level", "family", "receiving_team"),
        actor=actor,
        pk=hand_over_id,
        rule=lambda hand_over: actor.has_perm("frontdoor.accept_hand_over", hand_over),
        what="a hand-over from the Hub",
    )


def hand_overs_waiting_count(*, actor) -> int:
    """How many hand-overs wait for the actor's team (a count: not audited)."""
    require(actor, "frontdoor.view_hand_overs", what="see the team's hand-overs")
    if not actor.team_id:
        return 0
    return HandOver.objects.filter(
        receiving_team_id=actor.team_id, status=HandOverStatus.AWAITING
    ).count()
