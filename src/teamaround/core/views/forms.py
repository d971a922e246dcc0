"""The one way a page submits a form to a use-case.

Every form page does the same thing: on a valid POST, call a service; if the service raises a
DomainError, show it in the GOV.UK error summary and write nothing; otherwise confirm and
redirect. `submit` is that, once:

    form = ReasonForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.thing_close(actor=request.user, thing=thing, **data),
        redirect_to=lambda thing: reverse("app:thing", args=[thing.pk]),
        success="The thing is closed.",
    )
    return done or render(request, "app/thing_close.html", {"form": form})

The same function covers the variations pages have:
- a page that shows what the use-case returned (search results) or goes on to a second step
  leaves out `redirect_to`, and gets the result back instead of a redirect;
- a search form bound to the query string (`Form(request.GET or None)`) runs on a GET;
- a button with no fields (approve, run, mark as done) passes `form=None`: the action runs on
  a POST and a refusal becomes an error message for the page the caller redirects to;
- `rename` maps a service's field name to the form's, where the form names it its own way
  (people's "forenames" is a Hub form's "child_forenames").
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
    redirect_to: str | Callable[[Any], str] | None = None,
    success: str | Callable[[Any], str] = "",
    rename: Callable[[str], str] | None = None,
):
    """Run `action(form.cleaned_data)` for a submitted, valid form (`action({})` for a POST of
    a button with no form). Returns None when the page should be shown again (not submitted,
    invalid, or refused by a DomainError, which is then on the form or, with no form, in an
    error message). Otherwise confirms with `success` (text, or a function of the result) and
    returns the redirect to `redirect_to`, or with no `redirect_to` the action's result."""
    if not _submitted(request, form):
        return None
    try:
        result = action(form.cleaned_data if form is not None else {})
    except DomainError as error:
        _refused(request, form, error, rename)
        return None
    message = success(result) if callable(success) else success
    if message:
        messages.success(request, message)
    if redirect_to is None:
        return result
    return redirect(redirect_to(result) if callable(redirect_to) else redirect_to)


def _submitted(request, form) -> bool:
    """A POST (a change); or a search form bound to the query string, which a GET runs."""
    if form is None:
        return request.method == "POST"
    by_query = form.is_bound and form.data is request.GET
    if request.method != "POST" and not by_query:
        return False
    return form.is_valid()


def _refused(request, form, error: DomainError, rename: Callable[[str], str] | None) -> None:
    if form is None:
        messages.error(request, error.message)
        return
    if rename and not isinstance(error, StaleVersion):  # a conflict stays one
        renamed: dict[str, list[str]] = {}
        for field, problems in error.errors.items():
            renamed.setdefault(rename(field), []).extend(problems)
        error = ValidationFailed(renamed)
    apply_to_form(form, error)
