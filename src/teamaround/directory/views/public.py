"""The public Directory: search and a page per service. No sign-in needed; signed-in staff
also see the professional-only details and can refer a family."""

from __future__ import annotations

from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse

from teamaround.core.ratelimits import ALL, limited
from teamaround.directory import selectors
from teamaround.directory.forms import SearchForm
from teamaround.directory.selectors.editing import review_state
from teamaround.directory.selectors.search import ServiceSearch


@limited("directory", per="user", method=ALL)
def search(request):
    form = SearchForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        result = selectors.service_search(
            ServiceSearch(
                need=data["need"],
                keyword=data["q"],
                postcode=data["postcode"],
                district=data["district"],
                age=data["age"],
                free_only=data["free"],
                language=data["language"],
                day=data["day"],
                level=int(data["level"]) if data["level"] else None,
                page=request.GET.get("page", 1),
            )
        )
        for field, message in result.problems.items():
            form.add_error(field, message)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "directory/search.html",
        {
            "form": form,
            "result": result,
            "page": result.page if result else None,
            "query": query.urlencode(),
            "search_query": kept_search(request.GET),
        },
    )


SEARCH_KEYS = (*SearchForm.base_fields, "page")


def kept_search(query: QueryDict) -> str:
    """The search a results page was for, as a query string of the search's own fields only
    (whatever else is sent is dropped), so a service page can link back to those results."""
    kept = QueryDict(mutable=True)
    for key in SEARCH_KEYS:
        for value in query.getlist(key)[:1]:
            if value.strip():
                kept[key] = value[:100]
    return kept.urlencode()


def back_to_search(request) -> str:
    search = kept_search(QueryDict(request.GET.get("search", "")))
    url = reverse("directory:search")
    return f"{url}?{search}" if search else url


@limited("directory", per="user", method=ALL)
def service_detail(request, service_id):
    service = selectors.service_get(actor=request.user, service_id=service_id)
    user = request.user
    professional = user.is_authenticated and user.has_perm("directory.view_professional_details")
    return render(
        request,
        "directory/service_detail.html",
        {
            "service": service,
            "professional": professional,
            "can_edit": user.is_authenticated and user.has_perm("directory.edit_services", service),
            "can_refer": user.is_authenticated and user.has_perm("directory.refer_family", service),
            "uptake": selectors.service_uptake(service) if professional else None,
            "opening_times": [(row.days_label(), row) for row in service.schedules.all()],
            "review_state": review_state(service),
            "back_url": back_to_search(request),
            "from_search": bool(request.GET.get("search")),
        },
    )
