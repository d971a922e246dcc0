"""One record by id through an access rule: 404 when it does not exist, an audited refusal
when it exists but the actor may not see it, and an audited view when they may."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404

from teamaround.core.access import refuse
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction


def get_through(actor, queryset, record_id, rule, what: str, *, audit: bool = True):
    try:
        record = queryset.filter(pk=record_id).first()
    except (ValueError, TypeError, ValidationError):
        record = None
    if record is None:
        raise Http404
    if not queryset.model.objects.filter(rule, pk=record.pk).exists():
        raise refuse(actor, what=what, obj=record)
    if audit:
        audit_record(action=AuditAction.VIEW, actor=actor, obj=record, summary=f"Viewed {what}")
    return record
