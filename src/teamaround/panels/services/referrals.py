"""Referring a case to a panel. The referrer must be allowed to refer to that panel and to see
the family they refer; MARAC referrals carry the DASH risk score that brought them."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from teamaround.core.access import actor_user, require, use_case
from teamaround.core.errors import ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.panels.models import CaseSubject, Panel, PanelReferral, ReferralStatus
from teamaround.panels.services import sharing
from teamaround.panels.services.guards import audit
from teamaround.panels.services.lifecycles import REFERRAL_LIFECYCLE, ReferralEvent

DASH_THRESHOLD = 14
DASH_MAXIMUM = 27
REPEAT_WITHIN = timedelta(days=365)


def panel_referral_create(
    *,
    actor,
    panel: Panel,
    question: str,
    family=None,
    child=None,
    place: str = "",
    risk_score: int | None = None,
    professional_judgement: bool = False,
    received_at=None,
    consent_given_by: str = "",
) -> PanelReferral:
    """Checks come before the transaction so that a refusal's audit event and ledger entry
    survive it; the referral and the record of what it shared are written together."""
    require(actor, "panels.refer", panel, what="refer a case to a panel")
    if family is not None:  # checked before the transaction so the refusal's audit survives
        require(actor, "people.view_family", family, what="refer a family to a panel")
    kind = panel.panel_type
    errors: dict[str, list[str]] = {}
    if not (question or "").strip():
        errors["question"] = ["Say what you are asking the panel to decide."]
    if kind.case_subject == CaseSubject.PLACE:
        if family is not None or child is not None:
            errors["family"] = ["This panel considers places and themes, not families."]
        if not (place or "").strip():
            errors["place"] = ["Name the place or theme for the panel."]
    elif family is None:
        errors["family"] = ["Choose the family you are referring."]
    elif child is not None and not _is_member(family, child):
        errors["child"] = ["Choose a child in this family."]
    if kind.records_risk_score:
        _check_risk(risk_score, professional_judgement, errors)
    if errors:
        raise ValidationFailed(errors)
    shares = sharing.referral_shares_check(
        actor=actor, panel=panel, family=family, consent_given_by=consent_given_by
    )
    with transaction.atomic():
        received_at = received_at or timezone.now()
        referral = PanelReferral.objects.create(
            panel=panel,
            family=family,
            child=child,
            place=(place or "").strip(),
            question=question.strip(),
            referred_by=actor_user(actor),
            referrer_agency=getattr(actor_user(actor), "agency", None),
            received_at=received_at,
            risk_score=risk_score if kind.records_risk_score else None,
            professional_judgement=bool(professional_judgement and kind.records_risk_score),
            is_repeat=_is_repeat(panel, family, received_at),
            created_by=actor_user(actor),
        )
        sharing.referral_shares_record(shares, referral)
        audit(actor, referral, AuditAction.CREATE, "Referred a case to a panel")
        return referral


def _is_member(family, child) -> bool:
    from teamaround.people.selectors import family_members

    return family_members(family).filter(person=child).exists()


def _check_risk(score, judgement, errors) -> None:
    if score is None and not judgement:
        errors["risk_score"] = [
            "Enter the DASH risk score, or say the referral is by professional judgement."
        ]
    elif score is not None and not 0 <= score <= DASH_MAXIMUM:
        errors["risk_score"] = [f"A DASH risk score is between 0 and {DASH_MAXIMUM}."]
    elif score is not None and score < DASH_THRESHOLD and not judgement:
        errors["risk_score"] = [
            f"MARAC hears cases scoring {DASH_THRESHOLD} or more on the DASH checklist; below "
            "that, refer by professional judgement."
        ]


def _is_repeat(panel: Panel, family, received_at) -> bool:
    """A repeat: the same family referred to a panel of this type in the last 12 months."""
    if family is None:
        return False
    return PanelReferral.objects.filter(
        panel__panel_type=panel.panel_type,
        family=family,
        received_at__gte=received_at - REPEAT_WITHIN,
        received_at__lte=received_at,
    ).exists()


def panel_referral_withdraw(*, actor, referral: PanelReferral, reason: str) -> PanelReferral:
    with use_case(actor, "panels.run_panel", referral.panel, what="withdraw a referral"):
        if referral.status != ReferralStatus.WAITING:
            raise ValidationFailed({"status": ["Only a waiting referral can be withdrawn."]})
        if not (reason or "").strip():
            raise ValidationFailed({"reason": ["Say why the referral is withdrawn."]})
        REFERRAL_LIFECYCLE.move(referral, ReferralEvent.WITHDRAWN, actor=actor, why=reason)
        audit(actor, referral, AuditAction.UPDATE, "Withdrew a referral", reason=reason)
        return referral
