"""Children looked after: the page of the child's care, becoming looked after, changing the
placement or legal status, reviews, visits and the end of care. Thin: selectors read,
services change."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from teamaround.core.views.forms import submit
from teamaround.socialcare import forms, selectors, services
from teamaround.socialcare.models import CareReview


def _case(request, referral_id, audit=False):
    return selectors.case_get(actor=request.user, referral_id=referral_id, audit=audit)


def _to(name, referral):
    return lambda result: reverse(name, args=[referral.pk])


def _page(request, form, referral, heading, **extra):
    context = {"form": form, "case": referral, "heading": heading, **extra}
    return render(request, "socialcare/form.html", context)


@login_required
def looked_after(request, referral_id):
    referral = _case(request, referral_id, audit=True)
    context = {
        "case": referral,
        "can_change": selectors.can_change(request.user, referral),
        "timeliness": selectors.case_timeliness(referral),
        **selectors.case_looked_after(referral),
    }
    return render(request, "socialcare/looked_after.html", context)


@login_required
def care_start(request, referral_id):
    referral = _case(request, referral_id)
    form = forms.CareStartForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.care_start(actor=request.user, referral=referral, **data),
        redirect_to=_to("socialcare:looked-after", referral),
        success="The child is recorded as looked after.",
    )
    return done or _page(request, form, referral, "Record that the child is looked after")


def _period(referral, period_id):
    return get_object_or_404(referral.care_periods, pk=period_id)


@login_required
def placement_change(request, referral_id, period_id):
    referral = _case(request, referral_id)
    period = _period(referral, period_id)
    current = period.placements.filter(ended_on__isnull=True).first()
    initial = {}
    if current is not None:
        initial = {
            name: getattr(current, name)
            for name in ("legal_status", "placement_type", "provider", "provider_name", "postcode")
        }
    form = forms.PlacementChangeForm(request.POST or None, initial=initial)
    done = submit(
        request,
        form,
        lambda data: services.placement_change(actor=request.user, period=period, **data),
        redirect_to=_to("socialcare:looked-after", referral),
        success="The change is recorded.",
    )
    return done or _page(request, form, referral, "Change the placement or legal status")


@login_required
def care_end(request, referral_id, period_id):
    referral = _case(request, referral_id)
    period = _period(referral, period_id)
    form = forms.CareEndForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.care_end(actor=request.user, period=period, **data),
        redirect_to=_to("socialcare:case", referral),
        success="The end of the period of care is recorded.",
    )
    return done or _page(request, form, referral, "Record that care has ended")


@login_required
def care_review(request, referral_id, care_review_id):
    referral = _case(request, referral_id)
    review = get_object_or_404(CareReview, period__referral=referral, pk=care_review_id)
    form = forms.CareReviewForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.care_review_record(actor=request.user, review=review, **data),
        redirect_to=_to("socialcare:looked-after", referral),
        success="The review is recorded.",
    )
    heading = f"Record looked-after review {review.number}"
    return done or _page(request, form, referral, heading, due=review.due_on)


@login_required
def visit_new(request, referral_id):
    referral = _case(request, referral_id)
    form = forms.VisitForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.visit_record(actor=request.user, referral=referral, **data),
        redirect_to=_to("socialcare:case", referral),
        success="The visit is recorded.",
    )
    return done or _page(request, form, referral, "Record a visit to the child")
