"""Pages under /services/: the public Directory, editors' pages, and the Open Referral UK API
(under /services/oruk/)."""

from django.urls import path

from teamaround.directory.oruk import api as oruk
from teamaround.directory.views import editing, imports, public, referrals

app_name = "directory"

urlpatterns = [
    path("", public.search, name="search"),
    path("<uuid:service_id>/", public.service_detail, name="service"),
    path("<uuid:service_id>/refer/", referrals.refer, name="refer"),
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
    path("oruk/", oruk.ApiInfo.as_view(), name="oruk-root"),
    path("oruk/services", oruk.ServiceList.as_view(), name="oruk-services"),
    path("oruk/services/<uuid:service_id>", oruk.ServiceDetail.as_view(), name="oruk-service"),
    path(
        "oruk/service_at_locations",
        oruk.ServiceAtLocationList.as_view(),
        name="oruk-service-at-locations",
    ),
    path(
        "oruk/service_at_locations/<uuid:link_id>",
        oruk.ServiceAtLocationDetail.as_view(),
        name="oruk-service-at-location",
    ),
    path("oruk/organizations", oruk.OrganizationList.as_view(), name="oruk-organizations"),
    path(
        "oruk/organizations/<uuid:organisation_id>",
        oruk.OrganizationDetail.as_view(),
        name="oruk-organization",
    ),
    path("oruk/taxonomies", oruk.TaxonomyList.as_view(), name="oruk-taxonomies"),
    path("oruk/taxonomies/<uuid:taxonomy_id>", oruk.TaxonomyDetail.as_view(), name="oruk-taxonomy"),
    path("oruk/taxonomy_terms", oruk.TaxonomyTermList.as_view(), name="oruk-taxonomy-terms"),
    path(
        "oruk/taxonomy_terms/<uuid:term_id>",
        oruk.TaxonomyTermDetail.as_view(),
        name="oruk-taxonomy-term",
    ),
]
