"""Who may see and do what on panels. Each rule is written once as a queryset filter (a Q on the
model) and the object predicates use the same filter, so a list and a single record agree.

- A meeting (its agenda, attendance, decisions) is seen by the members of its panel whose
  membership covers the day of the meeting. A member of one district's MAAG does not see
  another district's.
- A case summary is seen by those members only until the meeting is closed (minutes approved);
  then access ends, for everyone.
- A referral is seen by whoever made it and by the panel's current members.
- An action is seen by the panel's current members and by its owner; for restricted panels
  (MARAC, MACE) the owner sees it only if the panel decided to share it. Nobody else sees
  restricted panels' work, however involved with the family they are.
"""

from __future__ import annotations

import rules
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from teamaround.accounts.permissions import is_administrator, is_staff_member, sees_county_counts
from teamaround.accounts.roles import Role
from teamaround.core.access import is_system
from teamaround.panels.models.choices import MemberRole

NOTHING = Q(pk__in=[])
RUNNING_ROLES = (MemberRole.CHAIR, MemberRole.COORDINATOR)


def _memberships(actor, on=None, roles=None):
    from teamaround.panels.models import PanelMembership

    members = PanelMembership.objects.filter(user_id=actor.pk, archived_at__isnull=True)
    if on is not None:
        members = members.filter(started_on__lte=on).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=on)
        )
    if roles:
        members = members.filter(role__in=roles)
    return members


def _membership_on_meeting_day(actor, panel_ref: str, day_ref: str, roles=None):
    from teamaround.panels.models import PanelMembership

    members = PanelMembership.objects.filter(
        user_id=actor.pk,
        archived_at__isnull=True,
        panel_id=OuterRef(panel_ref),
        started_on__lte=OuterRef(day_ref),
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=OuterRef(day_ref)))
    if roles:
        members = members.filter(role__in=roles)
    return Exists(members)


def meeting_filter(actor, roles=None) -> Q:
    """Q on PanelMeeting: meetings whose agenda and record the actor may see."""
    if is_system(actor):
        return Q()
    if not is_staff_member(actor):
        return NOTHING
    return Q(_membership_on_meeting_day(actor, "panel_id", "held_on", roles))


def case_summary_filter(actor) -> Q:
    """Q on CaseSummary: members of an open meeting only; none once the meeting is closed."""
    if is_system(actor):
        return Q()
    if not is_staff_member(actor):
        return NOTHING
    return Q(item__meeting__closed_at__isnull=True) & Q(
        _membership_on_meeting_day(actor, "item__meeting__panel_id", "item__meeting__held_on")
    )


def decision_filter(actor) -> Q:
    """Q on PanelDecision: as for the meeting it was made at."""
    if is_system(actor):
        return Q()
    if not is_staff_member(actor):
        return NOTHING
    return Q(_membership_on_meeting_day(actor, "item__meeting__panel_id", "item__meeting__held_on"))


def current_panels(actor, roles=None):
    return _memberships(actor, on=timezone.localdate(), roles=roles).values("panel_id")


def referral_filter(actor) -> Q:
    """Q on PanelReferral: the referrer's own, and the panel's current members'."""
    if is_system(actor):
        return Q()
    if not is_staff_member(actor):
        return NOTHING
    return Q(referred_by_id=actor.pk) | Q(panel_id__in=current_panels(actor))


def action_filter(actor) -> Q:
    """Q on PanelAction: current members of the panel; the owner unless restricted and
    not shared."""
    if is_system(actor):
        return Q()
    if not is_staff_member(actor):
        return NOTHING
    owned = Q(owner_id=actor.pk) & (
        Q(panel__panel_type__restricted=False) | Q(shared_with_owner=True)
    )
    return owned | Q(panel_id__in=current_panels(actor))


def _exists(model_name: str, rule, obj) -> bool:
    from teamaround.panels import models

    if obj is None:
        return False
    return getattr(models, model_name).objects.filter(rule, pk=obj.pk).exists()


@rules.predicate
def can_view_meeting(user, meeting) -> bool:
    return _exists("PanelMeeting", meeting_filter(user), meeting)


@rules.predicate
def runs_meeting(user, meeting) -> bool:
    return _exists("PanelMeeting", meeting_filter(user, RUNNING_ROLES), meeting)


@rules.predicate
def runs_panel(user, panel) -> bool:
    today = timezone.localdate()
    return (
        panel is not None
        and _memberships(user, today, RUNNING_ROLES).filter(panel_id=panel.pk).exists()
    )


@rules.predicate
def may_refer(user, panel) -> bool:
    if panel is None or not is_staff_member(user):
        return False
    kind = panel.panel_type
    agency = user.agency
    return user.has_role(*kind.referrer_roles) or bool(
        agency and agency.kind in kind.referrer_agency_kinds
    )


@rules.predicate
def can_view_summary(user, summary) -> bool:
    return _exists("CaseSummary", case_summary_filter(user), summary)


@rules.predicate
def can_view_action(user, action) -> bool:
    return _exists("PanelAction", action_filter(user), action)


@rules.predicate
def sees_costs(user) -> bool:
    return is_staff_member(user) and user.has_role(
        Role.COMMISSIONER, Role.ADMINISTRATOR, Role.PANEL_CHAIR
    )


rules.add_perm("panels.view_panels", is_staff_member)
rules.add_perm("panels.manage_panels", is_administrator)
rules.add_perm("panels.refer", may_refer)
rules.add_perm("panels.view_meeting", can_view_meeting)
rules.add_perm("panels.run_meeting", runs_meeting)
rules.add_perm("panels.run_panel", runs_panel)
rules.add_perm("panels.approve_minutes", runs_meeting)
rules.add_perm("panels.view_case_summary", can_view_summary)
rules.add_perm("panels.view_action", can_view_action)
rules.add_perm("panels.view_cost_report", sees_costs)
# Counts by district and month for the commissioning app (aggregates, no case records).
rules.add_perm("panels.view_counts", sees_county_counts)
