"""Getting one record by id, the one way every app does it.

`record_get` looks the record up, checks it against the model's access rule (the same rule the
app's list uses), audits the view, and refuses with an audited `RecordRefused`. A record that
does not exist is Http404. A refused record is a 403 page on the web (with a message saying
what the person can do, such as asking for break-glass access) and a 404 in the API, so that
guessing ids through the API reveals nothing (see core.api.exception_handler).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404

from teamaround.core.access import refuse
from teamaround.core.audit import audit_record
from teamaround.core.errors import RecordRefused
from teamaround.core.models import AuditAction

RecordT = TypeVar("RecordT", bound=models.Model)

Rule = Q | Callable[[models.Model], bool]


def record_get(
    source: type[RecordT] | models.QuerySet,
    *,
    actor,
    pk,
    rule: Rule,
    what: str,
    audit: bool | Callable[[RecordT], bool] = True,
    message: str = "You do not have access to this record.",
    next_steps: Callable[[RecordT], list] | None = None,
) -> RecordT:
    """The record `pk` from `source` (a model or a queryset with its select_related) if `rule`
    lets `actor` see it.

    `rule` is the app's access rule: a Q over the model (checked in the database, exactly as
    the list filters) or, for records whose rule is a permission on the object, a callable
    taking the record. `audit` may be a callable for records whose view is not worth
    recording for some actors (a referrer reading their own request). `what` names the
    record in the audit trail ("a person's record") and carries no personal data.
    `next_steps(record)` gives the refused person's way forward ([(text, href)]) for the 403
    page, such as break-glass access.
    """
    queryset = source if isinstance(source, models.QuerySet) else source.objects.all()
    try:
        record = queryset.filter(pk=pk).first()
    except (ValueError, TypeError, ValidationError):
        record = None
    if record is None:
        raise Http404
    if isinstance(rule, Q):
        allowed = queryset.model.objects.filter(rule, pk=record.pk).exists()
    else:
        allowed = rule(record)
    if not allowed:
        raise refuse(
            actor,
            what=what,
            obj=record,
            message=message,
            refused=RecordRefused,
            next_steps=next_steps(record) if next_steps else (),
        )
    if audit is True or (callable(audit) and audit(record)):
        audit_record(action=AuditAction.VIEW, actor=actor, obj=record, summary=f"Viewed {what}")
    return record
