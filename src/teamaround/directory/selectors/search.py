"""The public search: by need or keyword, postcode or district, age, cost and level of need.

One function serves the public page and practitioners' page. Results are ranked by how well a
service meets what was asked (see `relevance`), then by distance from the postcode given
(services without a place to visit come last among equals), then free before paid, then name.
Every filter and the ranking are SQL: a page reads only its own rows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact, LessThanOrEqual

from teamaround.core.models import District, NeedDomain, WindscreenLevel
from teamaround.core.selectors import district_for_postcode
from teamaround.directory import geo
from teamaround.directory.models import Schedule, Service, ServiceAtLocation
from teamaround.directory.models.services import language_index
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
    day: str = ""  # MO..SU: with a session that day
    language: str = ""
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


MAX_WORDS = 8


def keywords(text: str) -> list[str]:
    return [word[:100] for word in text.lower().split()[:MAX_WORDS]]


def matching_services(search: ServiceSearch, services: QuerySet[Service] | None = None):
    """The filtered, ranked queryset behind a search, with the place it was centred on."""
    services = publicly_visible(services)
    problems: dict[str, str] = {}
    words = keywords(search.keyword)
    if search.need:
        services = services.filter(needs_met__code=search.need)
    if search.level:
        services = services.filter(levels__number=search.level)
    for word in words:
        services = services.filter(search_text__contains=word)
    if search.age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=search.age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=search.age),
        )
    if search.free_only:
        services = services.filter(is_free=True)
    if search.day:
        sessions = Schedule.objects.filter(service=OuterRef("pk"), byday__contains=search.day)
        services = services.filter(Exists(sessions))
    language = language_index([search.language])
    if language:
        services = services.filter(language_index__contains=language)
    if search.taxonomy_term_id:
        services = _with_term(services, search.taxonomy_term_id)
    district, centroid = _place(search, problems)
    if district is not None:
        services = services.filter(districts=district)
    score = relevance(search, words)
    order = []
    if score is not None:  # a constant score orders nothing (PostgreSQL reads it as a position)
        services = services.annotate(relevance=score)
        order.append(F("relevance").desc())
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
        services = services.annotate(nearest=Subquery(nearest))
        order.append(F("nearest").asc(nulls_last=True))
        if search.within_miles is not None:
            limit = (search.within_miles / geo.MILES_PER_DEGREE) ** 2
            services = services.filter(nearest__lte=limit)
    services = services.order_by(*order, F("is_free").desc(), "name", "id")
    return services, district, centroid, problems


# How much each kind of match counts. A word in the name says more than one in the description;
# a word naming one of the service's areas of need (its taxonomy) sits between the two.
WHOLE_PHRASE_IN_NAME = 6
WORD_IN_NAME = 4
WORD_IN_TAXONOMY = 2
WORD_IN_DESCRIPTION = 1
FOCUSED = 2  # a service for the need (or level) asked and little else: a specialist


def relevance(search: ServiceSearch, words: list[str]):
    """How well a service meets what was asked, as one SQL expression (higher is better).

    Every service listed already matches every filter; this orders them: the keyword's words
    in the name (the whole phrase counting most) over the taxonomy (the names of the needs it
    meets) over the description; and, when a need or level was asked, a service that meets
    that need (or works at that level) and few others over a generalist that lists them all.
    Nothing about cost counts, so free services are never pushed below paid ones. None when
    nothing was asked that could tell services apart.
    """
    if not words and not search.need and not search.level:
        return None
    score = Value(0, output_field=IntegerField())

    def points(condition, value):
        return Case(
            When(condition, then=Value(value)), default=Value(0), output_field=IntegerField()
        )

    if len(words) > 1:
        score += points(Q(name__icontains=" ".join(words)), WHOLE_PHRASE_IN_NAME)
    domains = list(NeedDomain.objects.values_list("pk", "code", "name")) if words else []
    for word in words:
        score += points(Q(name__icontains=word), WORD_IN_NAME)
        score += points(Q(description__icontains=word), WORD_IN_DESCRIPTION)
        # The few areas of need the word names, found here (a dozen rows), so a word that
        # names none costs the database nothing.
        named = [pk for pk, code, name in domains if word in code or word in name.lower()]
        if named:
            meets = Service.needs_met.through.objects.filter(
                service_id=OuterRef("pk"), needdomain_id__in=named
            )
            score += points(Exists(meets), WORD_IN_TAXONOMY)
    if search.need:
        score += _focus(Service.needs_met.through, NeedDomain)
    if search.level:
        score += _focus(Service.levels.through, WindscreenLevel)
    return score


def _focus(through, model):
    """FOCUSED points for a service with only one term of the kind asked (a need, a level),
    half as many for two: a specialist over a generalist."""
    column = f"{model._meta.model_name}_id"
    terms = Subquery(
        through.objects.filter(service_id=OuterRef("pk"))
        .order_by()
        .values("service_id")
        .annotate(n=Count(column))
        .values("n")[:1],
        output_field=IntegerField(),
    )
    terms = Coalesce(terms, Value(0))
    return Case(
        When(LessThanOrEqual(terms, 1), then=Value(FOCUSED)),
        When(Exact(terms, 2), then=Value(FOCUSED // 2)),
        default=Value(0),
        output_field=IntegerField(),
    )


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
