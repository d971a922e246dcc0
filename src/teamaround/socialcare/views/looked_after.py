"""Children looked after: the page of the child's care, becoming looked after, changing the
placement or legal status, reviews, visits and the end of care. Thin: selectors read,
services change."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from teamaround.core.views.forms import submit
from teamaround.socialcare import forms, selectors, services
from teamaround.socialcare.models import CareReview
from teamaround.socialcare.views.case_forms import case_form_page, case_of

CARE = "socialcare:looked-after"
PATHWAY = "socialcare:pathway-plan"
# What a placement change starts from: the current placement's details.
PLACEMENT_FIELDS = ("legal_status", "placement_type", "provider", "provider_name", "postcode")


@login_required
def looked_after(request, referral_id):
    referral = case_of(request, referral_id, audit=True)
    context = {
        "case": referral,
        "can_change": selectors.can_change(request.user, referral),
        "timeliness": selectors.case_timeliness(referral),
        **selectors.case_looked_after(referral),
    }
    return render(request, "socialcare/looked_after.html", context)


@login_required
def care_start(request, referral_id):
    referral = case_of(request, referral_id)
    return case_form_page(
        request,
        referral,
        forms.CareStartForm(request.POST or None),
        lambda data: services.care_start(actor=request.user, referral=referral, **data),
        heading="Record that the child is looked after",
        success="The child is recorded as looked after.",
        then=CARE,
    )


def _period(referral, period_id):
    return get_object_or_404(referral.care_periods, pk=period_id)


@login_required
def placement_change(request, referral_id, period_id):
    referral = case_of(request, referral_id)
    period = _period(referral, period_id)
    current = period.placements.filter(ended_on__isnull=True).first()
    initial = {name: getattr(current, name) for name in PLACEMENT_FIELDS} if current else {}
    return case_form_page(
        request,
        referral,
        forms.PlacementChangeForm(request.POST or None, initial=initial),
        lambda data: services.placement_change(actor=request.user, period=period, **data),
        heading="Change the placement or legal status",
        success="The change is recorded.",
        then=CARE,
    )


@login_required
def care_end(request, referral_id, period_id):
    referral = case_of(request, referral_id)
    period = _period(referral, period_id)
    return case_form_page(
        request,
        referral,
        forms.CareEndForm(request.POST or None),
        lambda data: services.care_end(actor=request.user, period=period, **data),
        heading="Record that care has ended",
        success="The end of the period of care is recorded.",
    )


@login_required
def care_review(request, referral_id, care_review_id):
    referral = case_of(request, referral_id)
    review = get_object_or_404(CareReview, period__referral=referral, pk=care_review_id)
    return case_form_page(
        request,
        referral,
        forms.CareReviewForm(request.POST or None),
        lambda data: services.care_review_record(actor=request.user, review=review, **data),
        heading=f"Record looked-after review {review.number}",
        success="The review is recorded.",
        then=CARE,
        due=review.due_on,
    )


@login_required
def visit_new(request, referral_id):
    referral = case_of(request, referral_id)
    return case_form_page(
        request,
        referral,
        forms.VisitForm(request.POST or None),
        lambda data: services.visit_record(actor=request.user, referral=referral, **data),
        heading="Record a visit to the child",
        success="The visit is recorded.",
    )


@login_required
def missing_new(request, referral_id):
    referral = case_of(request, referral_id)
    return case_form_page(
        request,
        referral,
        forms.MissingForm(request.POST or None),
        lambda data: services.missing_record(actor=request.user, referral=referral, **data),
        heading="Record that the child went missing",
        success="The missing episode is recorded; offer the child a return conversation.",
        then=CARE,
    )


@require_POST
@login_required
def missing_from_hub(request, referral_id):
    referral = case_of(request, referral_id)
    submit(
        request,
        None,
        lambda data: services.missing_from_hub(actor=request.user, referral=referral),
        success=lambda made: f"{len(made)} missing notification(s) brought in from the Hub.",
    )
    return redirect(CARE, referral.pk)


@login_required
def missing_conversation(request, referral_id, missing_id):
    referral = case_of(request, referral_id)
    missing = get_object_or_404(referral.missing_episodes, pk=missing_id)
    return case_form_page(
        request,
        referral,
        forms.ConversationForm(request.POST or None),
        lambda data: services.return_conversation_record(
            actor=request.user, missing=missing, **data
        ),
        heading=f"Return conversation after going missing on {missing.missing_on:%-d %B %Y}",
        success="The return conversation is recorded.",
        then=CARE,
    )


@login_required
def pathway_plan(request, referral_id):
    referral = case_of(request, referral_id, audit=True)
    context = {
        "case": referral,
        "plan": getattr(referral, "pathway_plan", None),
        "can_change": selectors.can_change(request.user, referral),
        "timeliness": [t for t in selectors.case_timeliness(referral) if "Pathway" in t.label],
    }
    return render(request, "socialcare/pathway_plan.html", context)


@login_required
def pathway_start(request, referral_id):
    referral = case_of(request, referral_id)
    return case_form_page(
        request,
        referral,
        forms.PathwayStartForm(request.POST or None),
        lambda data: services.pathway_plan_start(actor=request.user, referral=referral, **data),
        heading="Start the pathway plan",
        success="The pathway plan is started.",
        then=PATHWAY,
    )


@login_required
def pathway_review(request, referral_id):
    referral = case_of(request, referral_id)
    plan = getattr(referral, "pathway_plan", None)
    if plan is None:
        raise Http404
    return case_form_page(
        request,
        referral,
        forms.PathwayReviewForm(
            request.POST or None, initial={"personal_adviser": plan.personal_adviser}
        ),
        lambda data: services.pathway_plan_review(actor=request.user, plan=plan, **data),
        heading="Review the pathway plan" if plan.completed_on else "Complete the pathway plan",
        success="The pathway plan is recorded.",
        then=PATHWAY,
        due=plan.next_review_due or plan.due_on,
    )
