"""The one way a page submits a form to a use-case.

Every form page does the same thing: on a valid POST, call a service; if the service raises a
DomainError, show it in the GOV.UK error summary and write nothing; otherwise confirm and
redirect. `submit` is that, once.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.shortcuts import redirect

from teamaround.core.errors import DomainError, StaleVersion, ValidationFailed, apply_to_form


def submit(
    request,
    form,
    action: Callable[[dict], Any],
    *,
    redirect_to: str | Callable[[Any], str],
    success: str | Callable[[Any], str] = "",
):
    """Run `action(form.cleaned_data)` for a valid POST. Returns the redirect to send on
    success, or None when the page should be shown again (GET, invalid, or refused)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = action(form.cleaned_data)
    except DomainError as error:
        apply_to_form(form, error)
        return None
    message = success(result) if callable(success) else success
    if message:
        messages.success(request, message)
    return redirect(redirect_to(result) if callable(redirect_to) else redirect_to)


def attempt(form, call: Callable[[], Any], rename: Callable[[str], str] | None = None):
    """Run a service; on a DomainError put its messages on the form and return None.

    For pages whose flow does not fit `submit`. `rename` maps a service's field names to the
    form's (e.g. people's "forenames" to a Hub form's "child_forenames")."""
    try:
        return call()
    except DomainError as error:
        if rename is not None and not isinstance(error, StaleVersion):  # a conflict stays one
            renamed: dict[str, list[str]] = {}
            for field, messages in error.errors.items():
                renamed.setdefault(rename(field), []).extend(messages)
            error = ValidationFailed(renamed)
        apply_to_form(form, error)
        return None
