"""Validating our ORUK responses against the profile's own JSON schemas (vendored)."""

from __future__ import annotations

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012 as _DRAFT

from tests.directory.conftest import ORUK_SPECS, oruk_schema

PAGE_FIELDS = [
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
]


def _registry() -> Registry:
    resources = [
        (
            path.name,
            Resource.from_contents(oruk_schema("schema", path.name), default_specification=_DRAFT),
        )
        for path in sorted((ORUK_SPECS / "schema").glob("*.json"))
        if path.name != "openapi.json"
    ]
    return Registry().with_resources(resources)


def validator(*parts: str) -> Draft202012Validator:
    return Draft202012Validator(
        oruk_schema(*parts), registry=_registry(), format_checker=FormatChecker()
    )


def page_validator(*item_parts: str) -> Draft202012Validator:
    """ORUK's Page (from the profile's OpenAPI document) with contents of the given schema."""
    page = oruk_schema("schema", "openapi.json")["components"]["schemas"]["Page"]
    schema = {
        "allOf": [page],
        "required": PAGE_FIELDS,
        "properties": {"contents": {"type": "array", "items": oruk_schema(*item_parts)}},
    }
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def assert_valid(check: Draft202012Validator, data) -> None:
    errors = [f"{e.json_path}: {e.message}" for e in check.iter_errors(data)]
    assert not errors, "\n".join(errors[:20])
