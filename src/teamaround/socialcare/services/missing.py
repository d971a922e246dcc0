"""A looked-after child missing from their placement: recorded by the worker or brought in
from the Hub's police notifications (read through the Hub's selector; social care writes only
its own table), sent to the allocated social worker as work, and followed by a return
conversation offered to the child (offered on, accepted or declined, held on)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from teamaround.core.access import actor_user, use_case
from teamaround.core.audit import audit_record
from teamaround.core.calendar import add_working_days
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.socialcare import adapters
from teamaround.socialcare.models import ConversationResponse, MissingFromCare
from teamaround.socialcare.services import lifecycle
from teamaround.socialcare.services.looked_after import open_period

MISSING_WORK = "socialcare.missing"
# The return conversation is offered within 72 hours of the child's return.
CONVERSATION_WORKING_DAYS = 3


def conversation_due(missing: MissingFromCare) -> date:
    return add_working_days(missing.returned_on or missing.missing_on, CONVERSATION_WORKING_DAYS)


def _create(actor, referral, period, *, missing_on, returned_on, notification_id=None):
    missing = MissingFromCare.objects.create(
        referral=referral,
        period=period,
        notification_id=notification_id,
        missing_on=missing_on,
        returned_on=returned_on,
        created_by=actor_user(actor),
    )
    audit_record(action=AuditAction.CREATE, actor=actor, obj=missing)
    lifecycle.work_set(
        actor,
        referral,
        MISSING_WORK,
        "Offer the child a return conversation",
        conversation_due(missing),
        lifecycle.link("socialcare:missing-conversation", referral.pk, missing.pk),
    )
    return missing


def missing_record(*, actor, referral, missing_on: date, returned_on: date | None):
    """The worker records a looked-after child's missing episode."""
    with use_case(actor, "socialcare.change_case", referral, what="record a missing episode"):
        period = open_period(referral)
        if period is None:
            raise DomainError("Only a looked-after child's missing episode is recorded here.")
        errors: dict[str, list[str]] = {}
        today = timezone.localdate()
        if missing_on is None or missing_on > today or missing_on < period.started_on:
            errors["missing_on"] = ["Enter the date the child went missing (while in care)."]
        elif returned_on is not None and (returned_on < missing_on or returned_on > today):
            errors["returned_on"] = ["The return is between going missing and today."]
        if errors:
            raise ValidationFailed(errors)
        return _create(actor, referral, period, missing_on=missing_on, returned_on=returned_on)


def missing_from_hub(*, actor, referral) -> list[MissingFromCare]:
    """Bring in the Hub's police notifications of the child going missing while looked after
    (each once). Each goes to the allocated social worker with a return conversation to
    offer. Returns the episodes brought in."""
    with use_case(actor, "socialcare.change_case", referral, what="bring in missing episodes"):
        period = open_period(referral)
        if period is None:
            return []
        known = set(
            MissingFromCare.objects.filter(notification_id__isnull=False).values_list(
                "notification_id", flat=True
            )
        )
        made = []
        for notification in adapters.hub_missing_episodes(
            actor=actor, child_id=referral.child_id, since=period.started_on
        ):
            if notification.pk in known:
                continue
            returned = notification.returned_at
            made.append(
                _create(
                    actor,
                    referral,
                    period,
                    missing_on=timezone.localtime(notification.reported_missing_at).date(),
                    returned_on=timezone.localtime(returned).date() if returned else None,
                    notification_id=notification.pk,
                )
            )
        return made


def return_conversation_record(
    *,
    actor,
    missing: MissingFromCare,
    offered_on: date,
    response: str,
    held_on: date | None,
) -> MissingFromCare:
    referral = missing.referral
    with use_case(actor, "socialcare.change_case", referral, what="record a return conversation"):
        if missing.conversation_held_on or missing.conversation_response == "declined":
            raise Conflict("The return conversation is already recorded.")
        errors: dict[str, list[str]] = {}
        today = timezone.localdate()
        if offered_on is None or offered_on > today or offered_on < missing.missing_on:
            errors["offered_on"] = ["Enter the date the conversation was offered."]
        if response and response not in ConversationResponse.values:
            errors["response"] = ["Choose whether the child accepted or declined."]
        if held_on is not None:
            if response != ConversationResponse.ACCEPTED:
                errors["held_on"] = ["A conversation is held only if the child accepted."]
            elif offered_on and (held_on < offered_on or held_on > today):
                errors["held_on"] = ["The conversation is held between the offer and today."]
        if errors:
            raise ValidationFailed(errors)
        missing.conversation_offered_on = offered_on
        missing.conversation_response = response or ""
        missing.conversation_held_on = held_on
        missing.updated_by = actor_user(actor)
        missing.save()
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=missing, summary="Conversation")
        if held_on or response == ConversationResponse.DECLINED:
            lifecycle.work_cancel(actor, referral, "Conversation recorded", source=MISSING_WORK)
        return missing
