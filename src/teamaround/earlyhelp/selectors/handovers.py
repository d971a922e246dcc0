"""Hand-overs from the Hub that early help still has to open an episode for: awaiting
acceptance, or accepted without an episode (a family must never be left there)."""

from __future__ import annotations

from django.db.models import QuerySet

from teamaround.earlyhelp.models import Episode
from teamaround.earlyhelp.services.handovers import EARLY_HELP_KINDS
from teamaround.frontdoor.models import HandOver, HandOverStatus
from teamaround.frontdoor.selectors.handovers import hand_overs_for_my_team


def hand_overs_to_open(*, actor) -> QuerySet[HandOver]:
    """The actor's team's early help hand-overs with no episode yet, oldest first."""
    if not actor.has_perm("frontdoor.view_hand_overs"):
        return HandOver.objects.none()
    return (
        hand_overs_for_my_team(
            actor=actor, status=(HandOverStatus.AWAITING, HandOverStatus.ACCEPTED)
        )
        .filter(kind__in=EARLY_HELP_KINDS)
        .exclude(pk__in=_opened())
    )


def can_open_from_hand_over(user, hand_over) -> bool:
    """Whether `user` is offered "Accept and open the episode" on this hand-over."""
    return bool(
        hand_over.kind in EARLY_HELP_KINDS
        and user.has_perm("earlyhelp.open_episode")
        and user.has_perm("frontdoor.accept_hand_over", hand_over)
        and not Episode.objects.filter(hand_over_id=hand_over.pk).exists()
    )


def _opened():
    return Episode.objects.exclude(hand_over_id__isnull=True).values("hand_over_id")
