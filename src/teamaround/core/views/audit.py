"""Searching the audit trail (administrators: all of it; team managers: their team's)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from teamaround.core.forms import AuditSearchForm
from teamaround.core.selectors import audit_event_list


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
        page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "core/audit/search.html", {"form": form, "page": page, "query": query.urlencode()}
    )
