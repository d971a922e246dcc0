"""Reads of decisions, actions and linked children, by the same rules as their meetings."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import Http404

from teamaround.core.records import record_get
from teamaround.panels.models import AgendaItem, LinkedChild, PanelAction, PanelDecision
from teamaround.panels.permissions import action_filter, decision_filter

DECISION_RELATED = (
    "item__meeting__panel__panel_type",
    "item__referral__family",
    "lead_professional",
    "alternative",
    "safety_plan",
    "place_review",
    "missing_review",
    "package",
)


def decision_list(*, actor, meeting=None) -> QuerySet[PanelDecision]:
    decisions = PanelDecision.objects.filter(decision_filter(actor)).select_related(
        *DECISION_RELATED
    )
    if meeting is not None:
        decisions = decisions.filter(item__meeting=meeting)
    return decisions.prefetch_related("funding_shares__agency", "package__parts__service")


def decision_get(*, actor, decision_id) -> PanelDecision:
    return record_get(
        PanelDecision.objects.select_related(*DECISION_RELATED),
        actor=actor,
        pk=decision_id,
        rule=decision_filter(actor),
        what="a panel decision",
    )


def action_list(*, actor, open_only: bool = False) -> QuerySet[PanelAction]:
    actions = PanelAction.objects.filter(action_filter(actor)).select_related(
        "panel__panel_type", "owner", "owner_agency"
    )
    return actions.filter(status="open") if open_only else actions


def action_get(*, actor, action_id) -> PanelAction:
    return record_get(
        PanelAction.objects.select_related("panel__panel_type", "owner"),
        actor=actor,
        pk=action_id,
        rule=action_filter(actor),
        what="a panel action",
    )


def linked_children(*, actor, decision: PanelDecision) -> list:
    """MACE 2's linked children, only for members whose membership carries the right."""
    review = getattr(decision, "place_review", None)
    if review is None:
        return []
    meeting = decision.item.meeting
    allowed = decision.item.meeting.panel.memberships.filter(
        user_id=getattr(actor, "pk", None),
        can_see_linked_children=True,
        started_on__lte=meeting.held_on,
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=meeting.held_on))
    if not allowed.exists():
        return []
    return [link.child for link in LinkedChild.objects.filter(place_review=review)]


def agenda_item_get(*, actor, item_id, kind=None) -> AgendaItem:
    """An agenda item (of this kind, if given) on a meeting the actor may open (404
    otherwise: the meeting's own rule, through meeting_get)."""
    from teamaround.panels.selectors.panels import meeting_get

    items = AgendaItem.objects.filter(pk=item_id).select_related("meeting")
    item = (items.filter(kind=kind) if kind is not None else items).first()
    if item is None:
        raise Http404
    meeting_get(actor=actor, meeting_id=item.meeting_id, audit=False)
    return item


def action_owner_choices(*, actor, item: AgendaItem) -> QuerySet:
    """Who a decision on this item can give actions to: the panel's current members and the
    staff of the teams involved with the family (active accounts only)."""
    from teamaround.people.selectors import family_involvements

    panel_members = item.meeting.panel.memberships.filter(ended_on__isnull=True)
    who = Q(pk__in=panel_members.values("user_id"))
    family = item.referral.family if item.referral_id else None
    if family is not None:
        teams = family_involvements(family).filter(closed_at__isnull=True).values("team_id")
        who |= Q(team_id__in=teams)
    return get_user_model().objects.filter(who, is_active=True).order_by("last_name")


def decision_service_choices(*, actor, panel) -> QuerySet:
    """The services a decision may name: the directory's public ones, in the panel's district
    where it has one."""
    from teamaround.directory.selectors import publicly_visible

    services = publicly_visible().select_related("organisation")
    if panel.district_id:
        services = services.filter(districts=panel.district_id)
    return services.order_by("name")
