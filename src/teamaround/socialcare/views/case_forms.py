"""The one way a page of a social care case runs a form: read the case through its access
rule, run the use-case on a valid POST (core.views.forms.submit: field errors back on the
form, a refusal as a message), then back to the case's page; otherwise the form again under
its heading, with the case's identity bar. Every recording page of the case is one call."""

from django.shortcuts import render
from django.urls import reverse

from teamaround.core.views.forms import submit
from teamaround.socialcare import selectors


def case_of(request, referral_id, *, audit: bool = False):
    """The case for a page of it (a form page reads it without a second audited view)."""
    return selectors.case_get(actor=request.user, referral_id=referral_id, audit=audit)


def case_form_page(
    request,
    referral,
    form,
    change,
    *,
    heading,
    success,
    then="socialcare:case",
    template="socialcare/form.html",
    **extra,
):
    """`change(data)` is the use-case with the actor given; `then` names the case's page to
    go back to; `extra` goes to the template (a `due` date beside the heading)."""
    done = submit(
        request,
        form,
        change,
        redirect_to=lambda result: reverse(then, args=[referral.pk]),
        success=success,
    )
    context = {"form": form, "case": referral, "heading": heading, **extra}
    return done or render(request, template, context)
