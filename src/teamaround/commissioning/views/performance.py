"""The Hub and panel performance page and its CSV downloads (thin: the selector does the
work). The same area and period filter as the needs analysis."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from teamaround.commissioning import charts, selectors
from teamaround.commissioning.forms import NeedsFilterForm

CHARTS = {
    "hub-by-district": ("bar", "Hub decisions within one working day by district (%)"),
    "hub-by-month": ("line", "Hub decisions within one working day by month (%)"),
    "panels-by-type": ("bar", "Cases heard at each panel"),
    "panels-by-month": ("line", "Cases heard at panels by month"),
    "package-reviews": ("bar", "Package reviews overdue by panel"),
}


def _performance(request):
    form = NeedsFilterForm(request.GET or None)
    area, months = selectors.area_for(), 12
    if form.is_valid():
        area = selectors.area_for(form.cleaned_data["area"], form.cleaned_data["compare"])
        months = int(form.cleaned_data["months"] or 12)
    return form, selectors.performance_figures(actor=request.user, area=area, months=months)


def chart_for(table, nonce: str) -> str:
    kind, title = CHARTS[table.key]
    draw = charts.bar_svg if kind == "bar" else charts.line_svg
    return draw(title, table.chart_values, nonce=nonce)


@login_required
def performance(request):
    form, result = _performance(request)
    nonce = str(getattr(request, "csp_nonce", ""))
    figures = [
        {"table": t, "svg": chart_for(t, nonce) if t.rows else "", "title": CHARTS[t.key][1]}
        for t in result.tables
    ]
    return render(
        request,
        "commissioning/performance.html",
        {
            "form": form,
            "result": result,
            "figures": figures,
            "query": request.GET.urlencode(),
        },
    )


@login_required
def performance_csv(request, key: str):
    if key not in CHARTS:
        raise Http404
    _, result = _performance(request)
    rows = selectors.performance_csv_rows(actor=request.user, result=result, key=key)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="performance-{key}.csv"'
    csv.writer(response).writerows(rows)
    return response
