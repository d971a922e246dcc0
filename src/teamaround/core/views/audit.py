"""Searching the audit trail (administrators: all of it; team managers: their team's)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from teamaround.core.forms import AuditSearchForm
from teamaround.core.selectors import audit_event_list
from teamaround.core.views.pagination import paginate


@login_required
def audit_search(request):
    form = AuditSearchForm(request.GET or None)
    page = None
    if form.is_bound and form.is_valid():
        events = audit_event_list(actor=request.user, **form.cleaned_data)
    elif not form.is_bound:
        events = audit_event_list(actor=request.user)
    else:
        events = None
    if events is not None:
        page = paginate(request, events)
    return render(
        request,
        "core/audit/search.html",
        {"form": form, "page": page, "query": page.query if page else ""},
    )
