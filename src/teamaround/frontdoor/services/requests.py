"""Sending a Request for Support: drafts a professional or a family can come back to, and
sending, which links the child to the people app's records (or records them), starts the
Hub's one-working-day clock and notes the request on the family's chronology."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.selectors import district_for_postcode
from teamaround.core.updates import version_claim
from teamaround.frontdoor import adapters
from teamaround.frontdoor.models import (
    Consent,
    RequestEventKind,
    RequestForSupport,
    RequestSource,
    RequestStatus,
)
from teamaround.frontdoor.services.checks import check_for_submission
from teamaround.frontdoor.services.lifecycle import apply_event, hub_due_on
from teamaround.people import services as people_services
from teamaround.people.models import FamilyEventKind, Person
from teamaround.people.selectors import family_get, person_linkable

REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
DRAFT_FIELDS = (
    "child_forenames",
    "child_surname",
    "child_date_of_birth",
    "address_line_1",
    "postcode",
    "parent_name",
    "parent_phone",
    "concern",
    "tried",
    "level_suggested",
    "consent",
    "no_consent_reason",
    "safeguarding_concern",
    "person",
)
PUBLIC_FIELDS = (
    *DRAFT_FIELDS,
    "referrer_name",
    "referrer_email",
    "referrer_phone",
    "public_relationship",
)
RE_REFERRAL_WINDOW = timedelta(days=365)


def random_reference() -> str:
    return "RFS-" + "".join(secrets.choice(REFERENCE_LETTERS) for _ in range(6))


def new_reference() -> str:
    while True:
        reference = random_reference()
        if not RequestForSupport.objects.filter(reference=reference).exists():
            return reference


def _fill(request: RequestForSupport, values: dict, allowed) -> None:
    for name, value in values.items():
        if name not in allowed:
            continue
        if name == "safeguarding_concern":
            value = bool(value)
        elif isinstance(value, str):
            value = value.strip()
        elif value is None and name not in _NULLABLE:
            value = ""
        if name == "consent" and value not in ("", *Consent.values):
            # Checked before anything is saved: the column holds only a choice.
            raise ValidationFailed({"consent": ["Say whether the family agrees to this request."]})
        setattr(request, name, value)


_NULLABLE = {"child_date_of_birth", "level_suggested", "person"}


def request_for_support_save_draft(
    *,
    actor,
    values: dict,
    request: RequestForSupport | None = None,
    version: int | None = None,
) -> RequestForSupport:
    """Start or change a professional's draft. Nothing is required yet. A change starts from
    the version the editor read (None: as read here): if a colleague saved the draft since,
    nothing is written and StaleVersion carries both versions."""
    if request is None:
        with use_case(actor, "frontdoor.send_request", what="start a request for support"):
            user = actor_user(actor)
            request = RequestForSupport(
                reference=new_reference(),
                source=RequestSource.PROFESSIONAL,
                referrer=user,
                referrer_agency=user.agency if user else None,
                referrer_name=user.get_full_name() if user else "",
                referrer_role=user.job_title if user else "",
                referrer_email=user.email if user else "",
                referrer_phone=user.phone if user else "",
                created_by=user,
            )
            _fill(request, values, DRAFT_FIELDS)
            request.save()
            apply_event(request, RequestEventKind.DRAFT_SAVED, actor=actor)
            audit_record(
                action=AuditAction.CREATE,
                actor=actor,
                obj=request,
                summary="Started a request for support",
            )
            return request
    with use_case(actor, "frontdoor.change_draft", request, what="change a draft request"):
        submitted = {name: value for name, value in values.items() if name in DRAFT_FIELDS}
        version_claim(request, expected_version=version, submitted=submitted, what="draft request")
        _fill(request, values, DRAFT_FIELDS)
        apply_event(request, RequestEventKind.DRAFT_SAVED, actor=actor)
        return request


def request_for_support_submit(
    *, actor, request: RequestForSupport, when=None
) -> RequestForSupport:
    with use_case(actor, "frontdoor.change_draft", request, what="send a request for support"):
        return send_to_hub(actor, request, when=when)


def request_for_support_send(*, actor, values: dict, when=None) -> RequestForSupport:
    """Draft and send in one go (the API, and the seeder)."""
    with transaction.atomic():
        request = request_for_support_save_draft(actor=actor, values=values)
        return request_for_support_submit(actor=actor, request=request, when=when)


def request_for_support_withdraw(
    *, actor, request: RequestForSupport, reason: str
) -> RequestForSupport:
    """Withdraw a sent request (saying why), or discard a draft (the Hub never saw it, so
    no reason is needed)."""
    with use_case(actor, "frontdoor.change_draft", request, what="withdraw a request"):
        draft = request.status == RequestStatus.DRAFT
        reason = (reason or "").strip() or ("Draft discarded" if draft else "")
        if not reason:
            raise DomainError("Say why you are withdrawing the request.", field="reason")
        apply_event(
            request,
            RequestEventKind.WITHDRAWN,
            actor=actor,
            summary="Draft discarded by the referrer" if draft else "Withdrawn by the referrer",
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=request,
            summary="Discarded a draft request" if draft else "Withdrew a request for support",
            reason=reason,
        )
        return request


def send_to_hub(actor, request: RequestForSupport, *, when=None) -> RequestForSupport:
    """Check, link the child, start the clock. Called inside the caller's use_case."""
    check_for_submission(request)
    moment = when or timezone.now()
    person, family = _link_child(actor, request)
    request.person, request.family = person, family
    request.district = district_for_postcode(request.postcode) if request.postcode else None
    request.submitted_at = moment
    request.due_on = hub_due_on(moment)
    request.is_re_referral = previous_requests(request).exists()
    apply_event(
        request, RequestEventKind.SUBMITTED, actor=actor, when=moment, summary="Sent to the Hub"
    )
    people_services.family_event_record(
        actor=on_behalf_of(actor),
        family=family,
        kind=FamilyEventKind.REQUEST_FOR_SUPPORT,
        summary=f"Request for support {request.reference} sent to the Hub "
        f"({request.get_source_display().lower()})",
        occurred_at=moment,
        team=getattr(actor_user(actor), "team", None),
        source_app="frontdoor",
        source_id=str(request.pk),
    )
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        obj=request,
        summary="Sent a request for support to the Hub",
        changes={"status": [RequestStatus.DRAFT, RequestStatus.SUBMITTED]},
    )
    return request


def _link_child(actor, request: RequestForSupport):
    """The chosen known child and their family; a child not known is recorded now."""
    person = request.person
    if person is None:
        person = adapters.record_child(
            actor=actor,
            forenames=request.child_forenames,
            surname=request.child_surname,
            date_of_birth=request.child_date_of_birth,
            line_1=request.address_line_1,
            postcode=request.postcode,
        )
    family_id = adapters.current_families([person.pk], actor=actor).get(person.pk)
    if family_id is None:
        raise DomainError(
            "The child chosen has no current family; choose another record.", field="person"
        )
    return person, family_get(actor=on_behalf_of(actor), family_id=family_id, audit=False)


def previous_requests(request: RequestForSupport):
    """Requests sent about the same child or family in the 12 months before this one."""
    since = (request.submitted_at or timezone.now()) - RE_REFERRAL_WINDOW
    same = Q(person_id=request.person_id)
    if request.family_id:
        same |= Q(family_id=request.family_id)
    return (
        RequestForSupport.objects.filter(
            same, submitted_at__gte=since, submitted_at__lte=request.submitted_at or timezone.now()
        )
        .exclude(pk=request.pk)
        .exclude(status=RequestStatus.DRAFT)
        .order_by("-submitted_at")
    )


def hash_code(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def resume_code() -> str:
    return "".join(secrets.choice(REFERENCE_LETTERS) for _ in range(10))


def linkable_person(person_id, *, actor, date_of_birth=None) -> Person | None:
    """The known child a referrer chose from the search (people's rule: one they may open,
    or one whose date of birth they searched with); any other id is refused."""
    return person_linkable(actor=actor, person_id=person_id, date_of_birth=date_of_birth)
