"""What every panels use-case does the same way."""

from __future__ import annotations

from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError


def audit(actor, obj, action: str, summary: str, changes: dict | None = None, reason: str = ""):
    """Summaries name records by kind and id only: panel business is confidential."""
    audit_record(
        action=action, actor=actor, obj=obj, summary=summary, changes=changes, reason=reason
    )


def require_text(value: str, field: str, message: str) -> str:
    if not (value or "").strip():
        raise DomainError(message, field=field)
    return value.strip()


def require_open(meeting) -> None:
    if meeting.is_closed:
        raise DomainError(
            "This meeting is closed and its minutes approved: it can no longer be changed."
        )
