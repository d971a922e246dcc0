"""The Families First outcomes page, its CSV downloads, and the commissioner's edit of an
outcome and the need domains mapped to it (thin: selectors and services do the work)."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from teamaround.commissioning import charts, selectors, services
from teamaround.commissioning.forms import FamiliesFirstOutcomeForm, NeedsFilterForm
from teamaround.core.access import require
from teamaround.core.models import NeedDomain
from teamaround.core.views.forms import submit

CHARTS = {
    "outcomes-by-district": ("bar", "Families with a need in each outcome"),
    "whole-family": (
        "bar",
        "Families with needs across three or more outcomes who have a lead practitioner, "
        "a signed-off assessment and a plan, by district (%)",
    ),
}


def _figures(request):
    form = NeedsFilterForm(request.GET or None)
    area, months = selectors.area_for(), 12
    if form.is_valid():
        area = selectors.area_for(form.cleaned_data["area"], form.cleaned_data["compare"])
        months = int(form.cleaned_data["months"] or 12)
    return form, selectors.families_first_figures(actor=request.user, area=area, months=months)


@login_required
def families_first(request):
    form, result = _figures(request)
    nonce = str(getattr(request, "csp_nonce", ""))
    figures = []
    for table in result.tables:
        title = CHARTS[table.key][1]
        svg = charts.bar_svg(title, table.chart_values, nonce=nonce) if table.rows else ""
        figures.append({"table": table, "svg": svg, "title": title})
    return render(
        request,
        "commissioning/families_first.html",
        {
            "form": form,
            "result": result,
            "figures": figures,
            "query": request.GET.urlencode(),
            "can_edit": request.user.has_perm("commissioning.edit_families_first"),
        },
    )


@login_required
def families_first_csv(request, key: str):
    if key not in CHARTS:
        raise Http404
    _, result = _figures(request)
    rows = selectors.families_first_csv_rows(actor=request.user, result=result, key=key)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="families-first-{key}.csv"'
    csv.writer(response).writerows(rows)
    return response


@login_required
def outcome_edit(request, pk):
    require(request.user, "commissioning.edit_families_first", what="change an outcome")
    outcome = selectors.families_first_outcome_get(actor=request.user, pk=pk)
    initial = {
        "name": outcome.name,
        "description": outcome.description,
        "need_domains": list(outcome.need_domains.all()),
    }
    form = FamiliesFirstOutcomeForm(
        request.POST or None, initial=initial, domains=NeedDomain.objects.filter(is_active=True)
    )
    done = submit(
        request,
        form,
        lambda data: services.families_first_outcome_save(
            actor=request.user, outcome=outcome, **data
        ),
        redirect_to=reverse("commissioning:families-first") + "#outcomes",
        success="The outcome is saved.",
    )
    return done or render(
        request,
        "commissioning/families_first_outcome_form.html",
        {"form": form, "outcome": outcome},
    )
