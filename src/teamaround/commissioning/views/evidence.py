"""The evidence base: interventions with their evidence rating and the services that deliver
them; adding or changing one; editing the rating scale (thin: selectors and services)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from teamaround.commissioning import selectors, services
from teamaround.commissioning.forms import EvidenceLevelForm, InterventionForm
from teamaround.core.access import require
from teamaround.core.views.forms import submit


@login_required
def evidence_base(request):
    return render(
        request,
        "commissioning/evidence.html",
        {
            "interventions": selectors.interventions(actor=request.user),
            "levels": selectors.evidence_levels(actor=request.user),
            "can_edit": request.user.has_perm("commissioning.edit_evidence"),
        },
    )


@login_required
def intervention_edit(request, pk=None):
    require(request.user, "commissioning.edit_evidence", what="change the evidence base")
    intervention = selectors.intervention_get(actor=request.user, pk=pk) if pk else None
    initial = {}
    if intervention is not None:
        initial = {
            "name": intervention.name,
            "description": intervention.description,
            "evidence_level": intervention.evidence_level,
            "evidence_source": intervention.evidence_source,
            "services": [d.service for d in intervention.deliveries.all()],
        }
    form = InterventionForm(
        request.POST or None,
        initial=initial,
        levels=selectors.evidence_levels(actor=request.user),
        services=selectors.impact_services(actor=request.user),
    )
    done = submit(
        request,
        form,
        lambda data: services.intervention_save(
            actor=request.user, intervention=intervention, **data
        ),
        redirect_to=reverse("commissioning:evidence"),
        success="The evidence base is saved.",
    )
    return done or render(
        request,
        "commissioning/intervention_form.html",
        {"form": form, "intervention": intervention},
    )


@login_required
def level_edit(request, pk):
    require(request.user, "commissioning.edit_evidence", what="change the evidence scale")
    level = selectors.evidence_level_get(actor=request.user, pk=pk)
    form = EvidenceLevelForm(
        request.POST or None, initial={"name": level.name, "description": level.description}
    )
    done = submit(
        request,
        form,
        lambda data: services.evidence_level_save(actor=request.user, level=level, **data),
        redirect_to=reverse("commissioning:evidence") + "#scale",
        success="The evidence scale is saved.",
    )
    return done or render(
        request, "commissioning/evidence_level_form.html", {"form": form, "level": level}
    )
