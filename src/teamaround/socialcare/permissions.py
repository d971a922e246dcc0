"""Who may see and change social care cases. Written once as queryset filters (`case_filter`
to read, `case_edit_filter` to change); the predicates and every selector use them.

- Change: the allocated worker, and social workers and team managers of the case's team
  (a Hub social worker too, while the referral awaits its decision in a Hub team).
- Read: those, plus county-wide social work roles (as for every family record), plus
  partners whose team works with the family now (an open involvement): they read the case
  so they can play their part in the plan, and change nothing.
- The multi-agency child protection team (socialcare.models.cp_team): a current member of
  any agency reads the case while they are in it; the current Lead Child Protection
  Practitioner changes it. Both end the moment the membership or assignment ends.
- Authorise an assessment, transfer a case, sign management oversight: a team manager of
  the case's team.
- Nobody else: not commissioners, analysts, administrators, panel chairs, IG, anonymous.
"""

from __future__ import annotations

import rules
from django.db.models import Q

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.permissions import is_staff_member, is_team_manager
from teamaround.accounts.roles import Role
from teamaround.core.access import is_system

NOTHING = Q(pk__in=[])
SOCIAL_WORK_ROLES = (Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.HUB_SOCIAL_WORKER)
COUNTY_READERS = (Role.SOCIAL_WORKER, Role.HUB_SOCIAL_WORKER)
PARTNER_ROLES = (Role.PRACTITIONER, Role.FAMILY_WORKER, Role.TEAM_MANAGER)
# Who may be in a child protection team (and so read its case): roles that do casework.
CP_TEAM_ROLES = (
    Role.PRACTITIONER,
    Role.FAMILY_WORKER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.HUB_SOCIAL_WORKER,
)


def _cp_team_cases(actor) -> Q:
    """Q on SocialCareReferral: the cases whose child protection team `actor` is in now, or
    whose child in need plan they lead now (a Family Help lead of any agency)."""
    from teamaround.socialcare.models import ChildInNeedPlan, ChildProtectionTeamMember

    current = ChildProtectionTeamMember.objects.filter(
        practitioner_id=actor.pk, left_at__isnull=True, archived_at__isnull=True
    )
    leading = ChildInNeedPlan.objects.filter(
        lead_practitioner_id=actor.pk, ended_on__isnull=True, archived_at__isnull=True
    )
    return Q(pk__in=current.values("referral_id")) | Q(pk__in=leading.values("referral_id"))


def _lcpp_cases(actor) -> Q:
    """Q on SocialCareReferral: the cases `actor` leads now as Lead Child Protection
    Practitioner."""
    from teamaround.socialcare.models import LeadPractitionerAssignment

    current = LeadPractitionerAssignment.objects.filter(
        practitioner_id=actor.pk, ended_at__isnull=True, archived_at__isnull=True
    )
    return Q(pk__in=current.values("referral_id"))


def _in_social_care(actor) -> bool:
    return bool(
        is_staff_member(actor)
        and actor.team_id
        and actor.team.agency.kind == AgencyKind.CHILDRENS_SOCIAL_CARE
        and actor.has_role(*SOCIAL_WORK_ROLES)
    )


def case_edit_filter(actor) -> Q:
    """Q on SocialCareReferral: the cases `actor` may change."""
    if is_system(actor):
        return Q()
    if not (is_staff_member(actor) and actor.has_role(*SOCIAL_WORK_ROLES)):
        return NOTHING
    allowed = Q(allocated_worker_id=actor.pk) | _lcpp_cases(actor)
    if _in_social_care(actor):
        allowed |= Q(team_id=actor.team_id)
    return allowed


def case_filter(actor) -> Q:
    """Q on SocialCareReferral: the cases `actor` may read."""
    from teamaround.people.models import Involvement

    if is_system(actor) or (is_staff_member(actor) and actor.has_role(*COUNTY_READERS)):
        return Q()
    if not is_staff_member(actor):
        return NOTHING
    allowed = case_edit_filter(actor)
    if actor.has_role(*CP_TEAM_ROLES):
        allowed = allowed | _cp_team_cases(actor)
    if actor.team_id and actor.has_role(*PARTNER_ROLES):
        involved = Involvement.objects.filter(
            team_id=actor.team_id, closed_at__isnull=True, archived_at__isnull=True
        ).values("family_id")
        allowed = (
            allowed | Q(family_id__in=involved) if allowed != NOTHING else Q(family_id__in=involved)
        )
    return allowed


def _matches(filter_for, user, case) -> bool:
    from teamaround.socialcare.models import SocialCareReferral

    return (
        case is not None
        and SocialCareReferral.objects.filter(filter_for(user), pk=case.pk).exists()
    )


@rules.predicate
def can_view_case(user, case) -> bool:
    return _matches(case_filter, user, case)


@rules.predicate
def can_change_case(user, case) -> bool:
    return _matches(case_edit_filter, user, case)


@rules.predicate
def works_in_social_care(user) -> bool:
    return _in_social_care(user)


@rules.predicate
def manages_case_team(user, case) -> bool:
    return bool(
        case is not None and is_team_manager(user) and user.team_id and user.team_id == case.team_id
    )


@rules.predicate
def manages_social_care_team(user) -> bool:
    return bool(is_team_manager(user) and _in_social_care(user))


rules.add_perm("socialcare.receive_referral", works_in_social_care)
rules.add_perm("socialcare.view_case", can_view_case)
rules.add_perm("socialcare.change_case", can_change_case)
rules.add_perm("socialcare.authorise", manages_case_team)
rules.add_perm("socialcare.see_caseload", manages_social_care_team)
# The council's safety standards (the child protection visit standard): social care managers.
rules.add_perm("socialcare.set_standards", manages_social_care_team)


@rules.predicate
def leads_cin_plan(user, case) -> bool:
    """The Family Help lead practitioner (of any agency) holding the case's open plan."""
    return bool(
        case is not None
        and is_staff_member(user)
        and case.cin_plans.filter(lead_practitioner_id=user.pk, ended_on__isnull=True).exists()
    )


rules.add_perm("socialcare.review_cin_plan", can_change_case | leads_cin_plan)
rules.add_perm("socialcare.transfer", manages_case_team)
rules.add_perm("socialcare.oversee", manages_case_team)
# Only the system (the command, the background task) runs the checks themselves; a team
# manager asks for a run (socialcare.services.safety.safety_checks_request).
rules.add_perm("socialcare.run_safety_checks", rules.always_deny)
