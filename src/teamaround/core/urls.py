from django.urls import path

from teamaround.core.views import alerts, audit, geography, pages

app_name = "core"

urlpatterns = [
    path("", pages.home, name="home"),
    path("sections/<slug:slug>/", pages.section, name="section"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("privacy/", pages.privacy, name="privacy"),
    path("audit/", audit.audit_search, name="audit-search"),
    path("audit/alerts/", alerts.bulk_read_alerts, name="bulk-read-alerts"),
    path("geography/", geography.district_list, name="district-list"),
    path("geography/load/", geography.geography_upload, name="geography-upload"),
    path("geography/districts/<uuid:district_id>/", geography.district_edit, name="district-edit"),
]
