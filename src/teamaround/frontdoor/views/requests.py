"""Pages for professionals: the Hub's start page, sending a request (with the known-child
search), their drafts and sent requests with outcomes, withdrawing, consultations."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from teamaround.core.access import require
from teamaround.core.audit import audit_listed
from teamaround.core.navigation import actions_for
from teamaround.core.selectors import windscreen_levels
from teamaround.core.views.forms import submit
from teamaround.frontdoor import selectors, services
from teamaround.frontdoor.forms import ConsultationForm, RequestForm, WithdrawForm
from teamaround.frontdoor.models import RequestStatus
from teamaround.frontdoor.selectors.staff import hub_staff
from teamaround.frontdoor.services.requests import linkable_person
from teamaround.frontdoor.views.child_search import hub_field, search_known_child


@login_required
def start(request):
    require(request.user, "frontdoor.send_request", what="open the Hub's start page")
    return render(request, "frontdoor/start.html")


@login_required
def request_new(request):
    require(request.user, "frontdoor.send_request", what="start a request for support")
    return _request_form(request, None)


@login_required
def request_edit(request, request_id):
    rfs = selectors.request_get(actor=request.user, request_id=request_id)
    require(request.user, "frontdoor.change_draft", rfs, what="change a draft request")
    if rfs.status != RequestStatus.DRAFT:
        return redirect("frontdoor:request-detail", rfs.pk)
    return _request_form(request, rfs)


def _request_form(request, rfs):
    initial = {}
    if rfs is not None:
        initial = {
            name: getattr(rfs, name)
            for name in RequestForm.base_fields
            if name not in {"person", "level_suggested"}
        }
        initial |= {"person": rfs.person_id, "level_suggested": rfs.level_suggested_id}
        initial["version"] = rfs.version
    form = RequestForm(request.POST or None, initial=initial, draft=rfs)
    results = None
    saved = submit(
        request,
        form,
        lambda data: services.request_for_support_save_draft(
            actor=request.user,
            request=rfs,
            version=data.get("version"),
            values=form.values()
            | {
                "person": linkable_person(
                    data.get("person"),
                    actor=request.user,
                    date_of_birth=data.get("child_date_of_birth"),
                )
            },
        ),
        rename=hub_field,
    )
    if saved is not None:
        rfs = saved
        form.saved_as(rfs)
        action = request.POST.get("action", "draft")
        if action == "search":
            results = search_known_child(request, form)
        elif action == "submit":
            sent = submit(
                request,
                form,
                lambda data: services.request_for_support_submit(actor=request.user, request=rfs),
                rename=hub_field,
                redirect_to=reverse("frontdoor:request-detail", args=[rfs.pk]),
                success=f"Request {rfs.reference} has been sent to the Children and Families Hub.",
            )
            if sent:
                return sent
        else:
            messages.success(request, "Your draft has been saved.")
            return redirect("frontdoor:request-edit", rfs.pk)
    return render(
        request,
        "frontdoor/request_form.html",
        {
            "form": form,
            "rfs": rfs,
            "results": results,
            "levels": windscreen_levels(),
        },
    )


@login_required
def my_requests(request):
    return render(
        request,
        "frontdoor/my_requests.html",
        {
            "requests": audit_listed(
                selectors.my_requests(actor=request.user)[:200],
                actor=request.user,
                what="my requests for support",
            )
        },
    )


@login_required
def request_withdraw(request, request_id):
    rfs = selectors.request_get(actor=request.user, request_id=request_id)
    require(request.user, "frontdoor.change_draft", rfs, what="withdraw a request")
    draft = rfs.status == RequestStatus.DRAFT
    form = WithdrawForm(request.POST or None, draft=draft)
    said = "Your draft {} has been discarded." if draft else "Request {} has been withdrawn."
    done = submit(
        request,
        form,
        lambda data: services.request_for_support_withdraw(
            actor=request.user, request=rfs, reason=data["reason"]
        ),
        rename=hub_field,
        redirect_to="frontdoor:my-requests",
        success=said.format(rfs.reference),
    )
    return done or render(
        request,
        "frontdoor/_simple_form.html",
        {
            "form": form,
            "rfs": rfs,
            "title": "Discard this draft" if draft else "Withdraw the request",
            "button": "Discard the draft" if draft else "Withdraw it",
            "warning": True,
            "cancel": reverse(
                "frontdoor:request-edit" if draft else "frontdoor:request-detail", args=[rfs.pk]
            ),
        },
    )


@login_required
def consultation_new(request):
    require(request.user, "frontdoor.record_consultation", what="record a consultation")
    form = ConsultationForm(
        request.POST or None, social_workers=hub_staff("hub_social_worker", actor=request.user)
    )
    results = None
    if request.POST.get("action") == "search":
        results = search_known_child(request, form) if form.is_valid() else None
    else:
        done = submit(
            request,
            form,
            lambda data: services.consultation_record(
                actor=request.user,
                hub_social_worker=data["hub_social_worker"],
                topic=data["topic"],
                question=data["question"],
                advice=data["advice"],
                held_on=data["held_on"],
                person=linkable_person(
                    data.get("person"),
                    actor=request.user,
                    date_of_birth=data.get("child_date_of_birth"),
                ),
            ),
            rename=hub_field,
            redirect_to="frontdoor:start",
            success="The consultation has been recorded.",
        )
        if done:
            return done
    return render(request, "frontdoor/consultation_form.html", {"form": form, "results": results})


HAND_OVER = "frontdoor.handover"


@require_POST
@login_required
def hand_over_accept(request, hand_over_id):
    hand_over = selectors.hand_over_get(actor=request.user, hand_over_id=hand_over_id)
    # Where another app opens the work (early help opens the episode), accepting is part of
    # that step: a family is never left with an accepted hand-over and nothing opened.
    next_step = next(
        (a for a in actions_for(HAND_OVER, request.user, hand_over) if a["primary"]), None
    )
    if next_step is not None:
        return redirect(next_step["href"])
    services.hand_over_accept(actor=request.user, hand_over=hand_over)
    messages.success(request, "The hand-over has been accepted.")
    return redirect("frontdoor:hand-overs")


@login_required
def hand_overs(request):
    return render(
        request,
        "frontdoor/hand_overs.html",
        {
            "hand_overs": audit_listed(
                selectors.hand_overs_for_my_team(actor=request.user)[:200],
                actor=request.user,
                what="hand-overs to my team",
            )
        },
    )
