"""Collecting every problem with a form's worth of input before anything is written, so the
page or API shows them all at once (GOV.UK error summary, or a 400 with field errors)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError, ValidationFailed


class Checks:
    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def run(self, check: Callable[[], Any], default: Any = None) -> Any:
        try:
            return check()
        except DomainError as error:
            for field, messages in error.errors.items():
                self.errors.setdefault(field, []).extend(messages)
            return default

    def require_text(self, value: str, field: str, message: str) -> str:
        if not (value or "").strip():
            self.errors.setdefault(field, []).append(message)
        return (value or "").strip()

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)


def require_reason(reason: str) -> str:
    if not (reason or "").strip():
        raise DomainError("Give a reason.", field="reason")
    return reason.strip()


def audit(actor, obj, action: str, summary: str, *, reason: str = "", changes=None) -> None:
    """Audit summaries name what was done and the record's id, never the person's details."""
    audit_record(
        action=action, actor=actor, obj=obj, summary=summary, reason=reason, changes=changes
    )


def audit_batch(actor, action: str, object_type: str, summary: str, **ids) -> None:
    """One audit event for a batch: counts and ids (lists of strings), never names."""
    audit_record(
        action=action,
        actor=actor,
        object_type=object_type,
        summary=summary,
        changes=dict(ids),
    )
