"""The Balanced Impact Assessment: the list of services and one service's page with the
commissioner's judgement form (thin: selectors and services do the work)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from teamaround.commissioning import selectors, services
from teamaround.commissioning.forms import JudgementForm
from teamaround.core.views.forms import submit


@login_required
def impact_list(request):
    rows = selectors.impact_services(actor=request.user)
    return render(request, "commissioning/impact_list.html", {"services": rows})


@login_required
def impact(request, pk):
    service = selectors.service_for_impact(actor=request.user, pk=pk)
    form = JudgementForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.service_judgement_record(actor=request.user, service=service, **data),
        redirect_to=reverse("commissioning:impact", args=[service.pk]),
        success="Judgement recorded with the evidence it was made on.",
    )
    if done:
        return done
    result = selectors.service_impact(actor=request.user, service=service)
    can_judge = request.user.has_perm("commissioning.judge_service")
    return render(
        request,
        "commissioning/impact.html",
        {
            "impact": result,
            "form": form,
            "can_judge": can_judge,
            "evidence": selectors.service_evidence(actor=request.user, service=service),
        },
    )
