"""The unmet need page and its CSV downloads (thin: the selector does the work). The same area
and period filter as the needs analysis."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from teamaround.commissioning import charts, selectors
from teamaround.commissioning.forms import NeedsFilterForm

TITLES = {
    "unmet-by-district": "Families with a need no running service meets in their district",
    "need-and-services": "Need and the services meeting it, by need domain",
}
CHARTED = {"unmet-by-district"}


def _unmet(request):
    form = NeedsFilterForm(request.GET or None)
    area, months = selectors.area_for(), 12
    if form.is_valid():
        area = selectors.area_for(form.cleaned_data["area"], form.cleaned_data["compare"])
        months = int(form.cleaned_data["months"] or 12)
    return form, selectors.unmet_need(actor=request.user, area=area, months=months)


@login_required
def unmet_need(request):
    form, result = _unmet(request)
    nonce = str(getattr(request, "csp_nonce", ""))
    figures = []
    for table in result.tables:
        title = TITLES[table.key]
        svg = ""
        if table.key in CHARTED and table.rows:
            svg = charts.bar_svg(title, table.chart_values, nonce=nonce)
        figures.append({"table": table, "svg": svg, "title": title})
    return render(
        request,
        "commissioning/unmet.html",
        {"form": form, "result": result, "figures": figures, "query": request.GET.urlencode()},
    )


@login_required
def unmet_csv(request, key: str):
    if key not in TITLES:
        raise Http404
    _, result = _unmet(request)
    rows = selectors.unmet_csv_rows(actor=request.user, result=result, key=key)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="unmet-need-{key}.csv"'
    csv.writer(response).writerows(rows)
    return response
