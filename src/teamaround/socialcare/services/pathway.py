"""A care leaver's pathway plan and personal adviser: the plan in place before 16 years and
3 months, then reviewed at most every 6 months."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from teamaround.core.access import actor_user, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.socialcare import timescales
from teamaround.socialcare.models import CaseStatus, PathwayPlan
from teamaround.socialcare.services import lifecycle

PATHWAY_WORK = "socialcare.pathway"
FROM_AGE_MONTHS = 15 * 12  # the plan is started as the child nears 16


def _work(actor, referral, title, due_on):
    lifecycle.work_set(
        actor,
        referral,
        PATHWAY_WORK,
        title,
        due_on,
        lifecycle.link("socialcare:pathway-plan", referral.pk),
    )


def pathway_plan_start(*, actor, referral, personal_adviser: str) -> PathwayPlan:
    with use_case(actor, "socialcare.change_case", referral, what="start a pathway plan"):
        lifecycle.require_open(referral)
        if hasattr(referral, "pathway_plan"):
            raise Conflict("This young person already has a pathway plan.")
        born = referral.child.date_of_birth
        looked_after = referral.care_periods.exists()
        if not looked_after or born is None:
            raise DomainError("A pathway plan is for a young person who is or was looked after.")
        if timescales.months_after(born, FROM_AGE_MONTHS) > timezone.localdate():
            raise DomainError("A pathway plan starts from the young person's 15th birthday.")
        if not (personal_adviser or "").strip():
            raise ValidationFailed({"personal_adviser": ["Name the personal adviser."]})
        plan = PathwayPlan.objects.create(
            referral=referral,
            personal_adviser=personal_adviser.strip(),
            due_on=timescales.pathway_plan_due(born),
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=plan)
        _work(actor, referral, "Complete the pathway plan", plan.due_on)
        return plan


def pathway_plan_review(
    *, actor, plan: PathwayPlan, reviewed_on: date, personal_adviser: str
) -> PathwayPlan:
    """The plan is completed (the first time) or reviewed; the next review is due within 6
    months. The personal adviser can change at the same time."""
    referral = plan.referral
    with use_case(actor, "socialcare.change_case", referral, what="review a pathway plan"):
        errors: dict[str, list[str]] = {}
        last = plan.last_reviewed_on or plan.completed_on
        earliest = last or referral.received_on
        if reviewed_on is None or reviewed_on > timezone.localdate() or reviewed_on < earliest:
            errors["reviewed_on"] = [
                "Enter the date of the plan or its review (not in the future)."
            ]
        if not (personal_adviser or "").strip():
            errors["personal_adviser"] = ["Name the personal adviser."]
        if errors:
            raise ValidationFailed(errors)
        if plan.completed_on is None:
            plan.completed_on = reviewed_on
        else:
            plan.last_reviewed_on = reviewed_on
        plan.personal_adviser = personal_adviser.strip()
        plan.next_review_due = timescales.pathway_review_due(reviewed_on)
        plan.updated_by = actor_user(actor)
        plan.save()
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=plan, summary="Reviewed")
        if referral.status in (CaseStatus.LOOKED_AFTER, CaseStatus.CARE_LEAVER):
            _work(actor, referral, "Review the pathway plan", plan.next_review_due)
        return plan
