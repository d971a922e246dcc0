"""Changing a record's fields in a use-case, the one way: set what changed, stamp who changed
it, save, and return the changes for the audit event.

    changes = model_update(district, actor=actor, values={"name": name})
    audit_record(action=AuditAction.UPDATE, actor=actor, obj=district, changes=changes)

A record two people can edit is `core.models.Versioned`: its use-case passes the version the
editor started from, and a change claims the next version with one conditional UPDATE
(`UPDATE ... SET version = n + 1 WHERE id = ? AND version = n`). If someone else saved first
nothing is written and `core.errors.StaleVersion` carries both versions to the page (409 in the
API). The row stays locked until the use-case's transaction ends, so of two saves at once one
wins and the other gets the conflict (on SQLite, `transaction_mode=IMMEDIATE` queues them).

    changes = model_update(team, actor=actor, values=values, expected_version=version)
"""

from __future__ import annotations

from typing import Any

from django.db import connection, models
from django.db.models import F
from django.utils import timezone

from teamaround.core.access import actor_user
from teamaround.core.audit import changed_fields
from teamaround.core.errors import StaleVersion
from teamaround.core.models import Versioned


def model_update(
    instance: models.Model,
    *,
    actor,
    values: dict[str, Any],
    save: bool = True,
    expected_version: int | None = None,
    what: str = "record",
) -> dict[str, list]:
    """Set `values` on `instance`, and its updated_by (if it has one) to the actor's user.
    Returns {field: [old, new]} for the fields that changed; nothing is saved when nothing
    changed, so an unchanged form leaves the record's updated_at alone.

    Many-to-many fields in `values` (a list of records) are compared by id and set after the
    save. On a Versioned record a change claims the next version first: `expected_version`
    is the version the editor read (None: the version `instance` was read at), and a record
    that moved on since raises StaleVersion (`what` names the record in its message)."""
    many = {f.name for f in instance._meta.many_to_many}
    plain = {k: v for k, v in values.items() if k not in many}
    related = {k: list(v) for k, v in values.items() if k in many}
    changes = changed_fields(instance, plain)
    for name, rows in related.items():
        before = sorted(str(pk) for pk in getattr(instance, name).values_list("pk", flat=True))
        after = sorted(str(row.pk) for row in rows)
        if before != after:
            changes[name] = [before, after]
    if not changes:
        return changes
    if isinstance(instance, Versioned):
        version_claim(instance, expected_version=expected_version, submitted=values, what=what)
    for field, value in plain.items():
        setattr(instance, field, value)
    if hasattr(instance, "updated_by_id"):
        instance.updated_by = actor_user(actor)
    if save:
        instance.save()
        for name, rows in related.items():
            getattr(instance, name).set(rows)
    return changes


def version_claim(
    instance: Versioned,
    *,
    expected_version: int | None,
    submitted: dict[str, Any] | None = None,
    what: str = "record",
    actor=None,
) -> None:
    """Move `instance` on to the next version if it is still at `expected_version` (None: the
    version it was read at), in one conditional UPDATE that locks the row until the
    transaction ends; otherwise raise StaleVersion with the saved record and `submitted`.

    For changes model_update does not make itself (a plan's actions, a correction to approved
    minutes): claim, then write. With `actor` the same UPDATE stamps who changed the record
    (updated_by, updated_at), so the use-case writes no `updated_by` line of its own."""
    expected = instance.version if expected_version is None else int(expected_version)
    model = type(instance)
    stamp: dict[str, Any] = {}
    if actor is not None and hasattr(instance, "updated_by_id"):
        stamp = {"updated_by": actor_user(actor), "updated_at": timezone.now()}
    claimed = model._base_manager.filter(pk=instance.pk, version=expected).update(
        version=F("version") + 1, **stamp
    )
    if not claimed:
        current = model._base_manager.get(pk=instance.pk)
        raise StaleVersion(current=current, submitted=submitted or {}, what=what)
    instance.version = expected + 1
    for field, value in stamp.items():
        setattr(instance, field, value)


def natural_key_lock(scope: str, key: str) -> None:
    """Hold a lock on (`scope`, `key`) to the end of the current transaction, so that
    creating the same thing several times at once (a retried notification) happens once and
    the others find it: check, then create, under this lock. PostgreSQL: a transaction-level
    advisory lock; SQLite: nothing more is needed, every transaction already holds the write
    lock from its start (`transaction_mode=IMMEDIATE`)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s), hashtext(%s))", [scope, key])
