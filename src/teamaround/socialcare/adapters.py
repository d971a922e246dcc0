"""What social care needs from other apps, through their own functions: the Hub's hand-over
(accepted by the Hub's service), early help's step-ups (read only), and the family's
children (people's selectors). Social care writes none of their tables."""

from __future__ import annotations

from teamaround.core.access import on_behalf_of
from teamaround.people import selectors as people_selectors
from teamaround.people.models import MemberRole


def children_of(family) -> list:
    """The family's current children (the people a referral can be about)."""
    return [
        m.person
        for m in people_selectors.family_members(family)
        if m.ended_on is None and m.role == MemberRole.CHILD
    ]


def current_family(child, *, actor):
    return people_selectors.current_families([child.pk], actor=on_behalf_of(actor)).get(child.pk)


def hand_over_accept(*, actor, hand_over) -> None:
    from teamaround.frontdoor.models import HandOverStatus
    from teamaround.frontdoor.services.decisions import hand_over_accept as accept

    if hand_over.status == HandOverStatus.AWAITING:
        accept(actor=actor, hand_over=hand_over)


def is_social_care_hand_over(hand_over) -> bool:
    from teamaround.frontdoor.models import HandOverKind

    return hand_over.kind == HandOverKind.SOCIAL_CARE_REFERRAL


def step_up_waiting(family, team):
    """Early help's most recent step-up of this family to `team` (None if there is none)."""
    from teamaround.earlyhelp.models import StepUp

    return (
        StepUp.objects.filter(episode__family=family, to_team=team, archived_at__isnull=True)
        .order_by("-stepped_up_at")
        .first()
    )


def hub_missing_episodes(*, actor, child_id, since):
    """The Hub's police missing notifications about the child since `since`, through the
    Hub's own selector (which checks who may see them and audits the read)."""
    from teamaround.frontdoor.selectors.missing import missing_episodes_of_person

    return list(missing_episodes_of_person(actor=actor, person_id=child_id, since=since))
