"""Changing a record's fields in a use-case, the one way: set what changed, stamp who changed
it, save, and return the changes for the audit event.

    changes = model_update(district, actor=actor, values={"name": name})
    audit_record(action=AuditAction.UPDATE, actor=actor, obj=district, changes=changes)
"""

from __future__ import annotations

from typing import Any

from django.db import models

from teamaround.core.access import actor_user
from teamaround.core.audit import changed_fields


def model_update(
    instance: models.Model, *, actor, values: dict[str, Any], save: bool = True
) -> dict[str, list]:
    """Set `values` on `instance`, and its updated_by (if it has one) to the actor's user.
    Returns {field: [old, new]} for the fields that changed; nothing is saved when nothing
    changed, so an unchanged form leaves the record's updated_at alone."""
    changes = changed_fields(instance, values)
    if not changes:
        return changes
    for field, value in values.items():
        setattr(instance, field, value)
    if hasattr(instance, "updated_by_id"):
        instance.updated_by = actor_user(actor)
    if save:
        instance.save()
    return changes
