"""Core groups (Working Together to Safeguard Children 2023, chapter 4): each child
protection plan has one, formed at the initial conference, whose first meeting is due within
10 working days of it (socialcare.timescales.first_core_group_due); its members are the
practitioners and family members who carry the plan out, and each meeting records who came
and what progress was made."""

from __future__ import annotations

from django.utils import timezone

from teamaround.core.access import actor_user, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.socialcare import timescales
from teamaround.socialcare.models import CaseEventKind, CoreGroup, CoreGroupMeeting, CoreGroupMember
from teamaround.socialcare.services import lifecycle

CORE_GROUP_WORK = "socialcare.core_group"


def core_group_start(actor, plan, initial_conference_on) -> CoreGroup:
    """Called by the initial conference's use-case when a plan starts: the group, its first
    members (the child protection team as it stands) and the first meeting's task."""
    referral = plan.referral
    group = CoreGroup.objects.create(
        plan=plan,
        referral=referral,
        first_meeting_due=timescales.first_core_group_due(initial_conference_on),
        created_by=actor_user(actor),
    )
    for member in referral.cp_team.filter(left_at__isnull=True).select_related(
        "practitioner", "team__agency"
    ):
        CoreGroupMember.objects.create(
            core_group=group,
            practitioner=member.practitioner,
            name=str(member.practitioner)[:120],
            agency=member.team.agency.name[:200],
            joined_on=initial_conference_on,
            created_by=actor_user(actor),
        )
    audit_record(action=AuditAction.CREATE, actor=actor, obj=group)
    lifecycle.work_set(
        actor,
        referral,
        CORE_GROUP_WORK,
        "Hold the first core group meeting",
        group.first_meeting_due,
        lifecycle.link("socialcare:cp-team", referral.pk),
    )
    return group


def core_group_member_add(*, actor, core_group, practitioner=None, name="", agency=""):
    """A practitioner (named from their record) or a family member (named as given)."""
    referral = core_group.referral
    with use_case(actor, "socialcare.change_case", referral, what="add to the core group"):
        lifecycle.require_open(referral)
        if core_group.plan.ended_on is not None:
            raise Conflict("The plan has ended.")
        if practitioner is not None:
            if core_group.members.filter(practitioner=practitioner, left_on__isnull=True).exists():
                raise DomainError("They are already in the core group.", field="practitioner")
            name = str(practitioner)
            agency = practitioner.team.agency.name if practitioner.team_id else ""
        errors = {}
        if not (name or "").strip():
            errors["name"] = ["Choose a practitioner or enter the member's name."]
        if not (agency or "").strip():
            errors["agency"] = ["Enter their agency, or 'Family' for a family member."]
        if errors:
            raise ValidationFailed(errors)
        member = CoreGroupMember.objects.create(
            core_group=core_group,
            practitioner=practitioner,
            name=name.strip()[:120],
            agency=agency.strip()[:200],
            joined_on=timezone.localdate(),
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=member)
        return member


def core_group_meeting_record(
    *, actor, core_group, held_on, attended: list, progress: str
) -> CoreGroupMeeting:
    """Who of the current members came (kept by name, so the record stands if membership
    changes later) and the progress against the plan; the first meeting ends its task."""
    referral = core_group.referral
    with use_case(actor, "socialcare.change_case", referral, what="record a core group"):
        lifecycle.require_open(referral)
        plan = core_group.plan
        errors = {}
        if held_on is None or held_on > timezone.localdate() or held_on < plan.started_on:
            errors["held_on"] = ["The date is between the plan's start and today."]
        if not (progress or "").strip():
            errors["progress"] = ["Record the progress made against the plan."]
        current = list(core_group.members.filter(left_on__isnull=True))
        came = {str(pk) for pk in attended or []}
        if not came & {str(m.pk) for m in current}:
            errors["attended"] = ["Tick who attended."]
        if errors:
            raise ValidationFailed(errors)
        first = not core_group.meetings.exists()
        meeting = CoreGroupMeeting.objects.create(
            core_group=core_group,
            held_on=held_on,
            attendance=[
                {"name": m.name, "agency": m.agency, "attended": str(m.pk) in came} for m in current
            ],
            progress=progress.strip(),
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=meeting)
        if first:
            lifecycle.work_cancel(actor, referral, "Held", source=CORE_GROUP_WORK)
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.CORE_GROUP,
            f"core group meeting on {held_on:%-d %B %Y}" + (" (the first)" if first else ""),
        )
        return meeting
