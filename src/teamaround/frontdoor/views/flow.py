"""The Hub's flow for its managers (tables only, so every figure is readable by anyone)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from teamaround.frontdoor import selectors
from teamaround.frontdoor.forms import FlowForm

DEFAULT_DAYS = 28


@login_required
def flow(request):
    today = timezone.localdate()
    form = FlowForm(request.GET or None)
    date_from, date_to = today - timedelta(days=DEFAULT_DAYS - 1), today
    if form.is_valid():
        date_from = form.cleaned_data["date_from"] or date_from
        date_to = form.cleaned_data["date_to"] or date_to
        if date_to < date_from:
            form.add_error("date_to", "The end date must be the same as or after the start date.")
            date_from, date_to = date_to, date_from
    result = selectors.hub_flow(actor=request.user, date_from=date_from, date_to=date_to)
    return render(request, "frontdoor/flow.html", {"form": form, "flow": result})
