"""The Open Referral UK read API: public, read-only, paginated the ORUK way.

Mounted under /services/oruk/. Anyone may read it without signing in (it is the public
directory), so it authenticates nobody and can never show professional-only fields.
"""

from __future__ import annotations

import math
import uuid

from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from teamaround.core.ratelimits import PublicApiThrottle
from teamaround.directory import geo, taxonomy
from teamaround.directory.models import (
    Organisation,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from teamaround.directory.oruk import ORUK_PROFILE, ORUK_VERSION, publish
from teamaround.directory.selectors.public import publicly_visible
from teamaround.directory.selectors.search import ServiceSearch, matching_services

MAX_PER_PAGE = 200


class OrukView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicApiThrottle]


def _number(request, name: str, cast=int):
    value = request.query_params.get(name, "").strip()
    if not value:
        return None
    try:
        number = cast(value)
    except ValueError as error:
        raise ValidationError({name: ["Must be a number."]}) from error
    if number < 0 or (cast is float and not math.isfinite(number)):
        raise ValidationError({name: ["Must be zero or more."]})
    return number


def oruk_page(request, items, serialise) -> Response:
    """ORUK's page: total_items, total_pages, page_number, size, first/last page, empty."""
    per_page = min(_number(request, "per_page") or 50, MAX_PER_PAGE) or 50
    page_number = max(_number(request, "page") or 1, 1)
    total = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    total_pages = max(1, math.ceil(total / per_page))
    start = (page_number - 1) * per_page
    contents = [serialise(item) for item in items[start : start + per_page]]
    return Response(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page_number,
            "size": len(contents),
            "first_page": page_number == 1,
            "last_page": page_number >= total_pages,
            "empty": total == 0,
            "contents": contents,
        }
    )


def _search_from(request) -> tuple[ServiceSearch, object]:
    params = request.query_params
    proximity = _number(request, "proximity", float)
    search = ServiceSearch(
        keyword=params.get("search", "")[:200],
        postcode=params.get("postcode", "")[:10],
        taxonomy_term_id=params.get("taxonomy_term_id", ""),
        within_miles=proximity / 1609.344 if proximity is not None else None,
    )
    services = Service.objects.all()
    minimum, maximum = _number(request, "minimum_age"), _number(request, "maximum_age")
    if minimum is not None:
        services = services.filter(minimum_age__gte=minimum)
    if maximum is not None:
        services = services.filter(maximum_age__lte=maximum)
    if params.get("taxonomy_id"):
        services = _in_taxonomy(services, params["taxonomy_id"])
    if params.get("organization_id"):
        services = services.filter(organisation_id=_uuid(params["organization_id"]))
    return search, services


def _uuid(value: str):
    try:
        return uuid.UUID(value)
    except ValueError as error:
        raise ValidationError({"id": ["Not a valid id."]}) from error


def _in_taxonomy(services, taxonomy_id: str):
    wanted = _uuid(taxonomy_id)
    if wanted == taxonomy.NEEDS_TAXONOMY_ID:
        return services.filter(needs_met__isnull=False).distinct()
    if wanted == taxonomy.LEVELS_TAXONOMY_ID:
        return services.filter(levels__isnull=False).distinct()
    return services.filter(other_terms__taxonomy_id=wanted).distinct()


class ApiInfo(OrukView):
    @extend_schema(exclude=True)
    def get(self, request):
        return Response(
            {
                "version": ORUK_VERSION,
                "profile": ORUK_PROFILE,
                "openapi_url": request.build_absolute_uri(reverse("api-schema")),
            }
        )


class ServiceList(OrukView):
    @extend_schema(exclude=True)
    def get(self, request):
        search, services = _search_from(request)
        services, *_ = matching_services(search, services)
        return oruk_page(request, services.select_related("organisation"), publish.service)


class ServiceDetail(OrukView):
    @extend_schema(exclude=True)
    def get(self, request, service_id):
        services = (
            publicly_visible()
            .select_related("organisation")
            .prefetch_related(
                "schedules",
                "districts",
                "cost_options",
                "contacts",
                "needs_met",
                "levels",
                "other_terms__taxonomy",
                "service_at_locations__location",
            )
        )
        service = services.filter(pk=service_id).first()
        if service is None:
            raise Http404
        return Response(publish.service(service, full=True))


class ServiceAtLocationList(OrukView):
    @extend_schema(exclude=True)
    def get(self, request):
        search, services = _search_from(request)
        matching, _, centroid, _ = matching_services(search, services)
        links = ServiceAtLocation.objects.filter(
            service__in=matching.order_by().values("pk")
        ).select_related("location", "service__organisation")
        if centroid is not None:
            distance = geo.squared_distance(*centroid, "location__latitude", "location__longitude")
            links = links.annotate(d2=distance).order_by("d2", "id")
        else:
            links = links.order_by("service__name", "id")
        return oruk_page(request, links, publish.service_at_location)


class ServiceAtLocationDetail(OrukView):
    @extend_schema(exclude=True)
    def get(self, request, link_id):
        link = (
            ServiceAtLocation.objects.select_related("location", "service__organisation")
            .filter(pk=link_id, service__in=publicly_visible().values("pk"))
            .first()
        )
        if link is None:
            raise Http404
        return Response(publish.service_at_location(link))


class OrganizationList(OrukView):
    @extend_schema(exclude=True)
    def get(self, request):
        organisations = Organisation.objects.filter(archived_at__isnull=True).order_by("name")
        return oruk_page(request, organisations, publish.organization)


class OrganizationDetail(OrukView):
    @extend_schema(exclude=True)
    def get(self, request, organisation_id):
        organisation = Organisation.objects.filter(
            pk=organisation_id, archived_at__isnull=True
        ).first()
        if organisation is None:
            raise Http404
        data = publish.organization(organisation, full=True)
        services = publicly_visible(organisation.services.select_related("organisation"))
        data["services"] = [publish.service(s) for s in services.order_by("name")]
        return Response(data)


def _taxonomies() -> list[dict]:
    stored = [
        publish._clean(
            {
                "id": str(t.id),
                "name": t.name,
                "description": t.description or t.name,
                "uri": t.uri,
                "version": t.version,
            }
        )
        for t in Taxonomy.objects.all()
    ]
    builtin = [{**t, "id": str(t["id"])} for t in taxonomy.builtin_taxonomies()]
    return builtin + stored


def _terms() -> list[dict]:
    stored = TaxonomyTerm.objects.select_related("taxonomy").order_by("name")
    return [publish.term_dict(t) for t in taxonomy.builtin_terms()] + [
        publish.foreign_term(t) for t in stored
    ]


class TaxonomyList(OrukView):
    @extend_schema(exclude=True)
    def get(self, request):
        return oruk_page(request, _taxonomies(), lambda item: item)


class TaxonomyDetail(OrukView):
    @extend_schema(exclude=True)
    def get(self, request, taxonomy_id):
        found = next((t for t in _taxonomies() if t["id"] == str(taxonomy_id)), None)
        if found is None:
            raise Http404
        terms = [t for t in _terms() if t.get("taxonomy_id") == found["id"]]
        return Response({**found, "taxonomy_terms": terms})


class TaxonomyTermList(OrukView):
    @extend_schema(exclude=True)
    def get(self, request):
        terms = _terms()
        if request.query_params.get("taxonomy_id"):
            terms = [
                t for t in terms if t.get("taxonomy_id") == request.query_params["taxonomy_id"]
            ]
        return oruk_page(request, terms, lambda item: item)


class TaxonomyTermDetail(OrukView):
    @extend_schema(exclude=True)
    def get(self, request, term_id):
        found = next((t for t in _terms() if t["id"] == str(term_id)), None)
        if found is None:
            raise Http404
        return Response(found)
