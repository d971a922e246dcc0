"""Project URLs: each app's pages, the API with its schema and docs, and the health check."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from teamaround.core.api_docs import DocsVisible, staff_docs
from teamaround.core.views.pages import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include("teamaround.api_urls")),
    # The staff API's schema and docs: signed-in staff only in production (core.api_docs).
    path(
        "api/schema/",
        SpectacularAPIView.as_view(permission_classes=[DocsVisible]),
        name="api-schema",
    ),
    # Swagger UI's script is a separate file (the split view), so the policy allows no inline
    # script; its stylesheet sets styles inline, allowed on this page only.
    path(
        "api/docs/",
        staff_docs(
            csp_replace({"style-src": [SELF, UNSAFE_INLINE]})(
                SpectacularSwaggerSplitView.as_view(url_name="api-schema")
            )
        ),
        name="api-docs",
    ),
    path("", include("teamaround.accounts.urls")),
    path("people/", include("teamaround.people.urls")),
    path("services/", include("teamaround.directory.urls")),
    path("panels/", include("teamaround.panels.urls")),
    path("hub/", include("teamaround.frontdoor.urls")),
    path("ask-for-help/", include("teamaround.frontdoor.public_urls")),
    path("early-help/", include("teamaround.earlyhelp.urls")),
    path("social-care/", include("teamaround.socialcare.urls")),
    path("governance/", include("teamaround.governance.urls")),
    path("commissioning/", include("teamaround.commissioning.urls")),
    path("", include("teamaround.core.urls")),
]

handler404 = "teamaround.core.views.errors.not_found"
handler403 = "teamaround.core.views.errors.forbidden"
handler500 = "teamaround.core.views.errors.server_error"
