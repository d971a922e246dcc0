"""The needs analysis page and its CSV downloads (thin: the selector does the work)."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from teamaround.commissioning import charts, selectors
from teamaround.commissioning.forms import NeedsFilterForm
from teamaround.commissioning.measures import BY_CODE


def _analysis(request):
    form = NeedsFilterForm(request.GET or None)
    area, months = selectors.area_for(), 12
    if form.is_valid():
        area = selectors.area_for(form.cleaned_data["area"], form.cleaned_data["compare"])
        months = int(form.cleaned_data["months"] or 12)
    return form, selectors.needs_analysis(actor=request.user, area=area, months=months)


@login_required
def needs(request):
    form, analysis = _analysis(request)
    nonce = getattr(request, "csp_nonce", "")
    figures = [
        {
            "breakdown": b,
            "district_svg": charts.district_rates_svg(b, nonce=str(nonce)),
            "month_svg": charts.monthly_svg(b, nonce=str(nonce)),
        }
        for b in analysis.breakdowns
    ]
    query = request.GET.urlencode()
    return render(
        request,
        "commissioning/needs.html",
        {"form": form, "analysis": analysis, "figures": figures, "query": query},
    )


@login_required
def needs_csv(request, code: str, by: str):
    if code not in BY_CODE or by not in ("district", "month"):
        raise Http404
    _, analysis = _analysis(request)
    rows = selectors.breakdown_csv_rows(actor=request.user, analysis=analysis, code=code, by=by)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="needs-{code}-by-{by}.csv"'
    csv.writer(response).writerows(rows)
    return response
