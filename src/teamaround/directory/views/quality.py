"""The administrators' data-quality page: every service, worst first."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from teamaround.directory import selectors


@login_required
def data_quality(request):
    rows = selectors.quality_worst_first(actor=request.user)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    summary = {
        "services": len(rows),
        "complete": sum(1 for _, quality in rows if quality.complete),
        "stale": sum(1 for _, quality in rows if quality.stale),
        "average": round(sum(q.score for _, q in rows) / len(rows)) if rows else 0,
    }
    return render(
        request, "directory/quality.html", {"page": page, "summary": summary, "query": ""}
    )
