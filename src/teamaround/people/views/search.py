"""The "is this child already known?" search page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from teamaround.core.access import require
from teamaround.core.views.forms import submit
from teamaround.people import selectors
from teamaround.people.forms import KnownChildSearchForm


@login_required
def known_child_search(request):
    require(request.user, "people.search", what="search for a child")
    searched = bool(request.GET)
    form = KnownChildSearchForm(request.GET if searched else None)
    results = submit(
        request,
        form,
        lambda data: selectors.known_child_search(actor=request.user, **data),
    )
    return render(
        request,
        "people/search.html",
        {
            "form": form,
            "results": results,
            "matches": [r for r in results or [] if not r.is_sibling],
            "siblings": [r for r in results or [] if r.is_sibling],
            "can_record": request.user.has_perm("people.record"),
        },
    )
