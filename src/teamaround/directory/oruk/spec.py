"""The Open Referral UK profile 3.0, vendored in `directory/specs/` (see its README.md), and the
OpenAPI document of our ORUK API built from the profile's own.

The profile's `openapi.json` has defects that stop a consumer's tooling (schemathesis, the
official validator, code generators) from using it as published. `openapi_document()` starts
from the vendored file, never edited, and applies each correction below, commented where it is
made. The result is what `/services/oruk/openapi.json` serves and what the tests run
schemathesis against, so what we describe and what we answer cannot drift apart.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path

SPECS = Path(__file__).resolve().parents[1] / "specs" / "oruk-uk-profile-3.0"
REMOTE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"

CLOCK = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(Z|[+-][0-9]{2}:[0-9]{2})?$"
POSTCODE = r"^\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]?(\s*[0-9][A-Za-z]{2})?\s*$"
# Free text with no NUL character: PostgreSQL text cannot hold one, so every page and API
# refuses it at the door (core.input_guard) with a 400 that the document must allow for.
NO_NUL = "^[^\\x00]*$"
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

# The schemas the document names, by their component name and vendored file.
SCHEMA_FILES = {
    "service": "compiled/service.json",
    "service_list": "compiled/service_list.json",
    "service_at_location": "compiled/service_at_location.json",
    "service_at_location_list": "compiled/service_at_location_list.json",
    "organization": "compiled/organization.json",
    "organization_list": "compiled/organization_list.json",
    "taxonomy": "taxonomy.json",
    "taxonomy_term": "taxonomy_term.json",
}


@cache
def _load(relative: str) -> str:
    return SPECS.joinpath(relative).read_text(encoding="utf-8")


def load(*parts: str) -> dict:
    """A vendored file, parsed afresh (callers may change what they get)."""
    return json.loads(_load("/".join(parts)))


def schema(name: str) -> dict:
    """One of the profile's JSON schemas, self-contained (references inlined)."""
    data = load("schema", *SCHEMA_FILES[name].split("/"))
    if name == "taxonomy":
        # taxonomy.json refers to "taxonomy_term.json" beside it.
        items = data["properties"]["taxonomy_terms"]["items"]
        items.pop("$ref", None)
        items.update(schema("taxonomy_term"))
    return data


def _minimal() -> dict:
    return {
        "type": "object",
        "required": ["id", "last_modified"],
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "last_modified": {"type": "string", "format": "date-time"},
        },
    }


def _param(name: str, schema_: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema_,
    }


def _error_responses(*codes: str) -> dict:
    text = {
        "400": "A parameter is not one the endpoint supports, or its value is not valid.",
        "404": "No published record has that id.",
    }
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {code: {"description": text[code], "content": body} for code in codes}


def _page_of(*items: str) -> dict:
    refs = [{"$ref": f"#/components/schemas/{item}"} for item in items]
    return {
        "allOf": [{"$ref": "#/components/schemas/Page"}],
        "required": ["contents"],
        "properties": {
            "contents": {"type": "array", "items": refs[0] if len(refs) == 1 else {"anyOf": refs}}
        },
    }


def openapi_document(server_url: str = "/services/oruk") -> dict:
    doc = copy.deepcopy(load("schema", "openapi.json"))
    # Correction 1: the document says "openapi": "3.0.0" but declares `jsonSchemaDialect`
    # (an OpenAPI 3.1 field) and its schemas are JSON Schema 2020-12: it is OpenAPI 3.1.
    doc["openapi"] = "3.1.0"
    # Correction 2: no `servers`; a consumer cannot tell where the API is.
    doc["servers"] = [{"url": server_url}]
    components = doc["components"]
    params = components["parameters"]
    # Correction 3: the response schemas are remote references to the profile's repository
    # (a consumer offline, or the repository moved, cannot resolve them): inlined from the
    # vendored copies as components.
    components["schemas"].update({name: schema(name) for name in SCHEMA_FILES})
    components["schemas"]["minimal_service"] = _minimal()
    components["schemas"]["Error"] = {
        "type": "object",
        "required": ["detail"],
        "properties": {"detail": {"type": "string"}, "errors": {"type": "object"}},
    }
    # Correction 4: Page lists its fields but requires none; every page has them all.
    page = components["schemas"]["Page"]
    page["required"] = list(page["properties"])
    # Correction 5: `start_time`/`end_time` have "type": "time", which is not a JSON Schema
    # type: strings in the schedules' HH:MM[:SS] form.
    for name in ("start_time", "end_time"):
        params[name]["schema"] = {"type": "string", "pattern": CLOCK}
    # Correction 6: `modified_after` has "format": "datetime"; the format is "date-time".
    params["modified_after"]["schema"] = {"type": "string", "format": "date-time"}
    # Correction 7: `proximity` is "meters from the centroid" but typed as a string; a number.
    params["proximity"]["schema"] = {"type": "number", "minimum": 0}
    # Correction 8: ranges the descriptions state but the schemas do not: pages count from 1,
    # ages are not negative, days are RFC 5545 codes (as in schedules' `byday`), ids are
    # UUIDs (HSDS 3), `format` is json or ndjson, a postcode looks like a UK postcode.
    params["page"]["schema"] = {"type": "integer", "minimum": 1}
    params["per_page"]["schema"] = {"type": "integer", "minimum": 1}
    for name in ("minimum_age", "maximum_age"):
        params[name]["schema"] = {"type": "number", "minimum": 0}
    params["day"]["schema"] = {"type": "string", "enum": DAYS}
    for name in ("taxonomy_term_id", "taxonomy_id", "organization_id"):
        params[name]["schema"] = {"type": "string", "format": "uuid"}
    params["format"]["schema"] = {"type": "string", "enum": ["json", "ndjson"]}
    params["postcode"]["schema"] = {"type": "string", "pattern": POSTCODE}
    # Correction 15: `search` and the path ids are any string, but one holding a NUL is refused
    # (core.input_guard): a consumer's generated request must not expect it to be answered.
    params["search"]["schema"] = {"type": "string", "pattern": NO_NUL}
    for item in doc["paths"].values():
        for param in item.get("parameters", []):
            if param.get("in") == "path" and param["schema"] == {"type": "string"}:
                param["schema"] = {"type": "string", "pattern": NO_NUL}
    params["parent_id"] = _param(
        "parent_id", {"type": "string", "format": "uuid"}, "Terms whose parent is this term."
    )
    paths = doc["paths"]
    ref = lambda name: {"$ref": f"#/components/parameters/{name}"}  # noqa: E731
    # Correction 9: parameters the document defines (and HSDS 3 core attaches) but attaches to
    # no operation: `organization_id`, `modified_after`, `minimal`, `full`, `format` on the
    # lists, and `postcode`/`proximity` on /services as well as /service_at_locations.
    shared = ["organization_id", "postcode", "proximity", "modified_after", "full", "format"]
    services = paths["/services"]["get"]
    services["parameters"] += [ref(n) for n in ["minimal", *shared]]
    links = paths["/service_at_locations"]["get"]
    links["parameters"] += [ref(n) for n in shared if n not in ("postcode", "proximity")]
    terms = paths["/taxonomy_terms"]["get"]
    terms["parameters"] += [ref("taxonomy_id"), ref("parent_id")]
    # Correction 10: the operationIds of /taxonomy_terms and /taxonomy_terms/{id} are swapped.
    terms["operationId"] = "getPaginatedListOfTaxonomyTerms"
    paths["/taxonomy_terms/{id}"]["get"]["operationId"] = "getTaxonomyTermById"
    # Correction 11: /service_at_locations/{id} is described by the *service* schema; it is a
    # service_at_location.
    _json(paths["/service_at_locations/{id}"]["get"])["schema"] = {
        "$ref": "#/components/schemas/service_at_location"
    }
    _json(paths["/services/{id}"]["get"])["schema"] = {"$ref": "#/components/schemas/service"}
    _json(paths["/taxonomies/{id}"]["get"])["schema"] = {"$ref": "#/components/schemas/taxonomy"}
    _json(paths["/taxonomy_terms/{id}"]["get"])["schema"] = {
        "$ref": "#/components/schemas/taxonomy_term"
    }
    # Lists: `minimal` gives id and last_modified only, `full` fully nested records.
    _json(services)["schema"] = _page_of("service_list", "service", "minimal_service")
    _json(links)["schema"] = _page_of("service_at_location_list", "service_at_location")
    _json(paths["/taxonomies"]["get"])["schema"] = _page_of("taxonomy")
    _json(terms)["schema"] = _page_of("taxonomy_term")
    # Correction 12: HSDS 3 core's /organizations and /organizations/{id}, which the profile's
    # document leaves out though its schemas and examples include organizations.
    paths["/organizations"] = {"get": _organisations_list()}
    paths["/organizations/{id}"] = _organisation_detail()
    # Correction 13: `format=ndjson` streams every record, one JSON object a line (HSDS 3
    # core), but no response declares that media type.
    for operation in (services, links):
        name = "service_list" if operation is services else "service_at_location_list"
        operation["responses"]["200"]["content"]["application/x-ndjson"] = {
            "schema": {"$ref": f"#/components/schemas/{name}"}
        }
    # Correction 14: no error responses are documented. Every error is JSON: 400 for a
    # parameter we do not support or a bad value, 404 for an id we do not publish.
    for path, item in paths.items():
        operation = item["get"]
        operation["responses"].update(_error_responses("400"))
        if "{id}" in path:
            operation["responses"].update(_error_responses("404"))
    doc["info"]["description"] += (
        ". Served by TeamAround: the profile's document with the corrections listed in "
        "teamaround.directory.oruk.spec (OpenAPI 3.1, local schemas, every parameter attached)."
    )
    return doc


def _json(operation: dict) -> dict:
    return operation["responses"]["200"]["content"]["application/json"]


def _organisations_list() -> dict:
    return {
        "summary": "Paginated listing of organizations.",
        "operationId": "getPaginatedListOfOrganizations",
        "parameters": [
            {"$ref": "#/components/parameters/search"},
            {"$ref": "#/components/parameters/page"},
            {"$ref": "#/components/parameters/per_page"},
        ],
        "responses": {
            "200": {
                "description": "Paginated listing of organizations.",
                "content": {"application/json": {"schema": _page_of("organization_list")}},
            }
        },
    }


def _organisation_detail() -> dict:
    return {
        "parameters": [
            {
                "in": "path",
                "name": "id",
                "required": True,
                "description": "The id of the organization.",
                "schema": {"type": "string"},
            }
        ],
        "get": {
            "summary": "An organization with its services.",
            "operationId": "getOrganizationById",
            "parameters": [{"$ref": "#/components/parameters/full_service"}],
            "responses": {
                "200": {
                    "description": "The organization, with its services.",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/organization"}
                        }
                    },
                }
            },
        },
    }


def supported_parameters(path: str) -> frozenset[str]:
    """The query parameters our document attaches to `path`'s GET: the only ones accepted."""
    doc = _document_for_parameters()
    params = doc["paths"][path]["get"].get("parameters", [])
    names = set()
    for param in params:
        if "$ref" in param:
            param = doc["components"]["parameters"][param["$ref"].rsplit("/", 1)[-1]]
        if param.get("in") == "query":
            names.add(param["name"])
    return frozenset(names)


@cache
def _document_for_parameters() -> dict:
    return openapi_document()
