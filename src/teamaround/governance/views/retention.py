"""Retention: the rules, people past their period (listed by the DPO, approved or kept by a
team manager), and legal holds."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from teamaround.core.views.forms import submit
from teamaround.governance.models import LegalHold, RetentionReview
from teamaround.governance.selectors.retention import retention_overview
from teamaround.governance.selectors.subjects import subject_get
from teamaround.governance.services import retention as services


@login_required
def retention(request):
    overview = retention_overview(actor=request.user)
    return render(
        request,
        "governance/retention.html",
        overview
        | {
            "can_run": request.user.has_perm("governance.manage_retention"),
            "can_approve": request.user.has_perm("governance.approve_retention"),
        },
    )


@login_required
def retention_run(request):
    if request.method != "POST":
        return redirect("governance:retention")
    submit(
        request,
        None,
        lambda data: services.retention_review_run(actor=request.user),
        success=lambda listed: f"{len(listed)} people listed for review.",
    )
    return redirect("governance:retention")


@login_required
def retention_decide(request, review_id):
    review = get_object_or_404(RetentionReview, pk=review_id)
    if request.method != "POST":
        return redirect("governance:retention")
    reason = request.POST.get("reason", "")
    if request.POST.get("decision") == "keep":
        submit(
            request,
            None,
            lambda data: services.retention_keep(actor=request.user, review=review, reason=reason),
            success="The records are kept.",
        )
    else:
        submit(
            request,
            None,
            lambda data: services.retention_approve(
                actor=request.user, review=review, reason=reason
            ),
            success="Approved: the person's details have been anonymised as the rule says.",
        )
    return redirect("governance:retention")


@login_required
def legal_hold_place(request, person_id):
    person = subject_get(actor=request.user, person_id=person_id)
    submit(
        request,
        None,
        lambda data: services.legal_hold_place(
            actor=request.user, person=person, reason=request.POST.get("reason", "")
        ),
        success="The legal hold is in place: nothing will be removed.",
    )
    return redirect("governance:person", person.pk)


@login_required
def legal_hold_lift(request, hold_id):
    hold = get_object_or_404(LegalHold, pk=hold_id)
    submit(
        request,
        None,
        lambda data: services.legal_hold_lift(
            actor=request.user, hold=hold, reason=request.POST.get("reason", "")
        ),
        success="The legal hold is lifted.",
    )
    return redirect("governance:person", hold.person_id)
