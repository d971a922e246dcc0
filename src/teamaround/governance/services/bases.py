"""Recording and withdrawing the legal basis for sharing a person's information.

Withdrawal takes effect at once: the next share finds no basis and is refused with the reason
(services.ledger.share_authorise), and everyone the ledger shows holding the information on
that basis is given a work item telling them.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of, require
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.work import work_item_create
from teamaround.governance.models import (
    BasisKind,
    Disclosure,
    Outcome,
    Purpose,
    Scope,
    SharingBasis,
)
from teamaround.governance.services.lifecycle import BASIS_LIFECYCLE


def basis_record(
    *,
    actor,
    person,
    purpose: str,
    kind: str,
    evidence: str,
    starts_on: date | None = None,
    ends_on: date | None = None,
    scope: str = Scope.ANY_AGENCY,
    agency=None,
    given_by: str = "",
) -> SharingBasis:
    """A consent (who gave it, for whom, until when) or a statutory basis, with its evidence."""
    require(actor, "governance.record_basis", person, what="record a basis for sharing")
    starts_on = starts_on or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if purpose not in Purpose.values:
        errors["purpose"] = ["Choose what the information is shared for."]
    if kind not in BasisKind.values:
        errors["kind"] = ["Choose the consent or the statutory basis."]
    if scope not in Scope.values:
        errors["scope"] = ["Choose whom the consent covers."]
    if not (evidence or "").strip():
        errors["evidence"] = ["Say where the consent or the basis is recorded."]
    if kind == BasisKind.CONSENT and not (given_by or "").strip():
        errors["given_by"] = ["Say who gave consent."]
    if scope == Scope.NAMED_AGENCY and agency is None:
        errors["agency"] = ["Choose the agency the consent names."]
    if ends_on is not None and ends_on < starts_on:
        errors["ends_on"] = ["The end date must be on or after the start."]
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        basis = SharingBasis.objects.create(
            person=person,
            purpose=purpose,
            kind=kind,
            scope=scope,
            agency=agency if scope == Scope.NAMED_AGENCY else None,
            given_by=given_by.strip()[:120],
            evidence=evidence.strip(),
            starts_on=starts_on,
            ends_on=ends_on,
            created_by=actor_user(actor),
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=basis,
            summary=f"Recorded a basis for sharing ({kind}, {purpose})",
        )
        return basis


def basis_withdraw(*, actor, basis: SharingBasis, reason: str) -> SharingBasis:
    """Consent withdrawn (or a statutory basis ended): in force no longer, from this moment.
    Everyone who received information on it is told."""
    require(actor, "governance.record_basis", basis.person, what="withdraw a basis for sharing")
    if not (reason or "").strip():
        raise DomainError("Say why, and who withdrew it.", field="reason")
    with transaction.atomic():
        basis = SharingBasis.objects.select_for_update().get(pk=basis.pk)
        kind = "withdraw" if basis.is_consent else "end"
        BASIS_LIFECYCLE.move(basis, kind, actor=actor, why=reason.strip(), save=False, audit=False)
        basis.withdrawn_at = timezone.now()
        basis.withdrawn_by = actor_user(actor)
        basis.withdrawn_reason = reason.strip()
        basis.save()
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=basis,
            summary="Consent withdrawn" if basis.is_consent else "Statutory basis ended",
            reason=reason.strip(),
            changes={"status": ["active", basis.status]},
        )
        _tell_holders(actor, basis)
        return basis


def holders_of(basis: SharingBasis):
    """The members of staff the ledger shows receiving information on this basis."""
    from django.contrib.auth import get_user_model

    received = Disclosure.objects.filter(
        basis=basis, outcome=Outcome.SHARED, recipient_user__isnull=False
    ).values("recipient_user_id")
    return get_user_model().objects.filter(pk__in=received, is_active=True).order_by("username")


def _tell_holders(actor, basis: SharingBasis) -> int:
    told = 0
    what = "Consent withdrawn" if basis.is_consent else "Basis for sharing ended"
    for holder in holders_of(basis):
        work_item_create(
            actor=on_behalf_of(actor),
            title=f"{what}: do not share this person's information further",
            details=(
                f"You received information about person {basis.person_id} for "
                f"{basis.get_purpose_display().lower()} on this basis. It is no longer in "
                "force: do not pass it on, and ask the Data Protection Officer about what you "
                "hold."
            ),
            source_type="governance.sharingbasis",
            source_id=str(basis.pk),
            assigned_to=holder,
        )
        told += 1
    return told
