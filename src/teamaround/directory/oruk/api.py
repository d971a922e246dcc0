"""The Open Referral UK read API: public, read-only, paginated the ORUK way.

Mounted under /services/oruk/. Anyone may read it without signing in (it is the public
directory), so it authenticates nobody and can never show professional-only fields. Every
answer is JSON (errors included) and carries `Access-Control-Allow-Origin: *`, so any site may
consume it; preflight requests are answered by django-cors-headers (settings.CORS_URLS_REGEX).
"""

from __future__ import annotations

import json
import logging
import math
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from teamaround.core.ratelimits import PublicApiThrottle
from teamaround.directory.oruk import ORUK_PROFILE, ORUK_VERSION, spec
from teamaround.directory.oruk.params import BadParameter, Params

MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 50
log = logging.getLogger(__name__)


class JsonOnly(BaseContentNegotiation):
    """ORUK is JSON: whatever the Accept header, and `format` is ORUK's parameter, not DRF's."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def oruk_exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        log.exception("The ORUK API failed", exc_info=exc)
        return Response({"detail": "Something went wrong on our side."}, status=500)
    body = {"detail": str(response.data.get("detail", "Bad request."))}
    if isinstance(exc, BadParameter):
        body["errors"] = exc.errors
    response.data = body
    return response


class OrukView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicApiThrottle]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JsonOnly
    oruk_path = ""

    def get_exception_handler(self):
        return oruk_exception_handler

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def params(self, request) -> Params:
        return Params(request, self.oruk_path)


def record_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as error:
        raise NotFound(f"No published record has the id {str(value)[:60]!r}.") from error


def oruk_page(params: Params, items, serialise) -> Response:
    """ORUK's page: total_items, total_pages, page_number, size, first/last page, empty. Any
    page number gives a well-formed page (past the last, an empty one)."""
    per_page = min(params.integer("per_page", minimum=1) or DEFAULT_PER_PAGE, MAX_PER_PAGE)
    page_number = params.integer("page", minimum=1) or 1
    total = len(items) if isinstance(items, list) else items.count()
    total_pages = max(1, math.ceil(total / per_page))
    contents = []
    if page_number <= total_pages:
        start = (page_number - 1) * per_page
        contents = [serialise(item) for item in items[start : start + per_page]]
    return Response(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page_number,
            "size": len(contents),
            "first_page": page_number == 1,
            "last_page": page_number >= total_pages,
            "empty": total == 0,
            "contents": contents,
        }
    )


def ndjson(items, serialise) -> StreamingHttpResponse:
    """Every record, one JSON object a line, streamed in chunks (HSDS 3 `format=ndjson`)."""

    def lines():
        for item in items.iterator(chunk_size=500):
            yield json.dumps(serialise(item), cls=DjangoJSONEncoder) + "\n"

    return StreamingHttpResponse(lines(), content_type="application/x-ndjson")


def listing(params: Params, items, serialise):
    if params.choice("format", ("json", "ndjson"), "json") == "ndjson":
        # Every record, so paging does not apply; a malformed page is still refused (400).
        params.integer("per_page", minimum=1)
        params.integer("page", minimum=1)
        return ndjson(items, serialise)
    return oruk_page(params, items, serialise)


class ApiInfo(OrukView):
    oruk_path = "/"

    @extend_schema(exclude=True)
    def get(self, request):
        self.params(request)
        return Response(
            {
                "version": ORUK_VERSION,
                "profile": ORUK_PROFILE,
                "openapi_url": request.build_absolute_uri(reverse("directory:oruk-openapi")),
            }
        )


class OpenApiDocument(OrukView):
    """The OpenAPI document of this ORUK API (the profile's, corrected: see oruk.spec)."""

    @extend_schema(exclude=True)
    def get(self, request):
        base = request.build_absolute_uri(reverse("directory:oruk-root")).rstrip("/")
        return Response(spec.openapi_document(server_url=base))


class NoSuchPath(OrukView):
    @extend_schema(exclude=True)
    def get(self, request, rest=""):
        raise NotFound(
            f"The ORUK API has no /{rest}. Its endpoints are listed in its OpenAPI document."
        )
