"""Who may read the staff API's OpenAPI schema and Swagger docs: anyone on a demo site, only
signed-in staff in production (TEAMAROUND_API_DOCS_PUBLIC). The directory's Open Referral UK
API publishes its own open document at /services/oruk/openapi.json."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from rest_framework.permissions import BasePermission


def docs_public() -> bool:
    return settings.TEAMAROUND_API_DOCS_PUBLIC


class DocsVisible(BasePermission):
    """The schema: open on a demo site, otherwise signed-in staff (401 for anyone else)."""

    def has_permission(self, request, view):
        return docs_public() or bool(request.user and request.user.is_authenticated)


def staff_docs(view):
    """The docs page: anyone not allowed is sent to sign in, then back here."""

    def wrapped(request, *args, **kwargs):
        if not (docs_public() or request.user.is_authenticated):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped
