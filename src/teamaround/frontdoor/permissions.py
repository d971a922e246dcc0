"""Who may do what at the Hub, as `rules` predicates. Services and selectors check these
through core.access; pages and the API only show what the services allow.

- Any member of staff may send a request for support or record a consultation, and sees the
  requests they sent (and their outcomes), never anyone else's.
- Hub screeners and Hub social workers work the queue, screen, decide, and see missing
  episodes; every request they open is audited.
- The manager of the Hub's team (a team whose members work the queue) sees the flow and the
  Missing Co-ordinator's scrutiny list.
- Missing notifications come from the police (staff of a police agency), data analysts
  loading the police's file, or the Hub itself.
- A hand-over is accepted by a member of the team it was handed to.
"""

from __future__ import annotations

import rules

from teamaround.accounts.permissions import is_staff_member, is_team_manager, sees_county_counts
from teamaround.accounts.roles import Role

HUB_ROLES = (Role.HUB_SCREENER, Role.HUB_SOCIAL_WORKER)


@rules.predicate
def works_the_hub(user) -> bool:
    return bool(is_staff_member(user) and user.has_role(*HUB_ROLES))


@rules.predicate
def is_hub_social_worker(user) -> bool:
    return bool(is_staff_member(user) and user.has_role(Role.HUB_SOCIAL_WORKER))


def hub_team_ids() -> set:
    """Teams whose members work the Hub queue: their manager manages the Hub."""
    from teamaround.accounts.models import RoleAssignment

    return set(
        RoleAssignment.objects.filter(role__in=HUB_ROLES, user__is_active=True)
        .exclude(user__team__isnull=True)
        .values_list("user__team_id", flat=True)
    )


@rules.predicate
def manages_the_hub(user) -> bool:
    return bool(is_team_manager(user) and user.team_id and user.team_id in hub_team_ids())


@rules.predicate
def sent_the_request(user, request) -> bool:
    return (
        request is not None and request.referrer_id is not None and (request.referrer_id == user.pk)
    )


@rules.predicate
def sends_police_notifications(user) -> bool:
    from teamaround.accounts.models import AgencyKind

    if not is_staff_member(user):
        return False
    if user.has_role(Role.DATA_ANALYST):
        return True
    return bool(user.team_id and user.team.agency.kind == AgencyKind.POLICE)


@rules.predicate
def in_receiving_team(user, hand_over) -> bool:
    return bool(
        hand_over is not None
        and is_staff_member(user)
        and user.team_id
        and hand_over.receiving_team_id == user.team_id
    )


rules.add_perm("frontdoor.send_request", is_staff_member)
# The Hub's team manager sees the queue and every request, and allocates them; deciding is
# for the Hub's screeners and social workers.
sees_the_hub = works_the_hub | manages_the_hub
rules.add_perm("frontdoor.view_request", sees_the_hub | sent_the_request)
rules.add_perm("frontdoor.change_draft", sent_the_request)
rules.add_perm("frontdoor.work_queue", sees_the_hub)
rules.add_perm("frontdoor.decide", works_the_hub)
rules.add_perm("frontdoor.record_consultation", is_staff_member)
rules.add_perm("frontdoor.receive_missing", works_the_hub | sends_police_notifications)
rules.add_perm("frontdoor.view_missing", works_the_hub | manages_the_hub)
rules.add_perm("frontdoor.record_missing_follow_up", works_the_hub | manages_the_hub)
rules.add_perm("frontdoor.view_flow", manages_the_hub)
rules.add_perm("frontdoor.view_hand_overs", is_staff_member)
rules.add_perm("frontdoor.accept_hand_over", in_receiving_team)
# Counts by district and month for the commissioning app (aggregates, no case records).
rules.add_perm("frontdoor.view_counts", sees_county_counts)
