"""Writing to the audit trail. Services call `audit_record`; nothing else writes AuditEvent.

The request in progress (set by RequestContextMiddleware) supplies the request id, path and
address, so services need not pass the request down. Every event is linked into the hash chain
(core.audit_chain) in the transaction that writes it, one writer at a time.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from teamaround.core.alerts import bulk_read_check
from teamaround.core.audit_chain import chain_link
from teamaround.core.middleware import current_request_details
from teamaround.core.models import AuditAction, AuditEvent


def _person_behind(actor):
    """The User an event names (core.access.actor_user; imported late, access imports us)."""
    from teamaround.core.access import actor_user

    return actor_user(actor)


def object_type_of(obj: models.Model) -> str:
    return obj._meta.label_lower


def audit_record(
    *,
    action: str,
    actor=None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    summary: str = "",
    reason: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. `summary` must not carry personal data (use ids, not names)."""
    if obj is not None:
        object_type = object_type or object_type_of(obj)
        object_id = object_id or str(obj.pk)
    request = current_request_details()
    real_actor = _person_behind(actor)
    if actor is not None and actor.is_authenticated:
        username = actor.get_username()
    else:
        username = request.username
    event = AuditEvent(
        action=AuditAction(action),
        actor=real_actor,
        actor_username=username,
        object_type=object_type,
        object_id=object_id,
        summary=summary[:300],
        reason=reason,
        changes=changes or {},
        request_id=request.request_id,
        request_method=request.method,
        request_path=request.path[:300],
        ip_address=request.ip_address,
    )
    with transaction.atomic():
        chain_link([event])
        event.save()
        if event.action == AuditAction.VIEW:
            bulk_read_check(real_actor)
    return event


def audit_record_many(
    *, action: str, actor, objects=(), summary: str = "", object_type: str = "", ids=()
) -> int:
    """The same event for many records in one insert: a page that shows several records about
    people (a panel's case summaries, say) records a view of each without a commit per row.
    Records are given as model instances (`objects`) or as `ids` of one `object_type`."""
    request = current_request_details()
    real_actor = _person_behind(actor)
    username = actor.get_username() if getattr(actor, "is_authenticated", False) else ""
    refs = [(object_type_of(obj), str(obj.pk)) for obj in objects]
    refs += [(object_type, str(pk)) for pk in ids]
    events = [
        AuditEvent(
            action=AuditAction(action),
            actor=real_actor,
            actor_username=username or request.username,
            object_type=kind,
            object_id=pk,
            summary=summary[:300],
            request_id=request.request_id,
            request_method=request.method,
            request_path=request.path[:300],
            ip_address=request.ip_address,
        )
        for kind, pk in refs
    ]
    if not events:
        return 0
    with transaction.atomic():
        chain_link(events)
        AuditEvent.objects.bulk_create(events)
        if AuditAction(action) == AuditAction.VIEW:
            bulk_read_check(real_actor)
    return len(events)


def audit_listed(records, *, actor, what: str):
    """Account for a list of records about people: a view of each record actually shown (the
    page returned, not the whole query), in one insert. `records` is a queryset slice, a list
    or a Paginator page; it is evaluated once and returned (a page keeps its list), so the
    caller renders exactly what was recorded. `what` names the list, never anyone in it."""
    if hasattr(records, "object_list"):
        records.object_list = list(records.object_list)
        shown = records.object_list
    else:
        records = shown = list(records)
    audit_record_many(action=AuditAction.VIEW, actor=actor, objects=shown, summary=f"Listed {what}")
    return records


def changed_fields(instance: models.Model, new_values: dict[str, Any]) -> dict[str, list]:
    """Compare a record with the values about to be saved: {field: [old, new]} for changes."""
    changes: dict[str, list] = {}
    for name, new in new_values.items():
        old = getattr(instance, name)
        if old != new:
            changes[name] = [_plain(old), _plain(new)]
    return changes


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)
