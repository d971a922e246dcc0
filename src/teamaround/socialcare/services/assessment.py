"""The child and family assessment: started when the referral is decided, due 45 working days
from the referral, recorded (factors, the child's voice, analysis, outcome), submitted, and
authorised by the team manager, whose authorisation moves the case on."""

from __future__ import annotations

from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.core.work import work_item_create
from teamaround.socialcare import timescales
from teamaround.socialcare.models import (
    AssessmentOutcome,
    AssessmentStatus,
    CaseEventKind,
    ChildAndFamilyAssessment,
    SocialCareReferral,
    codes,
)
from teamaround.socialcare.services import lifecycle

STEP_DOWN_CLOSURE = "RC9"
NFA_CLOSURE = "RC8"


def assessment_start(*, actor, referral: SocialCareReferral, started_on=None):
    with use_case(actor, "socialcare.change_case", referral, what="start an assessment"):
        lifecycle.require_open(referral)
        if hasattr(referral, "assessment"):
            raise Conflict("This case already has an assessment.")
        assessment = ChildAndFamilyAssessment.objects.create(
            referral=referral,
            started_on=started_on or timezone.localdate(),
            due_on=timescales.assessment_due(referral.received_on),
            created_by=actor_user(actor),
            updated_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=assessment)
        lifecycle.work_set(
            actor,
            referral,
            "socialcare.assessment",
            "Complete the child and family assessment",
            assessment.due_on,
            lifecycle.link("socialcare:assessment", referral.pk),
        )
        return assessment


def _clean(factors, outcome) -> dict:
    errors = {}
    known = dict(codes.ASSESSMENT_FACTORS)
    if any(code not in known for code in factors):
        errors["factors"] = ["Choose factors from the list."]
    elif codes.NO_FACTORS in factors and len(factors) > 1:
        errors["factors"] = ["Choose either 'No factors identified' or the factors found."]
    if outcome and outcome not in AssessmentOutcome.values:
        errors["outcome"] = ["Choose the outcome."]
    return errors


def assessment_save(
    *,
    actor,
    assessment: ChildAndFamilyAssessment,
    factors: list[str],
    child_voice: str,
    analysis: str,
    outcome: str,
    version: int | None,
) -> ChildAndFamilyAssessment:
    referral = assessment.referral
    with use_case(actor, "socialcare.change_case", referral, what="record an assessment"):
        if assessment.status == AssessmentStatus.AUTHORISED:
            raise Conflict("This assessment is authorised and can no longer change.")
        errors = _clean(list(factors), outcome)
        if errors:
            raise ValidationFailed(errors)
        changes = model_update(
            assessment,
            actor=actor,
            values={
                "factors": list(factors),
                "child_voice": (child_voice or "").strip(),
                "analysis": (analysis or "").strip(),
                "outcome": outcome or "",
            },
            expected_version=version,
        )
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=assessment, changes=changes)
        return assessment


def assessment_submit(*, actor, assessment: ChildAndFamilyAssessment):
    """The worker sends a finished assessment to the manager: it needs factors, the child's
    voice and an outcome."""
    referral = assessment.referral
    with use_case(actor, "socialcare.change_case", referral, what="submit an assessment"):
        if assessment.status != AssessmentStatus.IN_PROGRESS:
            raise Conflict("This assessment has already been submitted.")
        errors = {}
        if not assessment.factors:
            errors["factors"] = ["Record the factors identified (or 'No factors identified')."]
        if not assessment.child_voice:
            errors["child_voice"] = ["Record the child's voice: what they said and want."]
        if not assessment.outcome:
            errors["outcome"] = ["Choose the outcome you recommend."]
        if errors:
            raise ValidationFailed(errors)
        assessment.status = AssessmentStatus.SUBMITTED
        assessment.completed_on = timezone.localdate()
        assessment.updated_by = actor_user(actor)
        assessment.save()
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=assessment, summary="Submitted")
        lifecycle.work_cancel(actor, referral, "Submitted", source="socialcare.assessment")
        work_item_create(
            actor=on_behalf_of(actor),
            title=f"Authorise the assessment for {referral.reference}",
            source_type="socialcare.authorise",
            source_id=str(referral.pk),
            team=referral.team,
            due_on=assessment.due_on,
            link=lifecycle.link("socialcare:assessment", referral.pk),
        )
        return assessment


def assessment_authorise(*, actor, assessment: ChildAndFamilyAssessment, comment: str):
    """The team manager authorises the assessment: its outcome moves the case on (closed, child
    in need, a strategy discussion, or closed with RC9 to step down to early help)."""
    referral = assessment.referral
    with use_case(actor, "socialcare.authorise", referral, what="authorise an assessment"):
        if assessment.status != AssessmentStatus.SUBMITTED:
            raise Conflict("Only a submitted assessment can be authorised.")
        if not (comment or "").strip():
            raise ValidationFailed({"comment": ["Record your management oversight."]})
        assessment.status = AssessmentStatus.AUTHORISED
        assessment.authorised_by = actor_user(actor)
        assessment.authorised_on = timezone.localdate()
        assessment.updated_by = actor_user(actor)
        assessment.save()
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=assessment,
            summary="Authorised",
            reason=comment.strip(),
        )
        lifecycle.work_cancel(actor, referral, "Authorised", source="socialcare.authorise")
        if assessment.outcome == AssessmentOutcome.STEP_DOWN:
            referral.closure_reason = STEP_DOWN_CLOSURE
        elif assessment.outcome == AssessmentOutcome.NO_FURTHER_ACTION:
            referral.closure_reason = NFA_CLOSURE
        referral.save(update_fields=["closure_reason", "updated_at"])
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.ASSESSMENT_AUTHORISED,
            f"assessment authorised: {assessment.get_outcome_display().lower()}",
            outcome=assessment.outcome,
        )
        return assessment
