"""Family group decision making and the wider family network.

- The statutory offer of a family group decision-making meeting (Children's Wellbeing and
  Schools Act 2026): offered on a date to named people, then accepted or declined; a meeting
  is recorded only for an accepted offer (who attended, whether a plan was agreed, and the
  plan). Where the meeting cannot or should not happen before an application to court, a
  manager of the case's team authorises an exception with the reason: the allocated worker
  never authorises their own exception, even if they are a manager.
- The network's members, each with their own consent: given or refused when added, then
  withdrawn (after it was given) or given again, each change a new row.

These are what socialcare.services.proceedings.fgdm_gate reads before care proceedings may be
recorded as issued.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from teamaround.core.access import actor_user, refuse, require, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.socialcare.models import (
    CaseEventKind,
    FamilyNetworkMember,
    FgdmException,
    FgdmMeeting,
    FgdmOffer,
    NetworkConsent,
    NetworkConsentRecord,
    OfferResponse,
)
from teamaround.socialcare.services import lifecycle
from teamaround.socialcare.services.proceedings import _check_day, _require_active_case, _text

FIRST_CONSENT = (NetworkConsent.GIVEN, NetworkConsent.REFUSED)


def fgdm_offer_record(
    *,
    actor,
    referral,
    offered_on: date,
    offered_to: str,
    response: str = OfferResponse.AWAITING,
    responded_on: date | None = None,
) -> FgdmOffer:
    with use_case(actor, "socialcare.change_case", referral, what="record an FGDM offer"):
        _require_active_case(referral)
        errors: dict[str, list[str]] = {}
        _check_day(
            errors,
            "offered_on",
            offered_on,
            after=referral.received_on,
            what="the date the meeting was offered",
        )
        offered_to = _text(errors, "offered_to", offered_to, "Say who the meeting was offered to.")
        _check_response(errors, response or OfferResponse.AWAITING, responded_on, offered_on)
        if errors:
            raise ValidationFailed(errors)
        offer = FgdmOffer.objects.create(
            referral=referral,
            offered_on=offered_on,
            offered_to=offered_to[:300],
            response=response or OfferResponse.AWAITING,
            responded_on=responded_on,
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=offer)
        answered = "" if offer.response == OfferResponse.AWAITING else f", {offer.response}"
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.FGDM_OFFERED,
            f"family group decision-making meeting offered{answered}",
        )
        return offer


def _check_response(errors, response, responded_on, offered_on) -> None:
    if response not in OfferResponse.values:
        errors["response"] = ["Choose whether the offer was accepted or declined."]
    elif response == OfferResponse.AWAITING:
        if responded_on is not None:
            errors["responded_on"] = ["Leave the date of the answer blank until there is one."]
    elif offered_on is not None:
        _check_day(
            errors,
            "responded_on",
            responded_on,
            after=offered_on,
            what="the date of the answer (on or after the offer)",
        )


def fgdm_offer_answer(
    *, actor, offer: FgdmOffer, response: str, responded_on: date | None
) -> FgdmOffer:
    referral = offer.referral
    with use_case(actor, "socialcare.change_case", referral, what="answer an FGDM offer"):
        _require_active_case(referral)
        if offer.response != OfferResponse.AWAITING:
            raise Conflict("This offer has already been answered.")
        errors: dict[str, list[str]] = {}
        if response == OfferResponse.AWAITING:
            errors["response"] = ["Choose whether the offer was accepted or declined."]
        else:
            _check_response(errors, response, responded_on, offer.offered_on)
        if errors:
            raise ValidationFailed(errors)
        offer.response = response
        offer.responded_on = responded_on
        offer.updated_by = actor_user(actor)
        offer.save()
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=offer, summary=response)
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.FGDM_OFFERED,
            f"family group decision-making meeting offer {response}",
        )
        return offer


def fgdm_meeting_record(
    *, actor, offer: FgdmOffer, held_on: date, attended: str, plan_agreed: bool, plan: str
) -> FgdmMeeting:
    referral = offer.referral
    with use_case(actor, "socialcare.change_case", referral, what="record an FGDM meeting"):
        _require_active_case(referral)
        if offer.response != OfferResponse.ACCEPTED:
            raise DomainError("A meeting is recorded only for an offer the family accepted.")
        errors: dict[str, list[str]] = {}
        _check_day(
            errors,
            "held_on",
            held_on,
            after=offer.offered_on,
            what="the date of the meeting (on or after the offer)",
        )
        attended = _text(errors, "attended", attended, "Record who attended.")
        plan = (plan or "").strip()
        if plan_agreed and not plan:
            errors["plan"] = ["Record the plan the family agreed."]
        if errors:
            raise ValidationFailed(errors)
        meeting = FgdmMeeting.objects.create(
            referral=referral,
            offer=offer,
            held_on=held_on,
            attended=attended,
            plan_agreed=bool(plan_agreed),
            plan=plan,
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=meeting)
        agreed = "plan agreed" if plan_agreed else "no plan agreed"
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.FGDM_HELD,
            f"family group decision-making meeting held, {agreed}",
        )
        return meeting


def fgdm_exception_authorise(*, actor, referral, reason: str) -> FgdmException:
    """A manager of the case's team (not its allocated worker) authorises going to court
    without the offer or the meeting, with the reason."""
    require(actor, "socialcare.authorise", referral, what="authorise an FGDM exception")
    if referral.allocated_worker_id and referral.allocated_worker_id == actor.pk:
        # Refused before the transaction, so the refusal's audit event survives.
        raise refuse(
            actor,
            what="authorise an FGDM exception on their own case",
            obj=referral,
            message="The allocated worker cannot authorise an exception on their own case: "
            "ask another manager of the team.",
        )
    with transaction.atomic():
        _require_active_case(referral)
        reason = (reason or "").strip()
        if not reason:
            raise ValidationFailed({"reason": ["Say why the meeting is not offered or held."]})
        exception = FgdmException.objects.create(
            referral=referral,
            reason=reason,
            authorised_by=actor_user(actor),
            authorised_on=timezone.localdate(),
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=exception)
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.FGDM_EXCEPTION,
            "family group decision-making exception authorised by a manager",
        )
        return exception


def _consent_row(actor, member, status, on) -> NetworkConsentRecord:
    row = NetworkConsentRecord.objects.create(
        member=member, status=status, on=on, recorded_by=actor_user(actor)
    )
    audit_record(
        action=AuditAction.UPDATE, actor=actor, obj=member, summary=f"Network consent {status}"
    )
    return row


def network_member_add(
    *,
    actor,
    referral,
    name: str,
    relationship: str,
    contact: str,
    consent: str,
    consent_on: date,
) -> FamilyNetworkMember:
    with use_case(actor, "socialcare.change_case", referral, what="add a network member"):
        _require_active_case(referral)
        errors: dict[str, list[str]] = {}
        name = _text(errors, "name", name, "Enter the person's name.")
        relationship = _text(
            errors, "relationship", relationship, "Say how they are related to the child."
        )
        contact = _text(errors, "contact", contact, "Enter how to contact them.")
        if consent not in FIRST_CONSENT:
            errors["consent"] = ["Choose whether they gave or refused consent."]
        _check_day(
            errors,
            "consent_on",
            consent_on,
            after=referral.received_on,
            what="the date of their answer",
        )
        if errors:
            raise ValidationFailed(errors)
        member = FamilyNetworkMember.objects.create(
            referral=referral,
            name=name[:120],
            relationship=relationship[:80],
            contact=contact[:200],
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=member)
        _consent_row(actor, member, consent, consent_on)
        return member


def network_consent_record(
    *, actor, member: FamilyNetworkMember, status: str, on: date
) -> NetworkConsentRecord:
    """A change to one member's consent: withdrawn only once given; given again after a
    refusal or withdrawal; never the same as it already is."""
    referral = member.referral
    with use_case(actor, "socialcare.change_case", referral, what="record network consent"):
        _require_active_case(referral)
        current = member.consent()
        errors: dict[str, list[str]] = {}
        if status not in NetworkConsent.values:
            errors["status"] = ["Choose the change to their consent."]
        elif current is not None and status == current.status:
            errors["status"] = [f"Their consent is already recorded as {status}."]
        elif status == NetworkConsent.WITHDRAWN and (
            current is None or current.status != NetworkConsent.GIVEN
        ):
            errors["status"] = ["Consent can be withdrawn only after it was given."]
        _check_day(
            errors,
            "on",
            on,
            after=current.on if current else referral.received_on,
            what="the date of the change (on or after their last answer)",
        )
        if errors:
            raise ValidationFailed(errors)
        return _consent_row(actor, member, status, on)
