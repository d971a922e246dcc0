"""The child and family assessment: record, submit, authorise."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from teamaround.core.views.forms import submit
from teamaround.socialcare import forms, selectors, services


def _assessment(request, referral_id, audit=True):
    referral = selectors.case_get(actor=request.user, referral_id=referral_id, audit=audit)
    assessment = getattr(referral, "assessment", None)
    if assessment is None:
        raise Http404
    return referral, assessment


def _to_case(result):
    return reverse("socialcare:case", args=[result.referral_id])


@login_required
def assessment(request, referral_id):
    referral, record = _assessment(request, referral_id)
    form = forms.AssessmentForm(
        request.POST or None,
        initial={
            "factors": record.factors,
            "child_voice": record.child_voice,
            "analysis": record.analysis,
            "outcome": record.outcome,
            "version": record.version,
        },
    )
    done = submit(
        request,
        form,
        lambda data: services.assessment_save(actor=request.user, assessment=record, **data),
        redirect_to=lambda result: reverse("socialcare:assessment", args=[referral.pk]),
        success="The assessment is saved.",
    )
    context = {
        "form": form,
        "case": referral,
        "assessment": record,
        "can_change": selectors.can_change(request.user, referral),
        "can_authorise": selectors.can_authorise(request.user, referral),
    }
    return done or render(request, "socialcare/assessment.html", context)


@login_required
def submit_for_authorisation(request, referral_id):
    referral, record = _assessment(request, referral_id, audit=False)
    form = forms.ConfirmForm(request.POST if request.method == "POST" else None)
    done = submit(
        request,
        form,
        lambda data: services.assessment_submit(actor=request.user, assessment=record),
        redirect_to=_to_case,
        success="The assessment is sent to your manager to authorise.",
    )
    context = {"form": form, "case": referral, "heading": "Send the assessment to authorise"}
    return done or render(request, "socialcare/form.html", context)


@login_required
def authorise(request, referral_id):
    referral, record = _assessment(request, referral_id, audit=False)
    form = forms.AuthoriseForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.assessment_authorise(actor=request.user, assessment=record, **data),
        redirect_to=_to_case,
        success="The assessment is authorised.",
    )
    context = {
        "form": form,
        "case": referral,
        "assessment": record,
        "heading": "Authorise the assessment",
    }
    return done or render(request, "socialcare/form.html", context)
