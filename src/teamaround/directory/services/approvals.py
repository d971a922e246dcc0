"""A provider editor's change to a public field waits for an administrator's approval.

`service_update` holds back the public fields an editor (not an administrator) changes: they
are checked as any change is, then kept as a PendingChange, shown field by field to the
administrators; what is not public (professional-only notes, capacity, the review date the
editor confirms) is saved at once. Approving applies the held values through service_update
as the administrator; not approving records why. TEAMAROUND_DIRECTORY_APPROVAL=false turns
the whole thing off.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from teamaround.core.access import SYSTEM, actor_user, use_case
from teamaround.core.errors import Conflict, DomainError
from teamaround.core.models import AuditAction, District, NeedDomain, WindscreenLevel
from teamaround.directory.models import (
    PROFESSIONAL_ONLY_FIELDS,
    ChangeStatus,
    PendingChange,
    Service,
)
from teamaround.directory.services.audit_trail import audit_change

# Saved at once: not shown to the public, or the editor's own confirmation of the entry.
NOT_HELD = (*PROFESSIONAL_ONLY_FIELDS, "review_date")
RELATED = {"levels": WindscreenLevel, "needs_met": NeedDomain, "districts": District}
LABELS = {
    "needs_met": "Needs it meets",
    "levels": "Levels of need",
    "districts": "Districts covered",
    "cost_amount": "Cost",
    "cost_description": "What the cost covers",
    "url": "Website",
    "is_free": "Free",
    "access_routes": "Ways to get it",
    "how_to_access": "How to get it",
    "languages": "Languages",
    "fees": "About the cost",
}


def waits_for_approval(actor) -> bool:
    if not getattr(settings, "TEAMAROUND_DIRECTORY_APPROVAL", True) or actor is SYSTEM:
        return False
    return not actor.has_perm("directory.manage_directory")


def _plain(name: str, value):
    if name in RELATED:
        return sorted(str(row.pk) for row in value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _label(name: str, value) -> str:
    if name in RELATED:
        return ", ".join(sorted(str(row) for row in value)) or "(none)"
    if value in (None, "", []):
        return "(blank)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _current(service: Service, name: str):
    if name in RELATED:
        return list(getattr(service, name).all())
    if name in ("cost_amount", "cost_description"):
        option = service.cost_options.first()
        if option is None:
            return None if name == "cost_amount" else ""
        return option.amount if name == "cost_amount" else option.amount_description
    return getattr(service, name)


def change_hold(*, actor, service: Service, values: dict) -> PendingChange | None:
    """Take the public fields that change out of `values` (a service_update's) and keep them
    for approval. Call inside service_update's use-case, after its checks."""
    held, shown = {}, {}
    for name in [n for n in values if n not in NOT_HELD]:
        new, old = values[name], _current(service, name)
        if _plain(name, new) != _plain(name, old) and not (name == "cost_amount" and new is None):
            held[name] = _plain(name, new)
            shown[LABELS.get(name, name.replace("_", " ").capitalize())] = [
                _label(name, old),
                _label(name, new),
            ]
        values.pop(name)
    if not held:
        return None
    change = PendingChange.objects.create(
        service=service, values=held, shown=shown, created_by=actor_user(actor)
    )
    audit_change(actor, change, AuditAction.CREATE, {"fields": [None, sorted(held)]})
    return change


def pending_change_decide(
    *, actor, change: PendingChange, approve: bool, reason: str = ""
) -> PendingChange:
    from teamaround.directory.services.catalogue import service_update

    with use_case(actor, "directory.manage_directory", what="decide a directory change"):
        if change.status != ChangeStatus.PENDING:
            raise Conflict("This change has already been decided.")
        if not approve and not reason.strip():
            raise DomainError("Say why the change is not approved.", field="reason")
        if approve:
            service_update(actor=actor, service=change.service, **_values(change.values))
        change.status = ChangeStatus.APPROVED if approve else ChangeStatus.REJECTED
        change.reason = reason.strip()
        change.decided_by = actor_user(actor)
        change.decided_at = timezone.now()
        change.updated_by = actor_user(actor)
        change.save()
        audit_change(actor, change, AuditAction.UPDATE, {"status": ["pending", change.status]})
        return change


def _values(stored: dict) -> dict:
    values = {}
    for name, value in stored.items():
        if name in RELATED:
            value = list(RELATED[name].objects.filter(pk__in=value))
        elif name == "assured_date" and value:
            value = date.fromisoformat(value)
        elif name == "cost_amount" and value is not None:
            value = Decimal(value)
        values[name] = value
    return values
