"""The Resource Envelope page, recording spend on a form, importing a spending return, and the
CSV downloads (thin: selectors and services do the work)."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from teamaround.commissioning import charts, selectors, services
from teamaround.commissioning.forms import EnvelopeFilterForm, SpendForm, SpendImportForm
from teamaround.core.views.forms import submit


def _envelope(request):
    current = selectors.current_financial_year()
    form = EnvelopeFilterForm(request.GET or None, current_year=current)
    area, year = selectors.area_for(), current
    if form.is_valid():
        area = selectors.area_for(form.cleaned_data["area"])
        year = int(form.cleaned_data["year"] or current)
    return form, selectors.envelope(actor=request.user, area=area, year=year)


@login_required
def envelope(request):
    form, result = _envelope(request)
    nonce = str(getattr(request, "csp_nonce", ""))
    return render(
        request,
        "commissioning/envelope.html",
        {
            "form": form,
            "result": result,
            "chart": charts.spend_svg(result, nonce=nonce),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def envelope_csv(request, by: str):
    if by not in ("district", "agency", "need"):
        raise Http404
    _, result = _envelope(request)
    rows = selectors.envelope_csv_rows(actor=request.user, result=result, by=by)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="resource-envelope-by-{by}.csv"'
    csv.writer(response).writerows(rows)
    return response


@login_required
def spend_record(request):
    agencies = selectors.agencies_for_spend(actor=request.user)
    form = SpendForm(
        request.POST or None,
        agencies=agencies,
        current_year=selectors.current_financial_year(),
        initial={"agency": agencies.first(), "financial_year": selectors.current_financial_year()},
    )
    done = submit(
        request,
        form,
        lambda data: services.spend_record(actor=request.user, **data),
        redirect_to=reverse("commissioning:envelope"),
        success="Spend recorded.",
    )
    return done or render(request, "commissioning/spend_form.html", {"form": form})


@login_required
def spend_import(request):
    agencies = selectors.agencies_for_spend(actor=request.user)
    form = SpendImportForm(
        request.POST or None,
        request.FILES or None,
        agencies=agencies,
        initial={"agency": agencies.first()},
    )
    done = submit(
        request,
        form,
        lambda data: services.spend_import(
            actor=request.user,
            agency=data["agency"],
            name=data["file"].name,
            content=data["file"].read(),
        ),
        redirect_to=reverse("commissioning:envelope"),
        success=lambda n: f"Spending return imported: {n} rows.",
    )
    return done or render(request, "commissioning/spend_import.html", {"form": form})
