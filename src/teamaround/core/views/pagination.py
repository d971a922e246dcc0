"""The one way a list page is split into pages.

    page = paginate(request, selectors.thing_list(actor=request.user))
    audit_listed(page, actor=request.user, what="things")
    return render(request, "app/things.html", {"page": page, "query": page.query})

`?page=` picks the page (a number past the end gives the last page, anything else the first);
`page.query` is the rest of the query string, for the page links to keep the filters."""

from django.core.paginator import Page, Paginator

PAGE_SIZE = 50


def paginate(request, rows, *, size: int = PAGE_SIZE) -> Page:
    """The page of `rows` (a queryset in a stable order, or a list) that ?page= asks for."""
    page = Paginator(rows, size).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    page.query = query.urlencode()
    return page
