"""What the staff API's OpenAPI document says beyond what the views declare.

`page_of(Serializer)`: the schema of one page of a list, as `core.api.paginated` returns it
(count, next, previous, results), for the `@extend_schema(responses=...)` of a list that
paginates through a selector (DRF's own pagination schema needs a GenericViewSet).

`document_errors` (a drf-spectacular postprocessing hook): every operation of /api/v1/ may
answer 400 (what was wrong, by field), 401 (no valid token), 403 (not allowed; audited), 404
(no such record, or one the caller may not open) and 429 (over the token's rate limit), each
with a JSON body; the document says so, so that a client (and schemathesis) knows every answer.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

_PAGES: dict[type, type] = {}


def page_of(serializer_class: type[serializers.Serializer]) -> type[serializers.Serializer]:
    """A serializer describing one page of `serializer_class` records (one per class, so the
    document has one component for each: `<Name>Page`)."""
    if serializer_class not in _PAGES:
        name = serializer_class.__name__.removesuffix("Serializer")
        # many=False: a list action's response is otherwise wrapped in an array again.
        _PAGES[serializer_class] = extend_schema_serializer(many=False)(
            type(
                f"{name}Page",
                (serializers.Serializer,),
                {
                    "count": serializers.IntegerField(help_text="How many records in all."),
                    "next": serializers.URLField(
                        allow_null=True, help_text="The next page (null on the last)."
                    ),
                    "previous": serializers.URLField(
                        allow_null=True, help_text="The previous page (null on the first)."
                    ),
                    "results": serializer_class(many=True),
                    "__doc__": f"One page of {name} records (?page=N for the others).",
                },
            )
        )
    return _PAGES[serializer_class]


DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
    "description": "What went wrong, in words.",
}
PROBLEMS = {
    "type": "object",
    "additionalProperties": {},
    "description": "What was wrong with the request: for each field (or `non_field_errors`, "
    "or `detail` for a body that could not be read), its problems.",
}
ERRORS = {
    "400": ("The request was refused: nothing was changed.", "RequestProblems"),
    "401": ("No valid API token (or session) was sent.", "ErrorDetail"),
    "403": ("The caller may not do this; the refusal is recorded.", "ErrorDetail"),
    "404": ("No such record, or not one the caller may open.", "ErrorDetail"),
    "429": ("Too many requests with this token: wait, then try again.", "ErrorDetail"),
}


def document_errors(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("ErrorDetail", DETAIL)
    schemas.setdefault("RequestProblems", PROBLEMS)
    for path, operations in result.get("paths", {}).items():
        if not path.startswith("/api/v1/"):
            continue
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code, (description, component) in ERRORS.items():
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{component}"}
                            }
                        },
                    },
                )
    return result
