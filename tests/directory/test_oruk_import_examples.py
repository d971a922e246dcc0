"""The profile's own example files go through the importer, each with its expected result; an
imported record is published again with every field it arrived with; imports are namespaced
by their source; links must be http(s); every problem is reported."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from teamaround.core.access import SYSTEM
from teamaround.directory.models import Organisation, Service, Taxonomy, TaxonomyTerm
from teamaround.directory.oruk.feed import FeedRejected, oruk_feed_import
from teamaround.directory.oruk.spec import SPECS
from tests.directory.oruk_checks import assert_valid, validator

pytestmark = pytest.mark.django_db

EXAMPLE_SERVICE = "ac148810-d857-441c-9679-408f346de14b"


def example(name: str):
    """An example file; its assured_date made recent, so the service is in date and public
    (assured in 2005, it would be hidden as overdue for review)."""
    data = json.loads((SPECS / "examples" / name).read_text(encoding="utf-8"))
    if name == "service_full.json":
        data["assured_date"] = date.today().isoformat()
    return data


# name -> (services, organisations, taxonomies, terms) created by importing it alone
EXPECTED = {
    "service_full.json": (1, 1, 0, 0),
    "service_list.json": (1, 1, 0, 0),
    "service_at_location_full.json": (1, 1, 0, 0),
    "service_at_location_list.json": (1, 1, 0, 0),
    "organization_full.json": (1, 1, 0, 0),
    "organization_list.json": (0, 1, 0, 0),
    "taxonomy.json": (0, 0, 1, 1),
    "taxonomy_list.json": (0, 0, 1, 0),
    "taxonomy_term.json": (0, 0, 0, 1),
    "taxonomy_term_list.json": (0, 0, 0, 1),
}


def test_every_example_file_is_covered():
    assert set(EXPECTED) == {p.name for p in (SPECS / "examples").glob("*.json")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_profile_example_imports_with_its_expected_result(essex, name):
    report = oruk_feed_import(actor=SYSTEM, feed=example(name), source="example.org")
    services, organisations, taxonomies, terms = EXPECTED[name]
    assert (report.services_created, report.organisations_created) == (services, organisations)
    assert (report.taxonomies, report.taxonomy_terms) == (taxonomies, terms)
    assert Service.objects.count() == services
    assert Organisation.objects.count() == organisations
    assert Taxonomy.objects.count() >= taxonomies
    if services and "location" in json.dumps(example(name)):
        # The example's latitude 100 is outside WGS84: reported, and not stored.
        assert any("latitude 100" in note for note in report.notes)


def test_an_imported_service_is_published_with_every_field_it_arrived_with(client, essex):
    sent = example("service_full.json")
    oruk_feed_import(actor=SYSTEM, feed=copy.deepcopy(sent), source="example.org")
    published = client.get(f"/services/oruk/services/{EXAMPLE_SERVICE}").json()
    assert_valid(validator("schema", "compiled", "service.json"), published)
    for name in ("fees", "accreditations", "assurer_email", "languages", "funding"):
        assert published[name] == sent[name], name
    assert published["last_modified"] == sent["last_modified"]
    schedule = published["schedules"][0]
    for name in ("valid_from", "valid_to", "dtstart", "bymonthday", "notes", "attending_type"):
        assert schedule[name] == sent["schedules"][0][name], name
    assert published["service_areas"][0]["extent"] == sent["service_areas"][0]["extent"]
    assert published["cost_options"][0]["valid_from"] == sent["cost_options"][0]["valid_from"]
    location = published["service_at_locations"][0]["location"]
    assert location["external_identifier"] == "10092008082"
    assert "latitude" not in location  # 100 was not a latitude
    assert (
        location["accessibility"][0]["details"]
        == sent["service_at_locations"][0]["location"]["accessibility"][0]["details"]
    )
    organisation = published["organization"]
    for name in ("logo", "uri", "parent_organization_id"):
        assert organisation[name] == sent["organization"][name], name
    listed = client.get("/services/oruk/services").json()["contents"][0]
    assert listed["fees"] == sent["fees"] and "schedules" not in listed


def test_an_edit_here_wins_over_the_publishers_copy(client, essex):
    from teamaround.directory.services import service_update

    oruk_feed_import(actor=SYSTEM, feed=example("service_full.json"), source="example.org")
    service = Service.objects.get(source="example.org")
    service_update(
        actor=SYSTEM,
        service=service,
        name="Counselling (checked)",
        access_routes=["self_referral"],
    )
    published = client.get(f"/services/oruk/services/{service.pk}").json()
    assert published["name"] == "Counselling (checked)"
    assert published["fees"]  # what was not edited is still the publisher's
    assert published["last_modified"] != example("service_full.json")["last_modified"]


def test_an_import_never_overwrites_a_local_record_that_shares_an_id(make_service, essex):
    local = make_service("Our Own Service", id=EXAMPLE_SERVICE)
    oruk_feed_import(actor=SYSTEM, feed=example("service_full.json"), source="example.org")
    local.refresh_from_db()
    assert local.name == "Our Own Service" and local.source == ""
    imported = Service.objects.get(source="example.org")
    assert str(imported.source_id) == EXAMPLE_SERVICE and imported.pk != local.pk
    assert imported.name == "Community Counselling"


def test_a_reimport_updates_only_that_publishers_records(essex):
    oruk_feed_import(actor=SYSTEM, feed=example("service_full.json"), source="example.org")
    other = example("service_full.json")
    other["name"] = "Another publisher's copy"
    oruk_feed_import(actor=SYSTEM, feed=other, source="other.example.net")
    again = example("service_full.json")
    again["name"] = "Community Counselling, renamed"
    report = oruk_feed_import(actor=SYSTEM, feed=again, source="example.org")
    assert (report.services_created, report.services_updated) == (0, 1)
    assert Service.objects.get(source="example.org").name == "Community Counselling, renamed"
    assert Service.objects.get(source="other.example.net").name == "Another publisher's copy"
    assert Service.objects.count() == 2 and Organisation.objects.count() == 2


def test_links_that_are_not_http_are_refused_and_every_problem_is_reported(essex):
    bad = example("service_full.json")
    bad["url"] = "javascript:alert(document.cookie)"
    bad["organization"]["logo"] = "data:image/png;base64,AAAA"
    bad["schedules"][0]["schedule_link"] = "ftp://example.com/times"
    bad["status"] = "open"
    bad["minimum_age"] = -3
    with pytest.raises(FeedRejected) as caught:
        oruk_feed_import(actor=SYSTEM, feed=bad, source="example.org")
    found = {str(p) for p in caught.value.problems}
    assert "service.url: 'javascript:alert(document.cookie)' is not an http or https link" in found
    assert any(p.startswith("service.organization.logo") for p in found)
    assert any(p.startswith("service.schedules[0].schedule_link") for p in found)
    assert any(p.startswith("service.status") for p in found)
    assert "service.minimum_age: -3 is not an age from 0 to 150" in found
    assert Service.objects.count() == 0 and TaxonomyTerm.objects.count() == 0


def test_a_document_that_is_no_oruk_record_says_so(essex):
    with pytest.raises(FeedRejected) as caught:
        oruk_feed_import(actor=SYSTEM, feed={"id": "x", "colour": "red"}, source="example.org")
    assert "is not an ORUK service" in str(caught.value.problems[0])
