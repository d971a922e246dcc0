"""What a consumer's checks ask of the ORUK API beyond the shape of its records: any site may
read it (CORS), every answer is JSON (errors too), any paging value gives a well-formed page,
an unsupported parameter is refused by name, and the API describes itself."""

from __future__ import annotations

import json
import re

import pytest

from tests.directory.oruk_checks import assert_valid, page_validator, validator

pytestmark = pytest.mark.django_db

ORUK = "/services/oruk"


@pytest.fixture
def two_services(make_service):
    return [make_service("Worry Busters", places=["CM1"]), make_service("Young Carers Club")]


@pytest.mark.parametrize(
    "path", ["/", "/services", "/service_at_locations", "/organizations", "/taxonomies"]
)
def test_every_answer_may_be_read_from_any_site(client, two_services, path):
    plain = client.get(f"{ORUK}{path}")
    from_elsewhere = client.get(f"{ORUK}{path}", HTTP_ORIGIN="https://finder.example.org")
    assert plain["Access-Control-Allow-Origin"] == "*"
    assert from_elsewhere["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in from_elsewhere


def test_errors_may_be_read_from_any_site_too(client, db):
    assert client.get(f"{ORUK}/services/nope")["Access-Control-Allow-Origin"] == "*"
    assert client.get(f"{ORUK}/services", {"colour": "red"})["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_request_is_answered(client, db):
    response = client.options(
        f"{ORUK}/services",
        HTTP_ORIGIN="https://finder.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_cors_is_opened_for_the_oruk_feed_only(client, db):
    response = client.get("/api/", HTTP_ORIGIN="https://finder.example.org")
    assert "Access-Control-Allow-Origin" not in response
    response = client.get("/services/", HTTP_ORIGIN="https://finder.example.org")
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize(
    "path",
    [
        "/services/not-a-uuid",
        "/services/5c4d79d7-cc55-470e-9f1f-8cad074e4892",
        "/service_at_locations/42",
        "/organizations/5c4d79d7-cc55-470e-9f1f-8cad074e4892",
        "/taxonomies/x",
        "/taxonomy_terms/5c4d79d7-cc55-470e-9f1f-8cad074e4892",
        "/no-such-thing",
        "/services/a/b",
    ],
)
def test_unknown_and_malformed_ids_are_json_404s(client, db, path):
    response = client.get(f"{ORUK}{path}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_paths_answer_with_or_without_a_trailing_slash(client, two_services):
    assert client.get(f"{ORUK}/services/").json()["total_items"] == 2
    assert client.get(f"{ORUK}/services/{two_services[0].pk}/").json()["name"] == "Worry Busters"


@pytest.mark.parametrize(
    "query",
    [
        {"per_page": str(10**40)},
        {"page": str(10**40)},
        {"page": "3", "per_page": "1"},
        {"per_page": "1"},
        {"page": "2"},
    ],
)
def test_any_paging_value_gives_a_well_formed_page(client, two_services, query):
    response = client.get(f"{ORUK}/services", query)
    assert response.status_code == 200
    data = response.json()
    assert_valid(page_validator("schema", "compiled", "service_list.json"), data)
    assert data["size"] == len(data["contents"]) <= 200
    assert data["total_items"] == 2


def test_past_the_last_page_is_an_empty_page_not_an_error(client, two_services):
    data = client.get(f"{ORUK}/services", {"page": "3", "per_page": "1"}).json()
    assert data["contents"] == [] and data["last_page"] and not data["first_page"]
    assert data["total_pages"] == 2 and not data["empty"]


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ({"per_page": "lots"}, "per_page"),
        ({"page": "0"}, "page"),
        ({"per_page": "-5"}, "per_page"),
        ({"page": "1.5"}, "page"),
        ({"colour": "red"}, "colour"),
        ({"format": "xml"}, "format"),
        ({"day": "Funday"}, "day"),
        ({"start_time": "9am"}, "start_time"),
        ({"minimum_age": "five"}, "minimum_age"),
        ({"maximum_age": "-1"}, "maximum_age"),
        ({"modified_after": "yesterday"}, "modified_after"),
        ({"taxonomy_term_id": "parenting"}, "taxonomy_term_id"),
        ({"minimal": "perhaps"}, "minimal"),
        ({"postcode": "not a postcode"}, "postcode"),
        ({"proximity": "1000"}, "proximity"),
    ],
)
def test_bad_or_unsupported_parameters_are_a_400_that_says_which(client, db, query, named):
    response = client.get(f"{ORUK}/services", query)
    assert response.status_code == 400
    body = response.json()
    assert named in body["errors"] and body["detail"].startswith(named)


def test_a_parameter_of_another_endpoint_is_refused_by_name(client, db):
    body = client.get(f"{ORUK}/taxonomies", {"search": "parenting"}).json()
    assert "search is not supported by /taxonomies" in body["detail"]
    assert "page, per_page" in body["detail"]


def test_the_root_points_at_the_oruk_apis_own_openapi_document(client, db):
    root = client.get(f"{ORUK}/").json()
    assert root["version"] == "3.0"
    assert root["openapi_url"] == "http://testserver/services/oruk/openapi.json"
    document = client.get(root["openapi_url"]).json()
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "http://testserver/services/oruk"}]
    assert {"/services", "/services/{id}", "/service_at_locations", "/organizations"} <= set(
        document["paths"]
    )
    assert "service" in document["components"]["schemas"]
    assert "https://raw.githubusercontent" not in json.dumps(document)


def test_full_service_at_location_validates(client, two_services):
    link = client.get(f"{ORUK}/service_at_locations").json()["contents"][0]
    one = client.get(f"{ORUK}/service_at_locations/{link['id']}").json()
    assert_valid(validator("schema", "compiled", "service_at_location.json"), one)
    assert one["service"]["name"] == "Worry Busters"
    assert one["service"]["service_at_locations"][0]["id"] == link["id"]


@pytest.mark.parametrize(
    ("path", "query"),
    [("/services", {"search": "worry\x00busters"}), ("/services/a\x00b", {})],
)
def test_a_nul_character_is_a_json_400_and_the_document_excludes_it(client, db, path, query):
    """PostgreSQL text cannot hold NUL, so it is refused at the door; the document's patterns
    say so, so that a generated request (schemathesis, a consumer's client) never sends one
    expecting an answer."""
    response = client.get(f"{ORUK}{path}", query)
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]
    document = client.get(f"{ORUK}/openapi.json").json()
    search = document["components"]["parameters"]["search"]["schema"]["pattern"]
    path_id = document["paths"]["/services/{id}"]["parameters"][0]["schema"]["pattern"]
    for pattern in (search, path_id):
        assert re.search(pattern, "worry busters")
        assert not re.search(pattern, "worry\x00busters")
