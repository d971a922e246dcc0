"""The public search: by need or keyword, postcode or district, age, cost and level of need.

One function serves the public page, practitioners' page and the Open Referral feed, so what a
family finds and what an aggregator reads are the same list. With a postcode, results are the
services covering its district, nearest first (services without a place to visit come last).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from teamaround.core.models import District
from teamaround.core.selectors import district_for_postcode
from teamaround.directory import geo
from teamaround.directory.models import Service, ServiceAtLocation
from teamaround.directory.selectors.public import publicly_visible
from teamaround.directory.taxonomy import builtin_term


@dataclass
class ServiceSearch:
    need: str = ""
    keyword: str = ""
    postcode: str = ""
    district: str = ""
    age: int | None = None
    free_only: bool = False
    level: int | None = None
    taxonomy_term_id: str = ""
    within_miles: float | None = None
    page: int | str = 1
    per_page: int = 20


@dataclass
class SearchResult:
    page: Page
    district: District | None = None
    centroid: tuple[float, float] | None = None
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.page.paginator.count


def service_search(search: ServiceSearch, services: QuerySet[Service] | None = None):
    """Search the public directory. Anyone may search; nothing is audited."""
    services, district, centroid, problems = matching_services(search, services)
    page = Paginator(services.select_related("organisation"), search.per_page).get_page(search.page)
    for service in page.object_list:
        service.miles = geo.miles(getattr(service, "nearest", None))
    return SearchResult(page=page, district=district, centroid=centroid, problems=problems)


def matching_services(search: ServiceSearch, services: QuerySet[Service] | None = None):
    """The filtered, ordered queryset behind a search, with the place it was centred on."""
    services = publicly_visible(services)
    problems: dict[str, str] = {}
    if search.need:
        services = services.filter(needs_met__code=search.need)
    if search.level:
        services = services.filter(levels__number=search.level)
    for word in search.keyword.lower().split()[:8]:
        services = services.filter(search_text__contains=word)
    if search.age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=search.age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=search.age),
        )
    if search.free_only:
        services = services.filter(is_free=True)
    if search.taxonomy_term_id:
        services = _with_term(services, search.taxonomy_term_id)
    district, centroid = _place(search, problems)
    if district is not None:
        services = services.filter(districts=district)
    if centroid is not None:
        nearest = (
            ServiceAtLocation.objects.filter(
                service=OuterRef("pk"), location__latitude__isnull=False
            )
            .annotate(
                d2=geo.squared_distance(*centroid, "location__latitude", "location__longitude")
            )
            .order_by("d2")
            .values("d2")[:1]
        )
        services = services.annotate(nearest=Subquery(nearest)).order_by(
            F("nearest").asc(nulls_last=True), "name", "id"
        )
        if search.within_miles is not None:
            limit = (search.within_miles / geo.MILES_PER_DEGREE) ** 2
            services = services.filter(nearest__lte=limit)
    else:
        services = services.order_by("name", "id")
    return services, district, centroid, problems


def _place(search: ServiceSearch, problems: dict[str, str]):
    if search.postcode.strip():
        centroid = geo.centroid_for_postcode(search.postcode)
        district = district_for_postcode(geo.outward_code(search.postcode))
        if centroid is None and district is None:
            problems["postcode"] = "We do not know that postcode. Check it, or choose a district."
        return district, centroid
    if search.district:
        district = District.objects.filter(code=search.district).first()
        if district is None:
            problems["district"] = "Choose a district from the list."
        return district, None
    return None, None


def _with_term(services: QuerySet[Service], term_id: str) -> QuerySet[Service]:
    term = builtin_term(term_id)
    if term is not None and term.need_domain_id:
        return services.filter(needs_met=term.need_domain_id)
    if term is not None and term.level_id:
        return services.filter(levels=term.level_id)
    try:
        return services.filter(other_terms=uuid.UUID(str(term_id)))
    except ValueError:
        return services.none()
