"""How the directory's use-cases write their audit events: the record's name as the summary
(directory records are about services and organisations, not people), and related records
as sorted ids."""

from __future__ import annotations

from teamaround.core.audit import audit_record


def audit_change(actor, obj, action: str, changes: dict | None = None, reason: str = "") -> None:
    audit_record(
        action=action, actor=actor, obj=obj, summary=str(obj)[:300], changes=changes, reason=reason
    )


def ids(records) -> list[str]:
    return sorted(str(record.pk) for record in records)
