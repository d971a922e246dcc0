"""Small helpers the directory's use-cases share."""

from __future__ import annotations

from teamaround.core.audit import audit_record


def audit_change(actor, obj, action: str, changes: dict | None = None, reason: str = "") -> None:
    audit_record(
        action=action, actor=actor, obj=obj, summary=str(obj)[:300], changes=changes, reason=reason
    )


def ids(records) -> list[str]:
    return sorted(str(record.pk) for record in records)


def search_text_for(service) -> str:
    """Only public words go in: searching must never reveal professional-only notes."""
    needs = " ".join(f"{d.name} {d.description}" for d in service.needs_met.all())
    parts = [
        service.name,
        service.description,
        service.organisation.name,
        needs,
        service.how_to_access,
    ]
    return " ".join(" ".join(parts).lower().split())
