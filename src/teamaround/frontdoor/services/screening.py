"""Screening: assigning a request, the checks made against the family's records, information
gathered from partners, and passing a request to a Hub social worker for review."""

from __future__ import annotations

from teamaround.accounts.models import AgencyKind
from teamaround.core.access import actor_user, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.frontdoor import adapters
from teamaround.frontdoor.models import (
    PartnerInformation,
    RequestEventKind,
    RequestForSupport,
    ScreeningChecks,
)
from teamaround.frontdoor.permissions import is_hub_social_worker, works_the_hub
from teamaround.frontdoor.services.lifecycle import apply_event
from teamaround.frontdoor.services.requests import previous_requests


def request_assign(*, actor, request: RequestForSupport, screener) -> RequestForSupport:
    with use_case(actor, "frontdoor.work_queue", request, what="assign a request"):
        if not works_the_hub(screener):
            raise DomainError("Choose someone who works the Hub queue.", field="screener")
        request.assigned_to = screener
        apply_event(
            request,
            RequestEventKind.ASSIGNED,
            actor=actor,
            summary=f"Assigned to {screener.get_username()}",
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=request,
            summary="Assigned a request",
            changes={"assigned_to": str(screener.pk)},
        )
        return request


def screening_checks_record(
    *, actor, request: RequestForSupport, notes: str = ""
) -> ScreeningChecks:
    with use_case(actor, "frontdoor.decide", request, what="record screening checks"):
        checks = run_checks(actor, request, notes=notes)
        apply_event(
            request, RequestEventKind.CHECKS_RECORDED, actor=actor, summary="Checks recorded"
        )
        return checks


def run_checks(actor, request: RequestForSupport, *, notes: str = "") -> ScreeningChecks:
    """Known to social care? Open early help? Requests in the last 12 months? Team names and
    references only, so the findings are safe to show to anyone who may see the request."""
    involvements = adapters.open_involvements([request.family_id], actor=actor).get(
        request.family_id, []
    )
    social_care = [i.team.name for i in involvements if adapters.is_social_care(i)]
    early_help = [
        i.team.name for i in involvements if i.team.agency.kind == AgencyKind.COUNCIL_EARLY_HELP
    ]
    previous = list(previous_requests(request).values_list("reference", flat=True)[:20])
    values = {
        "known_to_social_care": bool(social_care),
        "social_care_teams": social_care,
        "open_early_help": bool(early_help),
        "early_help_teams": early_help,
        "previous_requests": previous,
        "notes": (notes or "").strip(),
    }
    checks = ScreeningChecks.objects.filter(request=request).first()
    if checks is None:
        user = actor_user(actor)
        checks = ScreeningChecks.objects.create(
            request=request, created_by=user, updated_by=user, **values
        )
    else:
        model_update(checks, actor=actor, values=values)
    if previous and not request.is_re_referral:
        request.is_re_referral = True
        request.save(update_fields=["is_re_referral"])
    audit_record(
        action=AuditAction.UPDATE, actor=actor, obj=request, summary="Recorded screening checks"
    )
    return checks


def partner_information_add(
    *, actor, request: RequestForSupport, agency_name: str, information: str, agency=None
) -> PartnerInformation:
    with use_case(actor, "frontdoor.decide", request, what="add partner information"):
        errors = {}
        if not (agency_name or "").strip() and agency is None:
            errors["agency_name"] = ["Say which agency gave the information."]
        if not (information or "").strip():
            errors["information"] = ["Enter what the partner told you."]
        if errors:
            from teamaround.core.errors import ValidationFailed

            raise ValidationFailed(errors)
        item = PartnerInformation.objects.create(
            request=request,
            agency=agency,
            agency_name=(agency_name or "").strip() or agency.name,
            information=information.strip(),
            created_by=actor_user(actor),
        )
        apply_event(
            request,
            RequestEventKind.PARTNER_INFORMATION,
            actor=actor,
            summary="Information added from a partner agency",
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=request,
            summary="Added information from a partner",
        )
        return item


def request_review_ask(
    *, actor, request: RequestForSupport, social_worker, note: str = ""
) -> RequestForSupport:
    """Pass a request (a missing episode at level 3 or 4, say) to a Hub social worker."""
    with use_case(actor, "frontdoor.decide", request, what="ask for a social worker's review"):
        if not is_hub_social_worker(social_worker):
            raise DomainError("Choose a Hub social worker.", field="social_worker")
        request.assigned_to = social_worker
        apply_event(
            request,
            RequestEventKind.REVIEW_REQUESTED,
            actor=actor,
            summary="Passed to a Hub social worker for review",
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=request,
            summary="Asked a Hub social worker to review a request",
            reason=note,
        )
        return request
