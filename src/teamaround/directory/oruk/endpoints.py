"""The ORUK API's resources: services, service-at-locations, organisations, taxonomies and
their terms (the plumbing they share is in `oruk.api`, the filters in `oruk.filters`)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from teamaround.directory import taxonomy
from teamaround.directory.models import Organisation, ServiceAtLocation, Taxonomy, TaxonomyTerm
from teamaround.directory.oruk import filters, publish
from teamaround.directory.oruk.api import OrukView, listing, oruk_page, record_id
from teamaround.directory.selectors.public import publicly_visible


def _full_services(services):
    return services.select_related("organisation").prefetch_related(*publish.FULL_PREFETCH)


class ServiceList(OrukView):
    oruk_path = "/services"

    @extend_schema(exclude=True)
    def get(self, request):
        params = self.params(request)
        services, _ = filters.services(params)
        minimal, full = params.boolean("minimal"), params.boolean("full")
        if minimal:
            return listing(params, services, publish.minimal_service)
        if full:
            return listing(params, _full_services(services), publish.full_service)
        return listing(params, services.select_related("organisation"), publish.service)


class ServiceDetail(OrukView):
    oruk_path = "/services/{id}"

    @extend_schema(exclude=True)
    def get(self, request, service_id):
        self.params(request)
        service = _full_services(publicly_visible()).filter(pk=record_id(service_id)).first()
        if service is None:
            raise NotFound("No published service has that id.")
        return Response(publish.service(service, full=True))


def _links(links, *, full: bool):
    links = links.select_related("location", "service__organisation")
    if full:
        prefetch = [f"service__{name}" for name in publish.FULL_PREFETCH]
        links = links.prefetch_related(*prefetch)
    return links


class ServiceAtLocationList(OrukView):
    oruk_path = "/service_at_locations"

    @extend_schema(exclude=True)
    def get(self, request):
        params = self.params(request)
        full = params.boolean("full")
        links = _links(filters.service_at_locations(params), full=full)
        serialise = publish.full_service_at_location if full else publish.service_at_location
        return listing(params, links, serialise)


class ServiceAtLocationDetail(OrukView):
    oruk_path = "/service_at_locations/{id}"

    @extend_schema(exclude=True)
    def get(self, request, link_id):
        self.params(request)
        visible = ServiceAtLocation.objects.filter(service__in=publicly_visible().values("pk"))
        link = _links(visible, full=True).filter(pk=record_id(link_id)).first()
        if link is None:
            raise NotFound("No published service at a location has that id.")
        return Response(publish.full_service_at_location(link))


def _organisations():
    return Organisation.objects.filter(archived_at__isnull=True).order_by("name", "id")


class OrganizationList(OrukView):
    oruk_path = "/organizations"

    @extend_schema(exclude=True)
    def get(self, request):
        params = self.params(request)
        found = _organisations()
        for word in params.text("search").split()[:8]:
            found = found.filter(name__icontains=word[:100])
        return oruk_page(params, found, publish.organization)


class OrganizationDetail(OrukView):
    oruk_path = "/organizations/{id}"

    @extend_schema(exclude=True)
    def get(self, request, organisation_id):
        params = self.params(request)
        organisation = _organisations().filter(pk=record_id(organisation_id)).first()
        if organisation is None:
            raise NotFound("No published organisation has that id.")
        data = publish.organization(organisation, full=True)
        services = publicly_visible(organisation.services.all()).order_by("name", "id")
        if params.boolean("full_service"):
            data["services"] = [publish.service(s, full=True) for s in _full_services(services)]
        else:
            services = services.select_related("organisation")
            data["services"] = [publish.service(s) for s in services]
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
        for t in Taxonomy.objects.order_by("name", "id")
    ]
    builtin = [{**t, "id": str(t["id"])} for t in taxonomy.builtin_taxonomies()]
    return builtin + stored


def _terms() -> list[dict]:
    stored = TaxonomyTerm.objects.select_related("taxonomy").order_by("name", "id")
    return [publish.term_dict(t) for t in taxonomy.builtin_terms()] + [
        publish.foreign_term(t) for t in stored
    ]


class TaxonomyList(OrukView):
    oruk_path = "/taxonomies"

    @extend_schema(exclude=True)
    def get(self, request):
        return oruk_page(self.params(request), _taxonomies(), lambda item: item)


class TaxonomyDetail(OrukView):
    oruk_path = "/taxonomies/{id}"

    @extend_schema(exclude=True)
    def get(self, request, taxonomy_id):
        self.params(request)
        wanted = str(record_id(taxonomy_id))
        found = next((t for t in _taxonomies() if t["id"] == wanted), None)
        if found is None:
            raise NotFound("No published taxonomy has that id.")
        terms = [t for t in _terms() if t.get("taxonomy_id") == found["id"]]
        return Response({**found, "taxonomy_terms": terms})


class TaxonomyTermList(OrukView):
    oruk_path = "/taxonomy_terms"

    @extend_schema(exclude=True)
    def get(self, request):
        params = self.params(request)
        terms = _terms()
        for name in ("taxonomy_id", "parent_id"):
            wanted = params.uuid(name)
            if wanted is not None:
                terms = [t for t in terms if t.get(name) == str(wanted)]
        return oruk_page(params, terms, lambda item: item)


class TaxonomyTermDetail(OrukView):
    oruk_path = "/taxonomy_terms/{id}"

    @extend_schema(exclude=True)
    def get(self, request, term_id):
        self.params(request)
        wanted = str(record_id(term_id))
        found = next((t for t in _terms() if t["id"] == wanted), None)
        if found is None:
            raise NotFound("No published taxonomy term has that id.")
        return Response(found)
