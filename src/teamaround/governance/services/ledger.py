"""Writing the disclosure ledger. Every app through which information about a person leaves
the team holding it calls these (with `actor=on_behalf_of(actor)` from inside its use-case):

    decision = share_check(actor=..., person=..., purpose=..., recipient_user=...)  # or refused
    with transaction.atomic():
        ...the app's own change...
        disclosure_record(decision=decision, channel=..., record=..., fields=[...])

`share_check` runs before the caller's transaction so that a refusal's ledger entry survives
the caller giving up; `share_authorise` does both for a share with no transaction of its own
(a download, an API read). A decision not to share because sharing would be more detrimental
to the child is `withholding_record`, which needs an approver.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone

from teamaround.core.access import actor_user, require
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.governance.models import (
    STATUTORY_BASES,
    BasisKind,
    BasisStatus,
    Channel,
    Disclosure,
    Outcome,
    Purpose,
    Scope,
    SharingBasis,
)


class ShareRefused(DomainError):
    """No basis covers this share; the message says why (consent withdrawn, ended, narrower).
    In the API it is a 403 with that message: the caller is refused, not mistaken."""

    api_status = 403

    def __init__(self, message: str, entry: Disclosure | None = None, field: str | None = None):
        super().__init__(message, field=field)
        self.entry = entry


@dataclass(frozen=True)
class ShareDecision:
    """A share that may go ahead: to whom, why, and the basis found."""

    actor: object
    person: models.Model
    purpose: str
    basis: SharingBasis
    recipient_user: models.Model | None = None
    recipient_agency: models.Model | None = None
    extra: dict = field(default_factory=dict)


def basis_for(
    person, purpose: str, *, recipient_agency=None, to_taf: bool = False, on=None
) -> tuple[SharingBasis | None, str]:
    """The basis in force for sharing `person`'s information for `purpose` with the recipient:
    a statutory basis first, then a consent whose scope covers them. Otherwise None and the
    reason the share must be refused."""
    day = on or timezone.localdate()
    bases = list(SharingBasis.objects.filter(person=person, purpose=purpose, archived_at=None))
    in_force = [basis for basis in bases if basis.in_force_on(day)]
    for basis in in_force:
        if basis.kind in STATUTORY_BASES:
            return basis, ""
    for basis in in_force:
        if _covers(basis, recipient_agency, to_taf):
            return basis, ""
    label = Purpose(purpose).label.lower() if purpose in Purpose.values else purpose
    withdrawn = [b for b in bases if b.status == BasisStatus.WITHDRAWN and b.withdrawn_at]
    if withdrawn and not in_force:
        latest = max(withdrawn, key=lambda b: b.withdrawn_at)
        when = timezone.localtime(latest.withdrawn_at)
        return None, (
            f"Consent to share this person's information for {label} was withdrawn on "
            f"{when:%d %B %Y}, and no other basis applies."
        )
    ended = [b for b in bases if b.ends_on is not None and b.ends_on < day]
    if ended and not in_force:
        latest = max(ended, key=lambda b: b.ends_on)
        return None, (
            f"Consent to share this person's information for {label} ended on "
            f"{latest.ends_on:%d %B %Y}, and no other basis applies."
        )
    if in_force:
        return None, (
            f"The consent recorded for {label} does not cover this recipient (it covers "
            f"{', '.join(sorted({b.get_scope_display().lower() for b in in_force}))})."
        )
    return None, (
        f"No consent or statutory basis is recorded for sharing this person's information "
        f"for {label}."
    )


def bases_recorded(person, purpose: str) -> bool:
    """Whether any basis (in force or not) was ever recorded for sharing `person`'s
    information for `purpose`: an app that supplies a basis of its own (the family's
    agreement given with a request) does so only the first time, so that a consent since
    withdrawn or ended is never silently replaced."""
    return SharingBasis.objects.filter(person=person, purpose=purpose, archived_at=None).exists()


def _covers(basis: SharingBasis, recipient_agency, to_taf: bool) -> bool:
    if basis.scope == Scope.ANY_AGENCY:
        return True
    if basis.scope == Scope.TAF:
        return to_taf
    return recipient_agency is not None and basis.agency_id == recipient_agency.pk


def share_check(
    *,
    actor,
    person,
    purpose: str,
    channel: str,
    recipient_user=None,
    recipient_agency=None,
    to_taf: bool = False,
    record: models.Model | None = None,
    fields: list[str] | None = None,
) -> ShareDecision:
    """Find the basis for a share, or write a refusal to the ledger and raise ShareRefused."""
    if recipient_agency is None and recipient_user is not None:
        recipient_agency = recipient_user.agency
    basis, reason = basis_for(person, purpose, recipient_agency=recipient_agency, to_taf=to_taf)
    if basis is None:
        entry = _write(
            actor,
            person=person,
            purpose=purpose,
            channel=channel,
            outcome=Outcome.REFUSED,
            recipient_user=recipient_user,
            recipient_agency=recipient_agency,
            record=record,
            fields=fields,
            reason=reason,
        )
        raise ShareRefused(reason, entry)
    return ShareDecision(actor, person, purpose, basis, recipient_user, recipient_agency)


def shares_check(*, people, field: str | None = None, **share) -> list[ShareDecision]:
    """share_check for each of `people` (a family's members, say): every refusal goes in the
    ledger, and one ShareRefused names each person refused and why."""
    decisions, refusals = [], []
    for person in people:
        try:
            decisions.append(share_check(person=person, **share))
        except ShareRefused as refused:
            refusals.append(f"{person}: {refused.message}")
    if refusals:
        raise ShareRefused(" ".join(refusals), field=field)
    return decisions


def disclosure_record(
    *,
    decision: ShareDecision,
    channel: str,
    record: models.Model | None = None,
    fields: list[str] | None = None,
) -> Disclosure:
    """The ledger entry for a share that went ahead on `decision`'s basis."""
    return _write(
        decision.actor,
        person=decision.person,
        purpose=decision.purpose,
        channel=channel,
        outcome=Outcome.SHARED,
        recipient_user=decision.recipient_user,
        recipient_agency=decision.recipient_agency,
        record=record,
        fields=fields,
        basis=decision.basis,
    )


def disclosures_record(
    *,
    decisions: list[ShareDecision],
    channel: str,
    record: models.Model | None = None,
    fields: list[str] | None = None,
) -> list[Disclosure]:
    """The ledger entries for a share to several people at once (a family's members), each
    on its own decision's basis: what every app writes once its change is saved."""
    return [
        disclosure_record(decision=decision, channel=channel, record=record, fields=fields)
        for decision in decisions
    ]


def statutory_basis_ensure(*, actor, person, purpose: str, kind: str, evidence: str):
    """Record the statutory basis an app's own decision supplies (a Hub decision at level 4,
    a referral to MARAC), unless one is already in force for the purpose. Consent is never
    recorded this way: that needs someone to say who gave it."""
    if kind not in STATUTORY_BASES:
        raise ValueError(f"{kind} is not a statutory basis.")
    basis, _ = basis_for(person, purpose)
    if basis is not None and basis.kind in STATUTORY_BASES:
        return basis
    from teamaround.governance.services.bases import basis_record

    return basis_record(actor=actor, person=person, purpose=purpose, kind=kind, evidence=evidence)


def share_authorise(*, channel: str, record=None, fields=None, **who) -> Disclosure:
    """share_check then disclosure_record, for a share with no transaction of its own."""
    decision = share_check(channel=channel, record=record, fields=fields, **who)
    return disclosure_record(decision=decision, channel=channel, record=record, fields=fields)


def withholding_record(
    *,
    actor,
    person,
    purpose: str,
    reason: str,
    approver,
    recipient_agency=None,
    recipient_user=None,
    record: models.Model | None = None,
    channel: str = Channel.OTHER,
) -> Disclosure:
    """A decision not to share because sharing would be more detrimental to the child
    (Children's Wellbeing and Schools Act 2026, s.4): recorded with the reason and approver."""
    require(actor, "governance.record_basis", person, what="record a decision not to share")
    errors: dict[str, list[str]] = {}
    if not (reason or "").strip():
        errors["reason"] = ["Say why sharing would be more detrimental to the child."]
    if approver is None:
        errors["approver"] = ["Choose the manager who approved the decision."]
    elif approver.pk == getattr(actor_user(actor), "pk", None):
        errors["approver"] = ["Someone other than the person deciding must approve it."]
    elif not approver.has_perm("governance.approve_withholding"):
        errors["approver"] = ["The approver must be a team manager or the Data Protection Officer."]
    if purpose not in Purpose.values:
        errors["purpose"] = ["Choose what the information would have been shared for."]
    if recipient_agency is None and recipient_user is None:
        errors["recipient_agency"] = ["Say whom it was not shared with."]
    if errors:
        raise ValidationFailed(errors)
    return _write(
        actor,
        person=person,
        purpose=purpose,
        channel=channel,
        outcome=Outcome.WITHHELD,
        recipient_user=recipient_user,
        recipient_agency=recipient_agency or getattr(recipient_user, "agency", None),
        record=record,
        reason=reason.strip(),
        approved_by=approver,
    )


def _write(actor, *, person, record=None, fields=None, basis=None, **values) -> Disclosure:
    user = actor_user(actor)
    entry = Disclosure.objects.create(
        occurred_at=timezone.now(),
        person=person,
        record_type=record._meta.label_lower if record is not None else "",
        record_id=str(record.pk) if record is not None else "",
        fields=list(fields or []),
        basis=basis,
        basis_kind=basis.kind if basis is not None else "",
        decided_by=user,
        decided_by_username=actor.get_username() if actor is not None else "",
        **values,
    )
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        obj=entry,
        summary=f"Ledger: {entry.outcome} ({entry.channel}) about person {person.pk}",
    )
    return entry


__all__ = [
    "BasisKind",
    "ShareDecision",
    "ShareRefused",
    "basis_for",
    "disclosure_record",
    "share_authorise",
    "share_check",
    "shares_check",
    "withholding_record",
]
