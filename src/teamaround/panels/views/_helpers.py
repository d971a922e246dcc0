"""What every panels page does the same way."""

from __future__ import annotations

from teamaround.core.errors import DomainError, apply_to_form


def attempt(form, call):
    """Run a service; on a DomainError put its messages on the form and return None."""
    try:
        return call()
    except DomainError as error:
        apply_to_form(form, error)
        return None
