"""The Hub's pages: the queue, a request with its screening, and the decision."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from teamaround.accounts.roles import Role
from teamaround.core.access import require
from teamaround.core.audit import audit_listed
from teamaround.core.selectors import district_choices
from teamaround.core.views.forms import submit
from teamaround.core.views.pagination import paginate
from teamaround.frontdoor import adapters, selectors, services
from teamaround.frontdoor.forms import (
    AssignForm,
    ChecksForm,
    DecisionCorrectionForm,
    DecisionForm,
    PartnerInformationForm,
    QueueFilterForm,
    ReviewForm,
)
from teamaround.frontdoor.models import DecisionRoute
from teamaround.frontdoor.selectors import staff
from teamaround.frontdoor.timeliness import annotate_rows
from teamaround.frontdoor.views.child_search import hub_field

PAGE_SIZE = 50


@login_required
def queue(request):
    screeners = staff.hub_staff(actor=request.user)
    form = QueueFilterForm(request.GET or None, districts=district_choices(), screeners=screeners)
    filters = selectors.QueueFilters()
    if form.is_valid():
        filters = selectors.QueueFilters(**{k: v for k, v in form.cleaned_data.items() if v})
    today = timezone.localdate()
    requests = selectors.hub_queue(actor=request.user, filters=filters, today=today)
    page = paginate(request, requests, size=PAGE_SIZE)
    audit_listed(page, actor=request.user, what="the Hub's queue")
    return render(
        request,
        "frontdoor/queue.html",
        {
            "form": form,
            "page": page,
            "rows": annotate_rows(page.object_list, today),
            "query": page.query,
            "today": today,
        },
    )


@login_required
def request_detail(request, request_id):
    rfs = selectors.request_get(actor=request.user, request_id=request_id)
    context = {"rfs": rfs, "decision": selectors.latest_decision(actor=request.user, request=rfs)}
    if request.user.has_perm("frontdoor.work_queue"):
        context |= {
            "hub": True,
            "can_decide": request.user.has_perm("frontdoor.decide"),
            "events": rfs.events.select_related("actor"),
            "checks": getattr(rfs, "checks", None) if hasattr(rfs, "checks") else None,
            "partner_information": rfs.partner_information.all(),
            "decisions": rfs.decisions.select_related("level", "decided_by"),
            "assign_form": AssignForm(
                screeners=staff.hub_staff(actor=request.user),
                initial={"screener": rfs.assigned_to_id},
            ),
            "checks_form": ChecksForm(),
            "missing_episode": getattr(rfs, "missing_episode", None)
            if hasattr(rfs, "missing_episode")
            else None,
        }
    return render(request, "frontdoor/request_detail.html", context)


@require_POST
@login_required
def assign(request, request_id):
    rfs = selectors.request_get(actor=request.user, request_id=request_id, audit=False)
    form = AssignForm(request.POST, screeners=staff.hub_staff(actor=request.user))
    if form.is_valid():
        services.request_assign(
            actor=request.user, request=rfs, screener=form.cleaned_data["screener"]
        )
        messages.success(request, "The request has been assigned.")
    return redirect("frontdoor:request-detail", rfs.pk)


@require_POST
@login_required
def checks(request, request_id):
    rfs = selectors.request_get(actor=request.user, request_id=request_id, audit=False)
    form = ChecksForm(request.POST)
    if form.is_valid():
        services.screening_checks_record(
            actor=request.user, request=rfs, notes=form.cleaned_data["notes"]
        )
        messages.success(request, "The checks have been recorded.")
    return redirect("frontdoor:request-detail", rfs.pk)


@login_required
def partner_information(request, request_id):
    rfs = selectors.request_get(actor=request.user, request_id=request_id, audit=False)
    require(request.user, "frontdoor.decide", rfs, what="add partner information")
    form = PartnerInformationForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.partner_information_add(actor=request.user, request=rfs, **data),
        rename=hub_field,
        redirect_to=reverse("frontdoor:request-detail", args=[rfs.pk]),
        success="The information has been added.",
    )
    return done or render(
        request,
        "frontdoor/_simple_form.html",
        {
            "form": form,
            "rfs": rfs,
            "title": "Add information from a partner",
            "button": "Add the information",
        },
    )


@login_required
def review(request, request_id):
    rfs = selectors.request_get(actor=request.user, request_id=request_id, audit=False)
    require(request.user, "frontdoor.decide", rfs, what="ask for a review")
    form = ReviewForm(
        request.POST or None,
        social_workers=staff.hub_staff(Role.HUB_SOCIAL_WORKER, actor=request.user),
    )
    done = submit(
        request,
        form,
        lambda data: services.request_review_ask(actor=request.user, request=rfs, **data),
        rename=hub_field,
        redirect_to=reverse("frontdoor:request-detail", args=[rfs.pk]),
        success="The request has been passed for review.",
    )
    return done or render(
        request,
        "frontdoor/_simple_form.html",
        {
            "form": form,
            "rfs": rfs,
            "title": "Ask a Hub social worker to review",
            "button": "Send for review",
        },
    )


@login_required
def decide(request, request_id):
    rfs = selectors.request_get(actor=request.user, request_id=request_id, audit=False)
    require(request.user, "frontdoor.decide", rfs, what="decide a request")
    suggested = rfs.level_suggested.number if rfs.level_suggested_id else None
    initial = {
        "level": rfs.level_suggested_id,
        "lead_professional": rfs.referrer_id,
        "receiving_team": staff.suggested_team(rfs, actor=request.user),
    }
    form = DecisionForm(
        request.POST or None,
        initial=initial,
        services=adapters.directory_choices(
            level=suggested if suggested in (1, 2) else None, district=rfs.district
        ),
        lead_professionals=staff.lead_professional_choices(rfs, actor=request.user),
        teams=staff.receiving_teams(actor=request.user),
    )
    done = submit(
        request,
        form,
        lambda data: services.hub_decision_record(
            actor=request.user,
            request=rfs,
            level=data["level"],
            route=data["route"],
            rationale=data["rationale"],
            named_services=data["named_services"],
            other_services=data["other_services"],
            lead_professional=data["lead_professional"],
            family_agreement=data["family_agreement"],
            receiving_team=data["receiving_team"],
            outcome_message=data["outcome_message"],
        ),
        rename=hub_field,
        redirect_to=reverse("frontdoor:request-detail", args=[rfs.pk]),
        success=lambda decision: (
            f"Decision recorded: level {decision.level.number}, "
            f"{decision.get_route_display().lower()}."
        ),
    )
    return done or render(
        request, "frontdoor/decide.html", {"form": form, "rfs": rfs, "routes": DecisionRoute}
    )


@login_required
def decision_correct(request, request_id):
    """Correct the wording of the latest decision from the version read: if a colleague
    corrected it meanwhile, both versions are shown and this editor's text is kept."""
    rfs = selectors.request_get(actor=request.user, request_id=request_id, audit=False)
    require(request.user, "frontdoor.decide", rfs, what="correct a decision")
    decision = selectors.latest_decision(actor=request.user, request=rfs)
    if decision is None:
        raise Http404("This request has no decision to correct.")
    form = DecisionCorrectionForm(
        request.POST or None, initial=DecisionCorrectionForm.initial_for(decision)
    )
    done = submit(
        request,
        form,
        lambda data: services.hub_decision_correct(actor=request.user, decision=decision, **data),
        success="The decision has been corrected.",
        redirect_to=reverse("frontdoor:request-detail", args=[rfs.pk]),
    )
    context = {"form": form, "rfs": rfs, "decision": decision}
    return done or render(request, "frontdoor/decision_correct.html", context)
