"""The Open Referral UK read API: every endpoint's response validates against the UK profile
3.0 JSON schemas published by the standard's maintainers (vendored in the repository)."""

from __future__ import annotations

import pytest

from tests.directory.conftest import oruk_schema
from tests.directory.oruk_checks import assert_valid, page_validator, validator

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(make_service, make_organisation):
    org = make_organisation(
        "Colchester Young Carers",
        email="info@carers.example.org",
        website="https://carers.example.org",
        identifier_scheme="GB-CHC",
        identifier="1234567",
    )
    first = make_service(
        "Young Carers Club",
        organisation=org,
        places=["CO1", "CO3"],
        districts=["colchester", "tendring"],
        minimum_age=8,
        maximum_age=18,
        is_free=False,
        cost_amount=5,
        cost_description="per session",
        url="https://carers.example.org/club",
        email="club@carers.example.org",
    )
    make_service("Worry Busters", places=["CM1"], needs=["emotional-health", "parenting"])
    return first


def test_the_validators_can_fail():
    """A check that cannot fail proves nothing: a service without its name is refused."""
    check = validator("schema", "compiled", "service.json")
    assert list(check.iter_errors({"id": "not-a-uuid", "status": "open"}))


def test_published_examples_validate_so_the_validators_are_set_up_right():
    assert_valid(
        validator("schema", "compiled", "service.json"),
        oruk_schema("examples", "service_full.json"),
    )
    assert_valid(
        page_validator("schema", "compiled", "service_list.json"),
        oruk_schema("examples", "service_list.json"),
    )


def test_services_list_validates(client, directory):
    data = client.get("/services/oruk/services").json()
    assert_valid(page_validator("schema", "compiled", "service_list.json"), data)
    assert data["total_items"] == 2 and data["first_page"] and data["last_page"]


def test_service_detail_validates_fully_nested(client, directory):
    data = client.get(f"/services/oruk/services/{directory.pk}").json()
    assert_valid(validator("schema", "compiled", "service.json"), data)
    assert len(data["service_at_locations"]) == 2
    assert data["cost_options"][0]["amount"] == 5
    assert {a["taxonomy_term"]["name"] for a in data["attributes"]} >= {
        "Emotional health and wellbeing",
        "Level 2: Additional",
    }
    assert {area["name"] for area in data["service_areas"]} == {"Colchester", "Tendring"}


def test_service_at_locations_validate_and_sort_by_distance(client, directory):
    data = client.get("/services/oruk/service_at_locations", {"postcode": "CM1 1QH"}).json()
    assert_valid(page_validator("schema", "compiled", "service_at_location_list.json"), data)
    assert data["contents"][0]["service"]["name"] == "Worry Busters"
    one = client.get(f"/services/oruk/service_at_locations/{data['contents'][0]['id']}").json()
    assert_valid(validator("schema", "compiled", "service_at_location.json"), one)


def test_organizations_validate(client, directory):
    data = client.get("/services/oruk/organizations").json()
    assert_valid(page_validator("schema", "compiled", "organization_list.json"), data)
    org = client.get(f"/services/oruk/organizations/{directory.organisation_id}").json()
    assert_valid(validator("schema", "compiled", "organization.json"), org)
    assert org["organization_identifiers"][0]["identifier"] == "1234567"


def test_taxonomies_and_terms_validate(client, directory):
    taxonomies = client.get("/services/oruk/taxonomies").json()
    assert_valid(page_validator("schema", "taxonomy.json"), taxonomies)
    terms = client.get("/services/oruk/taxonomy_terms", {"per_page": 5}).json()
    assert_valid(page_validator("schema", "taxonomy_term.json"), terms)
    assert terms["size"] == 5 and terms["total_items"] == 16 and not terms["last_page"]
    needs = taxonomies["contents"][0]
    full = client.get(f"/services/oruk/taxonomies/{needs['id']}").json()
    assert_valid(validator("schema", "taxonomy.json"), full)
    assert len(full["taxonomy_terms"]) == 12


def test_filters_by_taxonomy_term_text_and_proximity(client, directory):
    terms = client.get("/services/oruk/taxonomy_terms", {"per_page": 50}).json()["contents"]
    parenting = next(t for t in terms if t.get("term") == "parenting")
    names = lambda r: [s["name"] for s in r.json()["contents"]]  # noqa: E731
    assert names(client.get("/services/oruk/services", {"taxonomy_term_id": parenting["id"]})) == [
        "Worry Busters"
    ]
    assert names(client.get("/services/oruk/services", {"search": "carers club"})) == [
        "Young Carers Club"
    ]
    near = client.get("/services/oruk/services", {"postcode": "CO1 1AA", "proximity": "5000"})
    assert names(near) == ["Young Carers Club"]


def test_bad_parameters_are_a_400_and_unknown_ids_a_404(client, directory):
    assert client.get("/services/oruk/services", {"per_page": "lots"}).status_code == 400
    assert client.get(f"/services/oruk/services/{directory.organisation_id}").status_code == 404
