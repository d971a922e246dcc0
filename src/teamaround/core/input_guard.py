"""Input no page or API may be given: NUL characters in the address or a form (PostgreSQL
text cannot hold them, so they would fail deep inside a query as a 500). Refused at the door
with a 400: the GOV.UK page, or DRF's JSON shape under /api/."""

from django.http import JsonResponse
from django.shortcuts import render

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(query) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in query.lists())


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        form = request.content_type in FORM_TYPES and request.method == "POST"
        if "\x00" in request.path or _has_nul(request.GET) or (form and _has_nul(request.POST)):
            message = "Text must not contain NUL characters."
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return render(request, "400.html", {"message": message}, status=400)
        return self.get_response(request)
