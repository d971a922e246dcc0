"""Subject access requests: opened with the statutory deadline (one month from receipt,
extendable by two more for a complex request) tracked as the officer's work item; redaction
decisions about third parties; the export (PDF and JSON) itself audited."""

from __future__ import annotations

import calendar
from datetime import date

from django.db import transaction
from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of, require
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.core.work import work_item_cancel_for_source, work_item_create
from teamaround.governance.models import RedactionDecision, SubjectAccessRequest
from teamaround.governance.services.lifecycle import ACCESS_REQUEST_LIFECYCLE

SOURCE = "governance.subjectaccessrequest"


def months_after(day: date, months: int) -> date:
    """The same day `months` later (the last day of a shorter month)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _deadline_work(actor, request: SubjectAccessRequest, title: str) -> None:
    work_item_create(
        actor=on_behalf_of(actor),
        title=title,
        source_type=SOURCE,
        source_id=str(request.pk),
        assigned_to=request.officer,
        due_on=request.due_on,
        link=f"/governance/access-requests/{request.pk}/",
    )


def access_request_open(
    *, actor, person, requested_by: str, received_on: date | None = None
) -> SubjectAccessRequest:
    require(actor, "governance.handle_access_requests", what="open a subject access request")
    today = timezone.localdate()
    received_on = received_on or today
    errors = {}
    if not (requested_by or "").strip():
        errors["requested_by"] = ["Say who made the request."]
    if received_on > today:
        errors["received_on"] = ["The date received must be today or in the past."]
    if errors:
        raise ValidationFailed(errors)
    with transaction.atomic():
        request = SubjectAccessRequest.objects.create(
            person=person,
            requested_by=requested_by.strip()[:120],
            received_on=received_on,
            due_on=months_after(received_on, 1),
            officer=actor_user(actor),
            created_by=actor_user(actor),
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=request,
            summary=f"Subject access request about person {person.pk}",
        )
        _deadline_work(actor, request, "Answer a subject access request")
        return request


def access_request_extend(*, actor, request: SubjectAccessRequest, reason: str):
    """A complex request: the deadline moves to three months from receipt."""
    require(actor, "governance.handle_access_requests", what="extend a subject access request")
    if not (reason or "").strip():
        raise DomainError("Say why the request is complex enough to extend.", field="reason")
    with transaction.atomic():
        ACCESS_REQUEST_LIFECYCLE.move(request, "extend", actor=actor, why=reason, save=False)
        request.due_on = months_after(request.received_on, 3)
        request.extension_reason = reason.strip()
        request.save()
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=request,
            summary="Subject access request extended by two months",
            reason=reason.strip(),
            changes={"status": ["open", "extended"], "due_on": [None, str(request.due_on)]},
        )
        work_item_cancel_for_source(
            actor=on_behalf_of(actor),
            source_type=SOURCE,
            source_id=str(request.pk),
            reason="Deadline extended",
        )
        _deadline_work(actor, request, "Answer a subject access request (extended)")
        return request


def access_request_complete(*, actor, request: SubjectAccessRequest):
    require(actor, "governance.handle_access_requests", what="complete a subject access request")
    if request.exported_at is None:
        raise DomainError("Produce the export before completing the request.")
    with transaction.atomic():
        ACCESS_REQUEST_LIFECYCLE.move(request, "complete", actor=actor, save=False, audit=True)
        request.completed_at = timezone.now()
        request.save()
        work_item_cancel_for_source(
            actor=on_behalf_of(actor),
            source_type=SOURCE,
            source_id=str(request.pk),
            reason="Subject access request answered",
        )
        return request


def redaction_decide(
    *, actor, request: SubjectAccessRequest, third_party, redact: bool, reason: str
):
    """Show or redact one third party in this request's export; the decision is kept."""
    require(actor, "governance.handle_access_requests", what="decide a redaction")
    if not redact and not (reason or "").strip():
        raise DomainError("Say why this person's details can be released.", field="reason")
    with transaction.atomic():
        decision, _ = RedactionDecision.objects.update_or_create(
            access_request=request,
            third_party=third_party,
            defaults={
                "redact": redact,
                "reason": (reason or "").strip(),
                "updated_by": actor_user(actor),
            },
            create_defaults={
                "redact": redact,
                "reason": (reason or "").strip(),
                "created_by": actor_user(actor),
                "updated_by": actor_user(actor),
            },
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=request,
            summary=f"Third party {third_party.pk} {'redacted' if redact else 'released'}",
            reason=(reason or "").strip(),
        )
        return decision


def access_request_export(*, actor, request: SubjectAccessRequest, kind: str = "pdf"):
    """The bundle as a PDF (bytes) or JSON (a dict); the export is audited."""
    from teamaround.governance.subject_access.collect import collect
    from teamaround.governance.subject_access.render import bundle_json, bundle_pdf

    require(actor, "governance.handle_access_requests", what="export a subject access request")
    released = set(request.redactions.filter(redact=False).values_list("third_party_id", flat=True))
    bundle = collect(request.person, released=released)
    result = bundle_pdf(bundle, request) if kind == "pdf" else bundle_json(bundle, request)
    with transaction.atomic():
        model_update(request, actor=actor, values={"exported_at": timezone.now()})
        audit_record(
            action=AuditAction.EXPORT,
            actor=actor,
            obj=request,
            summary=f"Subject access export ({kind}, {bundle.count()} records)",
        )
    return result
