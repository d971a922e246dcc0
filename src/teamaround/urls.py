"""Project URLs: each app's pages, the API with its schema and docs, and the health check."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from teamaround.core.views.pages import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include("teamaround.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("teamaround.accounts.urls")),
    path("people/", include("teamaround.people.urls")),
    path("services/", include("teamaround.directory.urls")),
    path("panels/", include("teamaround.panels.urls")),
    path("hub/", include("teamaround.frontdoor.urls")),
    path("ask-for-help/", include("teamaround.frontdoor.public_urls")),
    path("early-help/", include("teamaround.earlyhelp.urls")),
    path("", include("teamaround.core.urls")),
]

handler404 = "teamaround.core.views.errors.not_found"
handler403 = "teamaround.core.views.errors.forbidden"
handler500 = "teamaround.core.views.errors.server_error"
