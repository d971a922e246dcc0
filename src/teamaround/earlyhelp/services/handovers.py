"""Opening an episode from the Hub's hand-over: accept it through the Hub's own service, then
open the episode at the level the Hub decided, linked back to the hand-over."""

from __future__ import annotations

from django.db import transaction

from teamaround.core.access import require
from teamaround.core.errors import Conflict, DomainError
from teamaround.earlyhelp.models import Episode, EpisodeSource
from teamaround.earlyhelp.services.episodes import episode_open
from teamaround.frontdoor.models import HandOverKind, HandOverStatus
from teamaround.frontdoor.services.decisions import hand_over_accept

EARLY_HELP_KINDS = (HandOverKind.TEAM_AROUND_FAMILY, HandOverKind.FAMILY_SOLUTIONS)


def episode_open_from_hand_over(
    *,
    actor,
    hand_over,
    lead_professional,
    family_agreed_on,
    family_agreed_by: str,
    review_interval_weeks=None,
) -> Episode:
    require(actor, "earlyhelp.open_episode", what="open an episode from a hand-over")
    require(actor, "frontdoor.accept_hand_over", hand_over, what="accept a hand-over")
    if hand_over.kind not in EARLY_HELP_KINDS:
        raise DomainError(
            "Only Team Around the Family and Family Solutions hand-overs open an "
            "early help episode."
        )
    if Episode.objects.filter(hand_over_id=hand_over.pk).exists():
        raise Conflict("An episode has already been opened from this hand-over.")
    with transaction.atomic():
        if hand_over.status == HandOverStatus.AWAITING:
            hand_over_accept(actor=actor, hand_over=hand_over)
        return episode_open(
            actor=actor,
            family=hand_over.family,
            level=hand_over.level,
            lead_professional=lead_professional,
            family_agreed_on=family_agreed_on,
            family_agreed_by=family_agreed_by,
            review_interval_weeks=review_interval_weeks,
            source=EpisodeSource.HUB,
            hand_over_id=hand_over.pk,
        )
