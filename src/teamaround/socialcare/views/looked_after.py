"""Children looked after: the page of the child's care, becoming looked after, changing the
placement or legal status, reviews, visits and the end of care. Thin: selectors read,
services change."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

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


@login_required
def missing_new(request, referral_id):
    referral = _case(request, referral_id)
    form = forms.MissingForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.missing_record(actor=request.user, referral=referral, **data),
        redirect_to=_to("socialcare:looked-after", referral),
        success="The missing episode is recorded; offer the child a return conversation.",
    )
    return done or _page(request, form, referral, "Record that the child went missing")


@require_POST
@login_required
def missing_from_hub(request, referral_id):
    referral = _case(request, referral_id)
    submit(
        request,
        None,
        lambda data: services.missing_from_hub(actor=request.user, referral=referral),
        success=lambda made: f"{len(made)} missing notification(s) brought in from the Hub.",
    )
    return redirect("socialcare:looked-after", referral.pk)


@login_required
def missing_conversation(request, referral_id, missing_id):
    referral = _case(request, referral_id)
    missing = get_object_or_404(referral.missing_episodes, pk=missing_id)
    form = forms.ConversationForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.return_conversation_record(
            actor=request.user, missing=missing, **data
        ),
        redirect_to=_to("socialcare:looked-after", referral),
        success="The return conversation is recorded.",
    )
    heading = f"Return conversation after going missing on {missing.missing_on:%-d %B %Y}"
    return done or _page(request, form, referral, heading)


@login_required
def pathway_plan(request, referral_id):
    referral = _case(request, referral_id, audit=True)
    plan = getattr(referral, "pathway_plan", None)
    context = {
        "case": referral,
        "plan": plan,
        "can_change": selectors.can_change(request.user, referral),
        "timeliness": [t for t in selectors.case_timeliness(referral) if "Pathway" in t.label],
    }
    return render(request, "socialcare/pathway_plan.html", context)


@login_required
def pathway_start(request, referral_id):
    referral = _case(request, referral_id)
    form = forms.PathwayStartForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.pathway_plan_start(actor=request.user, referral=referral, **data),
        redirect_to=_to("socialcare:pathway-plan", referral),
        success="The pathway plan is started.",
    )
    return done or _page(request, form, referral, "Start the pathway plan")


@login_required
def pathway_review(request, referral_id):
    referral = _case(request, referral_id)
    plan = getattr(referral, "pathway_plan", None)
    if plan is None:
        raise Http404
    form = forms.PathwayReviewForm(
        request.POST or None, initial={"personal_adviser": plan.personal_adviser}
    )
    done = submit(
        request,
        form,
        lambda data: services.pathway_plan_review(actor=request.user, plan=plan, **data),
        redirect_to=_to("socialcare:pathway-plan", referral),
        success="The pathway plan is recorded.",
    )
    heading = "Review the pathway plan" if plan.completed_on else "Complete the pathway plan"
    return done or _page(request, form, referral, heading, due=plan.next_review_due or plan.due_on)
