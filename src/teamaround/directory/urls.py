"""Pages under /services/: the public Directory, editors' pages, and the Open Referral UK API
(under /services/oruk/)."""

from django.urls import path, re_path

from teamaround.directory.oruk import api as oruk
from teamaround.directory.oruk import endpoints
from teamaround.directory.views import (
    approvals,
    editing,
    imports,
    problems,
    public,
    quality,
    referrals,
)

app_name = "directory"


def _oruk(route: str, view, name: str):
    return re_path(rf"^oruk/{route}/?$", view.as_view(), name=name)


urlpatterns = [
    path("", public.search, name="search"),
    path("<uuid:service_id>/", public.service_detail, name="service"),
    path("<uuid:service_id>/refer/", referrals.refer, name="refer"),
    path("<uuid:service_id>/report-a-problem/", problems.report_problem, name="report-problem"),
    path("manage/problems/<uuid:report_id>/", problems.problem_answer, name="problem"),
    path("manage/", editing.service_list, name="manage"),
    path("manage/add/", editing.service_create, name="service-create"),
    path("manage/<uuid:service_id>/", editing.service_edit, name="service-edit"),
    path("manage/<uuid:service_id>/opening-times/", editing.opening_times, name="opening-times"),
    path("manage/<uuid:service_id>/locations/add/", editing.location_add, name="location-add"),
    path("manage/organisations/", editing.organisation_list, name="organisations"),
    path("manage/organisations/add/", editing.organisation_create, name="organisation-create"),
    path(
        "manage/organisations/<uuid:organisation_id>/change/",
        editing.organisation_edit,
        name="organisation-edit",
    ),
    path(
        "manage/organisations/<uuid:organisation_id>/editors/",
        editing.editors,
        name="organisation-editors",
    ),
    path("manage/import/", imports.import_feed, name="import"),
    path("manage/quality/", quality.data_quality, name="quality"),
    path("manage/approvals/", approvals.pending_changes, name="approvals"),
    path(
        "manage/approvals/<uuid:change_id>/",
        approvals.pending_change_decide,
        name="approval-decide",
    ),
    # The ORUK API: each path with or without a trailing slash; ids are read by the views so a
    # malformed one is a JSON 404 like an unknown one; anything else under oruk/ too.
    re_path(r"^oruk/?$", oruk.ApiInfo.as_view(), name="oruk-root"),
    re_path(r"^oruk/openapi\.json$", oruk.OpenApiDocument.as_view(), name="oruk-openapi"),
    _oruk("services", endpoints.ServiceList, "oruk-services"),
    _oruk("services/(?P<service_id>[^/]+)", endpoints.ServiceDetail, "oruk-service"),
    _oruk("service_at_locations", endpoints.ServiceAtLocationList, "oruk-service-at-locations"),
    _oruk(
        "service_at_locations/(?P<link_id>[^/]+)",
        endpoints.ServiceAtLocationDetail,
        "oruk-service-at-location",
    ),
    _oruk("organizations", endpoints.OrganizationList, "oruk-organizations"),
    _oruk(
        "organizations/(?P<organisation_id>[^/]+)",
        endpoints.OrganizationDetail,
        "oruk-organization",
    ),
    _oruk("taxonomies", endpoints.TaxonomyList, "oruk-taxonomies"),
    _oruk("taxonomies/(?P<taxonomy_id>[^/]+)", endpoints.TaxonomyDetail, "oruk-taxonomy"),
    _oruk("taxonomy_terms", endpoints.TaxonomyTermList, "oruk-taxonomy-terms"),
    _oruk("taxonomy_terms/(?P<term_id>[^/]+)", endpoints.TaxonomyTermDetail, "oruk-taxonomy-term"),
    re_path(r"^oruk/(?P<rest>.*)$", oruk.NoSuchPath.as_view(), name="oruk-no-such-path"),
]
