"""Typed domain errors. Services raise them; pages show them in the GOV.UK error summary and
the API turns them into a 400 with field errors, a 409 for a Conflict, a 403 for AccessDenied
and a 404 for RecordRefused (see core.api.exception_handler)."""

from __future__ import annotations


class DomainError(Exception):
    """A use-case refused because the input breaks a rule. Nothing has been written."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def errors(self) -> dict[str, list[str]]:
        return {self.field or "non_field_errors": [self.message]}


class ValidationFailed(DomainError):
    """Several problems at once, keyed by field (or by row and field for imports)."""

    def __init__(self, errors: dict[str, list[str]]):
        first = next(iter(errors.values()), ["Invalid input"])[0]
        super().__init__(first)
        self._errors = errors

    @property
    def errors(self) -> dict[str, list[str]]:
        return self._errors


class AccessDenied(Exception):
    """The actor may not see or change this record. Recorded in the audit trail by whoever
    raises it; shown as 403 (or 404 where existence itself must not leak)."""

    def __init__(self, message: str = "You do not have access to this record."):
        super().__init__(message)
        self.message = message


class RecordRefused(AccessDenied):
    """A record exists but the actor may not open it (raised by core.records.record_get).

    A page shows a 403 with the message; the API answers 404 so that an outsider cannot learn
    that the record exists."""


class Conflict(DomainError):
    """The record changed state since the caller looked (already decided, already accepted,
    already closed). Pages show it like any DomainError; the API answers 409."""


def apply_to_form(form, error: DomainError) -> None:
    """Put a domain error onto a Django form so the page shows the GOV.UK error summary."""
    for field, messages in error.errors.items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)
