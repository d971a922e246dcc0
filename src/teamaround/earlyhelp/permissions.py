"""Who may see and change early help episodes. The rule is written once, as queryset filters
(`episode_filter` to read, `episode_edit_filter` to change); the object predicates and every
selector use those same filters, so a list and a single record never disagree.

- Change: members of the lead professional's team, and current members of the Team Around the
  Family, who hold a role that records casework (people's RECORDING_ROLES). A practitioner
  removed from the TAF loses access the moment they leave.
- Read: those, plus team managers of those teams, plus county-wide roles (Hub, social workers).
- A closed episode is changed by nobody until it is reopened (services refuse it).
"""

from __future__ import annotations

import rules
from django.db.models import Q

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.permissions import is_staff_member, is_team_manager, sees_county_counts
from teamaround.accounts.roles import COUNTY_WIDE_ROLES, Role
from teamaround.core.access import is_system
from teamaround.people.permissions import RECORDING_ROLES

NOTHING = Q(pk__in=[])
CASEWORK_ROLES = (
    Role.PRACTITIONER,
    Role.FAMILY_WORKER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HUB_SOCIAL_WORKER,
)
__all__ = ["does_casework", "episode_edit_filter", "episode_filter", "is_team_manager"]


def _current_taf(**where):
    from teamaround.earlyhelp.models import TafMember

    return TafMember.objects.filter(left_at__isnull=True, archived_at__isnull=True, **where)


def _works_on(actor) -> Q:
    """Q on Episode: the lead professional's team's episodes and those whose TAF `actor` is in."""
    allowed = Q(pk__in=_current_taf(practitioner_id=actor.pk).values("episode_id"))
    if actor.team_id:
        allowed |= Q(lead_team_id=actor.team_id)
    return allowed


def episode_edit_filter(actor) -> Q:
    """Q on Episode: the episodes `actor` may change (the roles that record casework, as for
    a person's record: not commissioners, analysts, administrators, panel chairs or IG)."""
    if is_system(actor):
        return Q()
    if not (is_staff_member(actor) and actor.has_role(*RECORDING_ROLES)):
        return NOTHING
    return _works_on(actor)


def episode_filter(actor) -> Q:
    """Q on Episode: the episodes `actor` may read."""
    if is_system(actor) or (is_staff_member(actor) and actor.has_role(*COUNTY_WIDE_ROLES)):
        return Q()
    if not is_staff_member(actor):
        return NOTHING
    allowed = _works_on(actor)
    if allowed != NOTHING and actor.team_id and actor.has_role(Role.TEAM_MANAGER):
        allowed |= Q(pk__in=_current_taf(team_id=actor.team_id).values("episode_id"))
    return allowed


@rules.predicate
def can_view_episode(user, episode) -> bool:
    from teamaround.earlyhelp.models import Episode

    return (
        episode is not None and Episode.objects.filter(episode_filter(user), pk=episode.pk).exists()
    )


@rules.predicate
def can_edit_episode(user, episode) -> bool:
    from teamaround.earlyhelp.models import Episode

    return (
        episode is not None
        and Episode.objects.filter(episode_edit_filter(user), pk=episode.pk).exists()
    )


@rules.predicate
def does_casework(user) -> bool:
    return bool(is_staff_member(user) and user.has_role(*CASEWORK_ROLES))


@rules.predicate
def manages_lead_team(user, episode) -> bool:
    return bool(
        episode is not None
        and is_team_manager(user)
        and user.team_id
        and user.team_id == episode.lead_team_id
    )


@rules.predicate
def works_in_social_care(user) -> bool:
    return bool(
        is_staff_member(user)
        and user.team_id
        and user.team.agency.kind == AgencyKind.CHILDRENS_SOCIAL_CARE
        and user.has_role(Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.HUB_SOCIAL_WORKER)
    )


rules.add_perm("earlyhelp.open_episode", does_casework)
rules.add_perm("earlyhelp.view_episode", can_view_episode)
rules.add_perm("earlyhelp.change_episode", can_edit_episode)
rules.add_perm("earlyhelp.sign_off_assessment", manages_lead_team)
rules.add_perm("earlyhelp.step_down", works_in_social_care)
rules.add_perm("earlyhelp.see_caseloads", is_team_manager)
# Counts by district and month for the commissioning app (aggregates, no case records).
rules.add_perm("earlyhelp.view_counts", sees_county_counts)
