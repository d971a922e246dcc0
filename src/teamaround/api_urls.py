"""The REST API, version 1. Each app's viewsets are registered here."""

from rest_framework.routers import DefaultRouter

from teamaround.accounts.api import AgencyViewSet, TeamViewSet
from teamaround.core.api_views import AuditEventViewSet, DistrictViewSet, QuadrantViewSet

router = DefaultRouter()
router.register("agencies", AgencyViewSet, basename="agency")
router.register("teams", TeamViewSet, basename="team")
router.register("districts", DistrictViewSet, basename="district")
router.register("quadrants", QuadrantViewSet, basename="quadrant")
router.register("audit-events", AuditEventViewSet, basename="audit-event")

urlpatterns = router.urls
