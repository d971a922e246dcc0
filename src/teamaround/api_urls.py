"""The REST API, version 1. Each app's viewsets are registered here."""

from rest_framework.routers import DefaultRouter

from teamaround.accounts.api import AgencyViewSet, TeamViewSet
from teamaround.core.api_views import AuditEventViewSet, DistrictViewSet, QuadrantViewSet
from teamaround.directory import api as directory_api
from teamaround.earlyhelp import api as earlyhelp_api
from teamaround.frontdoor import api as frontdoor_api
from teamaround.governance import api as governance_api
from teamaround.panels import api as panels_api
from teamaround.people import api as people_api

# Path converters (uuid, slug) type the ids in the OpenAPI schema and reject bad ids early.
router = DefaultRouter(use_regex_path=False)
# No `.json` routes: the API answers JSON anyway, and the viewsets take no `format` argument.
router.include_format_suffixes = False
router.register("agencies", AgencyViewSet, basename="agency")
router.register("teams", TeamViewSet, basename="team")
router.register("districts", DistrictViewSet, basename="district")
router.register("quadrants", QuadrantViewSet, basename="quadrant")
router.register("audit-events", AuditEventViewSet, basename="audit-event")

people_api.register(router)
governance_api.register(router)
directory_api.register(router)
frontdoor_api.register(router)
earlyhelp_api.register(router)
panels_api.register(router)

urlpatterns = router.urls
