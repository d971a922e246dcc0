"""A family or member of the public asking for help without signing in: a shorter form, a
draft they can come back to with a resume code (or from the same browser), then sent to the
Hub like any request. The Hub records the child; nobody's team is involved by the asking."""

from __future__ import annotations

from django.db import transaction

from teamaround.core.access import MEMBER_OF_PUBLIC
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, DomainError
from teamaround.core.models import AuditAction
from teamaround.frontdoor.models import (
    RequestEventKind,
    RequestForSupport,
    RequestSource,
    RequestStatus,
)
from teamaround.frontdoor.services.lifecycle import apply_event
from teamaround.frontdoor.services.requests import (
    PUBLIC_FIELDS,
    _fill,
    hash_code,
    new_reference,
    resume_code,
    send_to_hub,
)

PUBLIC_ALLOWED = tuple(name for name in PUBLIC_FIELDS if name not in {"person", "tried"})


@transaction.atomic
def public_request_save_draft(*, values: dict, request: RequestForSupport | None = None):
    """Returns (request, resume code). A new code is made only for a new draft: it is shown
    once and only its hash is kept."""
    code = None
    if request is None:
        code = resume_code()
        request = RequestForSupport(
            reference=new_reference(), source=RequestSource.PUBLIC, resume_code_hash=hash_code(code)
        )
    elif request.source != RequestSource.PUBLIC or request.status != RequestStatus.DRAFT:
        raise Conflict("This request has already been sent.")
    _fill(request, values, PUBLIC_ALLOWED)
    request.save()
    apply_event(request, RequestEventKind.DRAFT_SAVED, actor=None)
    if code:
        audit_record(
            action=AuditAction.CREATE,
            actor=None,
            obj=request,
            summary="Started a request for help (public form)",
        )
    return request, code


@transaction.atomic
def public_request_submit(*, request: RequestForSupport) -> RequestForSupport:
    if request.source != RequestSource.PUBLIC:
        raise DomainError("This is not a public request.")
    send_to_hub(MEMBER_OF_PUBLIC, request)
    request.resume_code_hash = ""
    request.save(update_fields=["resume_code_hash"])
    return request


def public_request_resume(*, code: str) -> RequestForSupport:
    """The draft a resume code opens; a sent request cannot be reopened."""
    found = (
        RequestForSupport.objects.filter(
            resume_code_hash=hash_code(code or ""),
            source=RequestSource.PUBLIC,
            status=RequestStatus.DRAFT,
        ).first()
        if (code or "").strip()
        else None
    )
    if found is None:
        audit_record(
            action=AuditAction.REFUSED,
            actor=None,
            object_type="frontdoor.request",
            summary="Refused: a resume code that opens no draft",
        )
        raise DomainError(
            "We cannot find a draft with that code. Check it and try again.", field="code"
        )
    return found
