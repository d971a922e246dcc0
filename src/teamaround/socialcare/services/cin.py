"""Child in need plans held by a Family Help lead practitioner of any agency, and their
reviews at the council's interval (SafetyStandard "cin_review": 65 working days, about three
months, unless the council sets another; Working Together 2023 asks only that the plan be
reviewed regularly, so the number is the council's)."""

from __future__ import annotations

from django.utils import timezone

from teamaround.core.access import actor_user, use_case
from teamaround.core.audit import audit_record
from teamaround.core.calendar import add_working_days
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.socialcare.models import (
    CaseEventKind,
    CaseStatus,
    ChildInNeedPlan,
    ChildInNeedReview,
    SafetyStandard,
)
from teamaround.socialcare.permissions import CP_TEAM_ROLES
from teamaround.socialcare.services import lifecycle

CIN_REVIEW_WORK = "socialcare.cin_review"
CIN_REVIEW_KEY = "cin_review"
CIN_REVIEW_DEFAULT = 65


def review_interval() -> int:
    standard = SafetyStandard.objects.filter(key=CIN_REVIEW_KEY).first()
    return standard.working_days if standard else CIN_REVIEW_DEFAULT


def cin_review_due(last_on):
    return add_working_days(last_on, review_interval())


def _review_work(actor, plan) -> None:
    lifecycle.work_set(
        actor,
        plan.referral,
        CIN_REVIEW_WORK,
        "Review the child in need plan",
        plan.next_review_due,
        lifecycle.link("socialcare:case", plan.referral_id),
    )


def cin_plan_start(*, actor, referral, lead_practitioner, started_on=None) -> ChildInNeedPlan:
    with use_case(actor, "socialcare.change_case", referral, what="start a child in need plan"):
        lifecycle.require_open(referral)
        if referral.status != CaseStatus.CHILD_IN_NEED:
            raise DomainError("A child in need plan is for a child in need.")
        if referral.cin_plans.filter(ended_on__isnull=True).exists():
            raise Conflict("The child already has a child in need plan.")
        started_on = started_on or timezone.localdate()
        if started_on > timezone.localdate() or started_on < referral.received_on:
            raise ValidationFailed({"started_on": ["The date is between the referral and today."]})
        if (
            lead_practitioner is None
            or not lead_practitioner.is_active
            or not lead_practitioner.team_id
            or not lead_practitioner.has_role(*CP_TEAM_ROLES)
        ):
            raise DomainError("Choose a practitioner of an agency.", field="lead_practitioner")
        plan = ChildInNeedPlan.objects.create(
            referral=referral,
            started_on=started_on,
            lead_practitioner=lead_practitioner,
            next_review_due=cin_review_due(started_on),
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=plan)
        _review_work(actor, plan)
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.CIN_PLAN,
            f"child in need plan led by {lead_practitioner} ({lead_practitioner.team.name})",
        )
        return plan


def cin_review_record(*, actor, plan: ChildInNeedPlan, held_on, summary: str):
    referral = plan.referral
    with use_case(actor, "socialcare.review_cin_plan", referral, what="review a CIN plan"):
        lifecycle.require_open(referral)
        if plan.ended_on is not None:
            raise Conflict("This plan has ended.")
        errors = {}
        if held_on is None or held_on > timezone.localdate() or held_on < plan.started_on:
            errors["held_on"] = ["The date is between the plan's start and today."]
        if not (summary or "").strip():
            errors["summary"] = ["Record what the review found and agreed."]
        if errors:
            raise ValidationFailed(errors)
        review = ChildInNeedReview.objects.create(
            plan=plan,
            due_on=plan.next_review_due,
            held_on=held_on,
            summary=summary.strip(),
            created_by=actor_user(actor),
        )
        plan.next_review_due = cin_review_due(held_on)
        plan.updated_by = actor_user(actor)
        plan.save(update_fields=["next_review_due", "updated_by", "updated_at"])
        audit_record(action=AuditAction.CREATE, actor=actor, obj=review)
        _review_work(actor, plan)
        lifecycle.record_event(
            actor, referral, CaseEventKind.CIN_REVIEW, "child in need plan reviewed"
        )
        return review
