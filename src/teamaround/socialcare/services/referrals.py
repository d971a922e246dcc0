"""Receiving a referral (from the Hub's level 4 hand-over, a step-up from early help, or a
contact straight to social care), the decision within one working day, and allocation."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.core.access import actor_user, is_system, refuse, require, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.socialcare import adapters, timescales
from teamaround.socialcare.models import (
    CaseEventKind,
    CaseStatus,
    Decision,
    Origin,
    SocialCareReferral,
    codes,
)
from teamaround.socialcare.services import lifecycle


def _check(child, family, source, primary_need, reason, received_on, worker, team) -> dict:
    errors: dict[str, list[str]] = {}
    if child is None or child.pk not in {c.pk for c in adapters.children_of(family)}:
        errors["child"] = ["Choose a child in this family."]
    if source not in dict(codes.REFERRAL_SOURCES):
        errors["source"] = ["Choose where the referral came from."]
    if primary_need not in dict(codes.PRIMARY_NEEDS):
        errors["primary_need"] = ["Choose the child's primary need."]
    if not (reason or "").strip():
        errors["reason"] = ["Say why the child is referred."]
    if received_on and received_on > timezone.localdate():
        errors["received_on"] = ["The date received cannot be in the future."]
    if worker is not None and worker.team_id != team.pk:
        errors["allocated_worker"] = ["Choose a social worker in the receiving team."]
    if errors:
        raise ValidationFailed(errors)
    return errors


def referral_receive(
    *,
    actor,
    family,
    child,
    source: str,
    primary_need: str,
    reason: str,
    received_on: date | None = None,
    allocated_worker=None,
    team=None,
    origin: str = Origin.CONTACT,
    hand_over_id=None,
    step_up_id=None,
) -> SocialCareReferral:
    """Record a referral for the actor's social care team (or `team`, for a command); the
    decision is due within one working day of receipt."""
    require(actor, "socialcare.receive_referral", what="receive a social care referral")
    if not is_system(actor) and not actor.has_perm("people.view_family", family):
        raise refuse(actor, what="refer a family to social care", obj=family)
    team = team or actor.team
    if team.agency.kind != AgencyKind.CHILDRENS_SOCIAL_CARE:
        raise DomainError("Referrals are received by a children's social care team.")
    received_on = received_on or timezone.localdate()
    _check(child, family, source, primary_need, reason, received_on, allocated_worker, team)
    with transaction.atomic():
        referral = SocialCareReferral.objects.create(
            child=child,
            family=family,
            origin=origin,
            hand_over_id=hand_over_id,
            step_up_id=step_up_id,
            source=source,
            primary_need=primary_need,
            reason=reason.strip(),
            received_on=received_on,
            decision_due_on=timescales.decision_due(received_on),
            team=team,
            allocated_worker=allocated_worker,
            created_by=actor_user(actor),
            updated_by=actor_user(actor),
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=referral,
            summary="Received a social care referral",
        )
        lifecycle.involve(actor, referral)
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.RECEIVED,
            f"referral received ({referral.get_origin_display().lower()})",
        )
        lifecycle.work_set(
            actor,
            referral,
            "socialcare.decision",
            "Decide on the referral",
            referral.decision_due_on,
            lifecycle.link("socialcare:decide", referral.pk),
        )
        return referral


def referral_from_hand_over(*, actor, hand_over, **fields) -> SocialCareReferral:
    """Accept the Hub's level 4 hand-over (the Hub's own service) and receive the referral."""
    require(actor, "frontdoor.accept_hand_over", hand_over, what="accept a hand-over")
    if not adapters.is_social_care_hand_over(hand_over):
        raise DomainError("Only a social care hand-over from the Hub opens a referral.")
    if SocialCareReferral.objects.filter(hand_over_id=hand_over.pk).exists():
        raise Conflict("A referral has already been received from this hand-over.")
    with transaction.atomic():
        adapters.hand_over_accept(actor=actor, hand_over=hand_over)
        return referral_receive(
            actor=actor,
            family=hand_over.family,
            origin=Origin.HUB,
            hand_over_id=hand_over.pk,
            **fields,
        )


def referral_decide(
    *, actor, referral: SocialCareReferral, decision: str, reason: str, decided_on=None
) -> SocialCareReferral:
    """The decision on a referral: no further action, an assessment, or a strategy
    discussion (when there is reasonable cause to suspect significant harm)."""
    with use_case(actor, "socialcare.change_case", referral, what="decide on a referral"):
        if referral.status != CaseStatus.AWAITING_DECISION:
            raise Conflict("This referral has already been decided.")
        errors = {}
        if decision not in Decision.values:
            errors["decision"] = ["Choose the decision."]
        if not (reason or "").strip():
            errors["reason"] = ["Say why."]
        decided_on = decided_on or timezone.localdate()
        if decided_on < referral.received_on or decided_on > timezone.localdate():
            errors["decided_on"] = ["The decision date is between receipt and today."]
        if errors:
            raise ValidationFailed(errors)
        referral.decision = decision
        referral.decision_reason = reason.strip()
        referral.decided_on = decided_on
        referral.decided_by = actor_user(actor)
        if decision == Decision.NO_FURTHER_ACTION:
            referral.closure_reason = "RC8"
        referral.save()
        lifecycle.work_cancel(actor, referral, "Decided", source="socialcare.decision")
        lifecycle.record_event(
            actor, referral, CaseEventKind.DECIDED, f"decision: {referral.get_decision_display()}"
        )
        if decision == Decision.ASSESSMENT:
            from teamaround.socialcare.services.assessment import assessment_start

            assessment_start(actor=actor, referral=referral, started_on=decided_on)
        return referral


def case_step_down(*, actor, referral: SocialCareReferral, reason: str) -> SocialCareReferral:
    """Close a child in need case to step down to early help (closure reason RC9); the early
    help episode is opened from the family's page by early help's own step-down."""
    with use_case(actor, "socialcare.change_case", referral, what="step a case down"):
        if not (reason or "").strip():
            raise ValidationFailed({"reason": ["Say why the family can step down."]})
        if referral.plans.filter(ended_on__isnull=True).exists():
            raise DomainError("End the child protection plan before stepping down.")
        referral.closure_reason = "RC9"
        referral.save(update_fields=["closure_reason", "updated_at"])
        lifecycle.record_event(
            actor, referral, CaseEventKind.STEPPED_DOWN, "stepped down to early help"
        )
        return referral


def case_close(*, actor, referral: SocialCareReferral, closure_reason: str) -> SocialCareReferral:
    with use_case(actor, "socialcare.change_case", referral, what="close a case"):
        if closure_reason not in dict(codes.CLOSURE_REASONS):
            raise ValidationFailed({"closure_reason": ["Choose why the case closes."]})
        if referral.plans.filter(ended_on__isnull=True).exists():
            raise DomainError("End the child protection plan before closing the case.")
        if referral.care_periods.filter(ended_on__isnull=True).exists():
            raise DomainError("End the period of care before closing the case.")
        referral.closure_reason = closure_reason
        referral.save(update_fields=["closure_reason", "updated_at"])
        lifecycle.record_event(actor, referral, CaseEventKind.CLOSED, "case closed")
        return referral
