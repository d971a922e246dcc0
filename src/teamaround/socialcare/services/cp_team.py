"""The multi-agency child protection team and its Lead Child Protection Practitioner
(Children's Wellbeing and Schools Act 2026). Access follows current membership
(socialcare.permissions), so joining and leaving take effect at once; each change is on the
case's timeline and the family's chronology, and each member is given the case as a task.

The LCPP is one of the team's current members and a social worker of children's social care
(the Families First Partnership programme guide describes the role as an experienced social
worker's); naming a new one ends the last assignment, kept as history.
"""

from __future__ import annotations

from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import actor_user, on_behalf_of, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.core.work import work_item_cancel_for_source, work_item_create
from teamaround.socialcare.models import (
    CaseEventKind,
    CaseStatus,
    ChildProtectionTeamMember,
    Discipline,
    LeadPractitionerAssignment,
)
from teamaround.socialcare.permissions import CP_TEAM_ROLES
from teamaround.socialcare.services import lifecycle

MEMBER_WORK = "socialcare.cp_team"
LCPP_WORK = "socialcare.lcpp"
# A team is formed for a case in child protection: an enquiry, a plan, or a child in care
# whose plan continues.
IN_CHILD_PROTECTION = {CaseStatus.PROTECTION, CaseStatus.CHILD_PROTECTION}
DISCIPLINES = {
    AgencyKind.POLICE: Discipline.POLICE,
    AgencyKind.GP_PRACTICE: Discipline.HEALTH,
    AgencyKind.HEALTH_VISITING: Discipline.HEALTH,
    AgencyKind.CAMHS: Discipline.HEALTH,
    AgencyKind.SCHOOL: Discipline.EDUCATION,
    AgencyKind.EARLY_YEARS: Discipline.EDUCATION,
    AgencyKind.CHILDRENS_SOCIAL_CARE: Discipline.SOCIAL_CARE,
}
LCPP_ROLES = (Role.SOCIAL_WORKER, Role.TEAM_MANAGER)


def discipline_of(practitioner) -> str:
    return DISCIPLINES.get(practitioner.team.agency.kind, Discipline.OTHER)


def _case_link(referral) -> str:
    return lifecycle.link("socialcare:cp-team", referral.pk)


def _task(actor, referral, source, source_id, practitioner, title) -> None:
    work_item_create(
        actor=on_behalf_of(actor),
        title=f"{title} for {referral.reference}"[:200],
        source_type=source,
        source_id=str(source_id),
        assigned_to=practitioner,
        link=_case_link(referral),
    )


def _untask(actor, source, source_id, reason) -> None:
    work_item_cancel_for_source(
        actor=on_behalf_of(actor), source_type=source, source_id=str(source_id), reason=reason
    )


def cp_team_member_add(*, actor, referral, practitioner) -> ChildProtectionTeamMember:
    """A practitioner of any agency joins the team: they read the case from now on, and the
    case is on their task list."""
    with use_case(actor, "socialcare.change_case", referral, what="add to the CP team"):
        lifecycle.require_open(referral)
        if referral.status not in IN_CHILD_PROTECTION:
            raise DomainError("A child protection team is formed for a case in child protection.")
        if (
            practitioner is None
            or not practitioner.is_active
            or not practitioner.team_id
            or not practitioner.has_role(*CP_TEAM_ROLES)
        ):
            raise DomainError("Choose a current practitioner of an agency.", field="practitioner")
        if referral.cp_team.filter(practitioner=practitioner, left_at__isnull=True).exists():
            raise DomainError("They are already in the team.", field="practitioner")
        member = ChildProtectionTeamMember.objects.create(
            referral=referral,
            practitioner=practitioner,
            team=practitioner.team,
            discipline=discipline_of(practitioner),
            joined_at=timezone.now(),
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=member)
        _task(actor, referral, MEMBER_WORK, member.pk, practitioner, "Child protection team")
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.CP_TEAM,
            f"{practitioner} ({member.get_discipline_display()}) joined the child protection team",
        )
        return member


def _end_lcpp(actor, referral, now) -> LeadPractitionerAssignment | None:
    current = referral.lcpps.filter(ended_at__isnull=True).first()
    if current is not None:
        current.ended_at = now
        current.updated_by = actor_user(actor)
        current.save(update_fields=["ended_at", "updated_by", "updated_at"])
        _untask(actor, LCPP_WORK, current.pk, "No longer the lead practitioner")
    return current


def cp_team_member_remove(*, actor, member: ChildProtectionTeamMember, reason: str):
    """They lose the case at once (access reads current membership) and its task."""
    referral = member.referral
    with use_case(actor, "socialcare.change_case", referral, what="remove from the CP team"):
        if member.left_at is not None:
            raise DomainError("They have already left the team.")
        if not (reason or "").strip():
            raise DomainError("Say why they are leaving the team.", field="reason")
        lead = referral.lcpps.filter(ended_at__isnull=True).first()
        if lead is not None and lead.practitioner_id == member.practitioner_id:
            raise DomainError("Name a new lead child protection practitioner first.")
        member.left_at = timezone.now()
        member.left_reason = reason.strip()[:300]
        member.updated_by = actor_user(actor)
        member.save(update_fields=["left_at", "left_reason", "updated_by", "updated_at"])
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=member, summary="Left the team")
        _untask(actor, MEMBER_WORK, member.pk, "Left the child protection team")
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.CP_TEAM,
            f"{member.practitioner} left the child protection team",
        )
        return member


def lcpp_name(*, actor, referral, practitioner, reason: str) -> LeadPractitionerAssignment:
    """Name the Lead Child Protection Practitioner from the team's current members; the last
    assignment ends (kept), the new one gets the lead's task."""
    with use_case(actor, "socialcare.change_case", referral, what="name the LCPP"):
        lifecycle.require_open(referral)
        if (
            practitioner is None
            or not referral.cp_team.filter(practitioner=practitioner, left_at__isnull=True).exists()
        ):
            raise DomainError("Choose a current member of the team.", field="practitioner")
        if not (
            practitioner.team.agency.kind == AgencyKind.CHILDRENS_SOCIAL_CARE
            and practitioner.has_role(*LCPP_ROLES)
        ):
            raise DomainError(
                "The lead child protection practitioner is a social worker in children's "
                "social care.",
                field="practitioner",
            )
        if not (reason or "").strip():
            raise DomainError("Say why they lead the team.", field="reason")
        current = referral.lcpps.filter(ended_at__isnull=True).first()
        if current is not None and current.practitioner_id == practitioner.pk:
            raise DomainError("They already lead the team.", field="practitioner")
        now = timezone.now()
        _end_lcpp(actor, referral, now)
        lead = LeadPractitionerAssignment.objects.create(
            referral=referral,
            practitioner=practitioner,
            started_at=now,
            reason=reason.strip()[:300],
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=lead)
        _task(actor, referral, LCPP_WORK, lead.pk, practitioner, "Lead the child protection team")
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.LCPP,
            f"{practitioner} is the lead child protection practitioner",
        )
        return lead


def cp_team_disband(actor, referral) -> None:
    """The case closed: every membership and the lead's assignment end (and their access)."""
    now = timezone.now()
    _end_lcpp(actor, referral, now)
    for member in referral.cp_team.filter(left_at__isnull=True):
        member.left_at = now
        member.left_reason = "The case closed"
        member.save(update_fields=["left_at", "left_reason", "updated_at"])
        _untask(actor, MEMBER_WORK, member.pk, "The case closed")
