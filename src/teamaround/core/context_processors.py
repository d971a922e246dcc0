"""Values every page template needs: the service and council names, the phase, navigation."""

from django.conf import settings

from teamaround.core.navigation import navigation_for


def service(request):
    return {
        "service_name": settings.TEAMAROUND_SERVICE_NAME,
        "council_name": settings.TEAMAROUND_COUNCIL_NAME,
        "service_phase": settings.TEAMAROUND_PHASE,
        "service_navigation": navigation_for(request),
    }
