"""Each ORUK filter against hand-built data where the right answer is known."""

from __future__ import annotations

import json
from datetime import time, timedelta

import pytest
from django.utils import timezone

from teamaround.core.access import SYSTEM
from teamaround.directory import geo, services
from tests.directory.oruk_checks import assert_valid, page_validator, validator

pytestmark = pytest.mark.django_db

ORUK = "/services/oruk"
NINE_KM_IN_DEGREES = 9000 / (geo.MILES_PER_DEGREE * 1609.344)


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["contents"]]


def link_names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["location"]["name"] for row in response.json()["contents"]]


@pytest.fixture
def sunday_and_weekdays(make_service):
    sunday = make_service("Sunday Stay and Play")
    services.service_opening_times_set(
        actor=SYSTEM, service=sunday, sessions=[("SU", time(10), time(12))]
    )
    weekdays = make_service("Weekday Drop In")
    services.service_opening_times_set(
        actor=SYSTEM,
        service=weekdays,
        sessions=[(day, time(9), time(17)) for day in ("MO", "TU", "WE", "TH", "FR")],
    )
    make_service("No Opening Times Given")
    return sunday, weekdays


def test_day_finds_the_service_open_on_sundays_only(client, sunday_and_weekdays):
    assert names(client.get(f"{ORUK}/services", {"day": "SU"})) == ["Sunday Stay and Play"]
    assert names(client.get(f"{ORUK}/services", {"day": "sunday"})) == ["Sunday Stay and Play"]
    assert names(client.get(f"{ORUK}/services", {"day": "MO"})) == ["Weekday Drop In"]
    assert names(client.get(f"{ORUK}/services", {"day": "SA"})) == []


def test_start_and_end_times_are_read_from_the_schedules(client, sunday_and_weekdays):
    get = lambda **q: names(client.get(f"{ORUK}/services", q))  # noqa: E731
    assert get(start_time="09:30") == ["Sunday Stay and Play"]
    assert get(start_time="09:00") == ["Sunday Stay and Play", "Weekday Drop In"]
    assert get(end_time="12:30:00") == ["Sunday Stay and Play"]
    assert get(day="MO", start_time="10:00") == []  # one session must meet all three
    assert get(day="TU", start_time="08:00", end_time="17:00") == ["Weekday Drop In"]


@pytest.fixture
def areas(make_service, essex):
    make_service("Colchester Carers", districts=["colchester"])
    make_service("Chelmsford Counselling", districts=["chelmsford"])
    # Covers Tendring, but runs a session in Braintree (CM7) too.
    make_service("Tendring Talk", districts=["tendring"], places=["CM7"])


def test_postcode_returns_only_the_services_covering_it(client, areas):
    get = lambda code: names(client.get(f"{ORUK}/services", {"postcode": code}))  # noqa: E731
    assert get("CO1 1AA") == ["Colchester Carers"]
    assert get("cm1 1qh") == ["Chelmsford Counselling"]
    assert get("CM7 1AA") == ["Tendring Talk"]  # by its location, not its area
    assert get("CO15") == ["Tendring Talk"]  # an outward code alone


def test_an_out_of_area_or_unknown_postcode_is_an_empty_list_never_everything(client, areas):
    for code in ("SS1 1AA", "ZZ9 9ZZ", "EH1 1YZ"):
        data = client.get(f"{ORUK}/services", {"postcode": code}).json()
        assert data["contents"] == [] and data["empty"], code
    links = client.get(f"{ORUK}/service_at_locations", {"postcode": "ZZ9 9ZZ"}).json()
    assert links["contents"] == []


@pytest.fixture
def near_and_far(make_service, make_organisation):
    """Two places of one service: one in the middle of CM1, one 9 km north of it."""
    service = make_service("Family Hub Sessions", districts=["chelmsford"])
    lat, lon = geo.centroid_for_postcode("CM1")
    for name, latitude in (("Near", lat), ("Far", lat + NINE_KM_IN_DEGREES)):
        place = services.location_create(
            actor=SYSTEM,
            organisation=service.organisation,
            name=name,
            latitude=latitude,
            longitude=lon,
        )
        services.service_location_add(actor=SYSTEM, service=service, location=place)
    far_only = make_service("Far Away Group", districts=["chelmsford"])
    place = services.location_create(
        actor=SYSTEM,
        organisation=far_only.organisation,
        name="Far Away",
        latitude=lat + NINE_KM_IN_DEGREES,
        longitude=lon,
    )
    services.service_location_add(actor=SYSTEM, service=far_only, location=place)
    return service


def test_proximity_applies_to_each_service_at_locations_own_location(client, near_and_far):
    query = {"postcode": "CM1 1QH", "proximity": "1000"}
    assert link_names(client.get(f"{ORUK}/service_at_locations", query)) == ["Near"]
    query["proximity"] = "10000"
    found = link_names(client.get(f"{ORUK}/service_at_locations", query))
    assert found[0] == "Near" and sorted(found[1:]) == ["Far", "Far Away"]  # nearest first


def test_proximity_on_services_keeps_those_with_a_place_that_near(client, near_and_far):
    get = lambda p: names(  # noqa: E731
        client.get(f"{ORUK}/services", {"postcode": "CM1 1QH", "proximity": p})
    )
    assert get("1000") == ["Family Hub Sessions"]
    assert get("10000.5") == ["Family Hub Sessions", "Far Away Group"]


def test_ages_are_numbers_as_the_profile_types_them(client, make_service):
    make_service("Toddlers", minimum_age=1, maximum_age=4)
    make_service("Teens", minimum_age=13, maximum_age=19)
    get = lambda **q: names(client.get(f"{ORUK}/services", q))  # noqa: E731
    assert get(minimum_age="0.5") == ["Teens", "Toddlers"]
    assert get(minimum_age="10") == ["Teens"]
    assert get(maximum_age="4.0") == ["Toddlers"]
    assert get(minimum_age="2", maximum_age="18") == []


def test_modified_after(client, make_service):
    make_service("Worry Busters")
    now = timezone.now()
    earlier = (now - timedelta(hours=1)).isoformat()
    later = (now + timedelta(hours=1)).isoformat()
    assert names(client.get(f"{ORUK}/services", {"modified_after": earlier})) == ["Worry Busters"]
    assert names(client.get(f"{ORUK}/services", {"modified_after": later})) == []


def test_minimal_gives_ids_and_last_modified_only(client, make_service):
    service = make_service("Worry Busters")
    data = client.get(f"{ORUK}/services", {"minimal": "true"}).json()
    assert data["contents"] == [
        {"id": str(service.pk), "last_modified": data["contents"][0]["last_modified"]}
    ]
    assert data["contents"][0]["last_modified"].endswith("Z")


def test_full_gives_fully_nested_services_that_validate(client, make_service):
    make_service("Worry Busters", places=["CM1"], is_free=False, cost_amount=3)
    data = client.get(f"{ORUK}/services", {"full": "true"}).json()
    service = data["contents"][0]
    assert_valid(validator("schema", "compiled", "service.json"), service)
    assert service["service_at_locations"] and service["cost_options"][0]["amount"] == 3
    links = client.get(f"{ORUK}/service_at_locations", {"full": "true"}).json()
    assert links["contents"][0]["service"]["attributes"]
    plain = client.get(f"{ORUK}/services").json()
    assert "service_at_locations" not in plain["contents"][0]


def test_ndjson_streams_every_service_without_pages(client, make_service):
    for n in range(3):
        make_service(f"Service {n}")
    response = client.get(f"{ORUK}/services", {"format": "ndjson", "per_page": "1"})
    assert response["Content-Type"] == "application/x-ndjson"
    assert response["Access-Control-Allow-Origin"] == "*"
    lines = b"".join(response.streaming_content).decode().splitlines()
    rows = [json.loads(line) for line in lines]
    assert [row["name"] for row in rows] == ["Service 0", "Service 1", "Service 2"]
    check = validator("schema", "compiled", "service_list.json")
    for row in rows:
        assert_valid(check, row)


def test_ndjson_still_refuses_a_malformed_page(client, make_service):
    """NDJSON ignores paging, but a page number the profile forbids is a 400, not a 200."""
    make_service("Young Carers")
    for bad in ({"page": "-3"}, {"per_page": "0"}, {"page": "x"}):
        response = client.get(f"{ORUK}/services", {"format": "ndjson", **bad})
        assert response.status_code == 400, bad


def test_ndjson_service_at_locations(client, make_service):
    make_service("Worry Busters", places=["CM1", "CM2"])
    response = client.get(f"{ORUK}/service_at_locations", {"format": "ndjson"})
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["service"]["name"] == "Worry Busters"


def test_organisation_filter_and_organisations_search(client, make_service, make_organisation):
    carers = make_organisation("Colchester Young Carers")
    make_service("Young Carers Club", organisation=carers)
    make_service("Worry Busters")
    assert names(client.get(f"{ORUK}/services", {"organization_id": str(carers.pk)})) == [
        "Young Carers Club"
    ]
    found = client.get(f"{ORUK}/organizations", {"search": "young carers"}).json()
    assert_valid(page_validator("schema", "compiled", "organization_list.json"), found)
    assert [o["name"] for o in found["contents"]] == ["Colchester Young Carers"]
    full = client.get(f"{ORUK}/organizations/{carers.pk}", {"full_service": "true"}).json()
    assert_valid(validator("schema", "compiled", "organization.json"), full)
    assert full["services"][0]["attributes"]


@pytest.mark.parametrize("value", ["0084-11-14T11:34:07+19:27", "0084-11-14T11:34:07+05:30"])
def test_modified_after_takes_any_offset_the_format_allows(client, value):
    """Found by schemathesis on PostgreSQL: an offset beyond PostgreSQL's ±15:59 was a 500."""
    response = client.get("/services/oruk/services", {"modified_after": value})
    assert response.status_code == 200


def test_a_place_is_found_by_its_postcode_area_however_the_postcode_is_written(
    client, make_service
):
    service = make_service("Tendring Talk", districts=["tendring"])
    place = services.location_create(
        actor=SYSTEM, organisation=service.organisation, name="Hall", postcode="cm71aa"
    )
    services.service_location_add(actor=SYSTEM, service=service, location=place)
    place.refresh_from_db()
    assert (place.postcode, place.outward_code) == ("CM71AA", "CM7")
    assert names(client.get(f"{ORUK}/services", {"postcode": "CM7 2ZZ"})) == ["Tendring Talk"]
    # A place moved to another area is found there, and no longer in the old one.
    place.postcode = "CM2 0AA"
    place.save(update_fields=["postcode"])
    assert names(client.get(f"{ORUK}/services", {"postcode": "CM7 2ZZ"})) == []
    assert "Tendring Talk" in names(client.get(f"{ORUK}/services", {"postcode": "CM2 9ZZ"}))
