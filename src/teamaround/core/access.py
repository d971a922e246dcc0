"""Checking access in services and selectors, with every refusal written to the audit trail.

Views do not decide who may do what: they call services and selectors, which call `require`.
"""

from __future__ import annotations

from django.db import models

from teamaround.core.audit import audit_record
from teamaround.core.errors import AccessDenied
from teamaround.core.models import AuditAction


def refuse(
    actor,
    *,
    what: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    message: str = "You do not have access to this.",
) -> AccessDenied:
    """Record a refusal and return the exception for the caller to raise."""
    audit_record(
        action=AuditAction.REFUSED,
        actor=actor,
        obj=obj,
        object_type=object_type,
        object_id=object_id,
        summary=f"Refused: {what}",
    )
    return AccessDenied(message)


def require(actor, permission: str, obj: models.Model | None = None, *, what: str = "") -> None:
    """Raise AccessDenied (and audit the refusal) unless `actor` holds `permission`."""
    if actor is not None and actor.is_authenticated and actor.has_perm(permission, obj):
        return
    raise refuse(actor, what=what or permission, obj=obj, object_type="" if obj else permission)


class SystemActor:
    """The council's operators acting through a command (seeding, imports, loading files).

    Allowed everything an administrator is; audited under the name "system".
    """

    is_authenticated = True
    is_active = True
    pk = None
    team_id = None

    def has_perm(self, permission: str, obj=None) -> bool:
        return True

    def has_role(self, *roles: str) -> bool:
        return False

    def get_username(self) -> str:
        return "system"


SYSTEM = SystemActor()


def actor_user(actor):
    """The User behind an actor, for created_by/updated_by; None for the system or anonymous."""
    from django.contrib.auth import get_user_model

    return actor if isinstance(actor, get_user_model()) else None
