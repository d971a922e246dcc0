"""The Data Protection Officer's view of the ledger: the period summary, a person, an agency,
shares on consent that has since ended, and the CSV export of each."""

import csv
import uuid
from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from teamaround.accounts import selectors as accounts_selectors
from teamaround.core.access import require
from teamaround.core.views.pagination import paginate
from teamaround.governance import forms, selectors
from teamaround.governance.selectors.access_requests import access_requests_open
from teamaround.governance.selectors.ledger import ledger_period
from teamaround.governance.selectors.retention import holds_for
from teamaround.governance.selectors.subjects import subject_get, subject_search

PAGE = 50


def _period(request):
    today = timezone.localdate()
    # Bound only when the period form itself was sent (the page's other forms also use GET).
    sent = "start" in request.GET or "end" in request.GET
    form = forms.PeriodForm(
        request.GET if sent else None, initial={"start": today - timedelta(days=30), "end": today}
    )
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, today - timedelta(days=30), today


@login_required
def home(request):
    require(request.user, "governance.read_ledger", what="open information governance")
    if request.GET.get("agency"):
        try:
            return redirect("governance:agency", uuid.UUID(request.GET["agency"]))
        except ValueError:
            pass
    form, start, end = _period(request)
    search = forms.PersonSearchForm(request.GET if "query" in request.GET else None)
    found = None
    if search.is_bound and search.is_valid():
        found = subject_search(actor=request.user, query=search.cleaned_data["query"])
    summary = selectors.ledger_period_summary(actor=request.user, start=start, end=end)
    return render(
        request,
        "governance/home.html",
        {
            "form": form,
            "search": search,
            "found": found,
            "summary": summary,
            "start": start,
            "end": end,
            "agencies": accounts_selectors.agency_list(actor=request.user),
            "access_requests": access_requests_open(actor=request.user),
        },
    )


@login_required
def person_ledger(request, person_id):
    require(request.user, "governance.read_ledger", what="read the ledger")
    person = subject_get(actor=request.user, person_id=person_id)
    entries = selectors.ledger_for_person(actor=request.user, person=person)
    return render(
        request,
        "governance/person.html",
        {
            "person": person,
            "page": paginate(request, entries.order_by("-occurred_at", "-id"), size=PAGE),
            "holds": holds_for(actor=request.user, person=person),
        },
    )


@login_required
def agency_ledger(request, agency_id):
    require(request.user, "governance.read_ledger", what="read the ledger")
    agency = accounts_selectors.agency_get(actor=request.user, agency_id=agency_id)
    entries = selectors.ledger_for_agency(actor=request.user, agency=agency)
    return render(
        request,
        "governance/agency.html",
        {
            "agency": agency,
            "page": paginate(request, entries.order_by("-occurred_at", "-id"), size=PAGE),
        },
    )


@login_required
def stale_consent(request):
    entries = selectors.ledger_stale_consent(actor=request.user)
    return render(
        request,
        "governance/stale.html",
        {"page": paginate(request, entries.order_by("-occurred_at", "-id"), size=PAGE)},
    )


class _Echo:
    def write(self, value):
        return value


@login_required
def ledger_csv(request):
    """?person=, ?agency=, ?stale=1 or ?start=&end=: the same entries as the page, as CSV."""
    actor = request.user
    require(actor, "governance.read_ledger", what="export the ledger")
    if request.GET.get("person"):
        person = subject_get(actor=actor, person_id=request.GET["person"])
        entries, what = selectors.ledger_for_person(actor=actor, person=person), "a person"
    elif request.GET.get("agency"):
        agency = accounts_selectors.agency_get(actor=actor, agency_id=request.GET["agency"])
        entries, what = selectors.ledger_for_agency(actor=actor, agency=agency), "an agency"
    elif request.GET.get("stale"):
        entries, what = selectors.ledger_stale_consent(actor=actor), "ended consent"
    else:
        _, start, end = _period(request)
        entries, what = ledger_period(actor=actor, start=start, end=end), f"{start} to {end}"
    writer = csv.writer(_Echo())
    rows = selectors.ledger_csv_rows(
        actor=actor, entries=entries.order_by("occurred_at", "id"), what=what
    )
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="disclosure-ledger.csv"'
    return response
