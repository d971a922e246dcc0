"""Reads of subject access requests, for the Data Protection Officer."""

from __future__ import annotations

from django.db.models import QuerySet

from teamaround.core.access import require
from teamaround.core.records import record_get
from teamaround.governance.models import AccessRequestStatus, SubjectAccessRequest


def access_requests_open(*, actor) -> QuerySet[SubjectAccessRequest]:
    require(actor, "governance.handle_access_requests", what="list subject access requests")
    return (
        SubjectAccessRequest.objects.exclude(status=AccessRequestStatus.COMPLETED)
        .select_related("person", "officer")
        .order_by("due_on")
    )


def access_request_get(*, actor, request_id) -> SubjectAccessRequest:
    require(actor, "governance.handle_access_requests", what="open a subject access request")
    return record_get(
        SubjectAccessRequest.objects.select_related("person", "officer"),
        actor=actor,
        pk=request_id,
        rule=lambda record: True,
        what="a subject access request",
    )


def third_parties(*, actor, request: SubjectAccessRequest) -> list[dict]:
    """Each third party the export names, with the officer's decision (redact by default)."""
    from teamaround.governance.subject_access.collect import collect

    require(actor, "governance.handle_access_requests", what="review third parties")
    decisions = {d.third_party_id: d for d in request.redactions.all()}
    bundle = collect(request.person, released=set())
    return [
        {
            "person": party.person,
            "label": party.label,
            "redact": decisions[pk].redact if pk in decisions else True,
            "reason": decisions[pk].reason if pk in decisions else "",
            "decided": pk in decisions,
        }
        for pk, party in bundle.third_parties.items()
    ]
