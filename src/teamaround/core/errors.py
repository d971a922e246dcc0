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

    def __init__(self, message: str = "You do not have access to this record.", next_steps=()):
        super().__init__(message)
        self.message = message
        # What the person may do instead, for the 403 page: [(text, href)], such as asking
        # for break-glass access to the record.
        self.next_steps = list(next_steps)


class RecordRefused(AccessDenied):
    """A record exists but the actor may not open it (raised by core.records.record_get).

    A page shows a 403 with the message; the API answers 404 so that an outsider cannot learn
    that the record exists."""


class Conflict(DomainError):
    """The record changed state since the caller looked (already decided, already accepted,
    already closed). Pages show it like any DomainError; the API answers 409."""


class StaleVersion(Conflict):
    """Someone else saved the record after the editor opened it (its version moved on), so
    nothing was written. Carries the record as saved (`current`) and what this editor sent
    (`submitted`), so the page can show the two side by side and keep the second editor's
    text; raised by `core.updates.model_update` / `version_claim`."""

    def __init__(self, *, current, submitted: dict, what: str = "record", saved=None):
        self.current = current
        self.submitted = dict(submitted)
        self.what = what
        self.saved = dict(saved or {})  # what to show as saved, where `current` does not say
        first = what.split(" ", 1)[0]
        self.phrase = what if first in ("this", "these", "the") else f"this {what}"
        super().__init__(
            f"Someone else saved {self.phrase} while you were editing it, so your changes have "
            "not been saved. Compare your version with the one saved, then save again if yours "
            "should replace it.",
            field="version",
        )

    @property
    def current_version(self) -> int:
        return self.current.version


def apply_to_form(form, error: DomainError) -> None:
    """Put a domain error onto a Django form so the page shows the GOV.UK error summary.

    A StaleVersion also sets `form.conflict` (shown beside the form by the error summary) and
    moves the form's hidden version on to the saved one, keeping the editor's text: saving
    again then replaces the saved version on purpose."""
    if isinstance(error, StaleVersion):
        form.conflict = error
        if "version" in form.fields and form.is_bound:
            form.data = form.data.copy()
            form.data[form.add_prefix("version")] = str(error.current_version)
        form.add_error(None, error.message)
        return
    for field, messages in error.errors.items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)
