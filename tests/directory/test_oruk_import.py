"""Importing an Open Referral UK feed: a malformed feed reports every problem and writes
nothing; a valid feed imported twice creates nothing twice."""

from __future__ import annotations

import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from jsonschema import Draft202012Validator, FormatChecker

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.directory.models import (
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from teamaround.directory.oruk.feed import FeedRejected, oruk_feed_import
from tests.directory.conftest import FEED, oruk_schema

pytestmark = pytest.mark.django_db

MODELS = (Organisation, Service, Location, ServiceAtLocation, Schedule, TaxonomyTerm)


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_fixture_feed_is_valid_oruk(oruk_feed):
    check = Draft202012Validator(
        oruk_schema("schema", "compiled", "service.json"), format_checker=FormatChecker()
    )
    for service in oruk_feed["services"]:
        assert not list(check.iter_errors(service))


def test_a_valid_feed_imported_twice_creates_nothing_twice(essex, oruk_feed):
    first = oruk_feed_import(actor=SYSTEM, feed=oruk_feed)
    after_first = counts()
    assert (first.services_created, first.organisations_created) == (3, 2)
    assert after_first == {
        "Organisation": 2,
        "Service": 3,
        "Location": 2,
        "ServiceAtLocation": 2,
        "Schedule": 1,
        "TaxonomyTerm": 1,
    }
    second = oruk_feed_import(actor=SYSTEM, feed=copy.deepcopy(oruk_feed))
    assert counts() == after_first
    assert (second.services_created, second.services_updated) == (0, 3)

    calm = Service.objects.get(name="Calm Minds Parent Group")
    assert [d.code for d in calm.districts.all()] == ["colchester"]
    assert [n.code for n in calm.needs_met.all()] == ["emotional-health"]
    assert [level.number for level in calm.levels.all()] == [2]
    assert calm.other_terms.get().name == "Peer support"
    assert any("Suffolk" in note.title() for note in first.notes)
    assert not Service.objects.get(name="Dads Together").is_free


def test_a_changed_feed_updates_the_same_records(essex, oruk_feed):
    oruk_feed_import(actor=SYSTEM, feed=oruk_feed)
    changed = copy.deepcopy(oruk_feed)
    changed["services"][2]["name"] = "Seafront Youth Club and Cafe"
    changed["services"][0]["schedules"] = []
    oruk_feed_import(actor=SYSTEM, feed=changed)
    assert Service.objects.filter(name="Seafront Youth Club and Cafe").count() == 1
    assert Service.objects.count() == 3 and Schedule.objects.count() == 0


def test_a_malformed_feed_reports_every_problem_and_writes_nothing(essex, oruk_feed):
    bad = copy.deepcopy(oruk_feed)
    del bad["services"][0]["name"]
    bad["services"][1]["id"] = "not-a-uuid"
    bad["services"][2]["status"] = "open"
    bad["services"][0]["service_at_locations"][0]["location"]["location_type"] = "house"
    with pytest.raises(FeedRejected) as caught:
        oruk_feed_import(actor=SYSTEM, feed=bad)
    found = {str(problem) for problem in caught.value.problems}
    assert "services[0]: 'name' is missing (required)" in found
    assert "services[1].id: 'not-a-uuid' is not a valid uuid" in found
    assert any(p.startswith("services[2].status") for p in found)
    assert any(
        p.startswith("services[0].service_at_locations[0].location.location_type") for p in found
    )
    assert counts() == dict.fromkeys(counts(), 0)
    assert AuditEvent.objects.filter(
        action=AuditAction.REFUSED, object_type="directory.feed"
    ).exists()


def test_references_to_unknown_organisations_and_terms_are_reported(essex, oruk_feed):
    bad = copy.deepcopy(oruk_feed)
    bad["organizations"] = bad["organizations"][:1]  # the youth trust is no longer in the feed
    bad["services"][1]["maximum_age"] = 0
    bad["services"][1]["minimum_age"] = 3
    bad["services"][2]["attributes"].append(
        {
            "id": "8f0d3f39-0c43-4ec4-9d84-9d36e5b0f5d1",
            "taxonomy_term_id": "2d0b9a43-2a3b-4a5e-8f6f-5e2d2c7f9a10",
        }
    )
    with pytest.raises(FeedRejected) as caught:
        oruk_feed_import(actor=SYSTEM, feed=bad)
    found = [str(problem) for problem in caught.value.problems]
    assert any(p.startswith("services[2].organization_id") for p in found)
    assert any(p.startswith("services[1].maximum_age") for p in found)
    assert any("taxonomy term 2d0b9a43" in p for p in found)
    assert len(found) == 3
    assert Service.objects.count() == 0 and Organisation.objects.count() == 0


def test_the_command_imports_and_reports_progress(essex, capsys):
    call_command("import_oruk", str(FEED))
    out = capsys.readouterr().out
    assert "imported 3 of 3 services (100%)" in out and "3 services added" in out
    assert Service.objects.count() == 3


def test_the_command_refuses_a_bad_file(essex, tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([{"id": "x", "status": "active"}]))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_oruk", str(path))
    assert Service.objects.count() == 0


def test_administrators_upload_a_feed_and_others_may_not(essex, signed_in, make_user):
    upload = SimpleUploadedFile("feed.json", FEED.read_bytes(), content_type="application/json")
    response = signed_in(make_user(Role.ADMINISTRATOR)).post(
        "/services/manage/import/", {"feed": upload, "source": "https://parents.example.org"}
    )
    assert response.status_code == 200 and b"Feed imported" in response.content
    assert Service.objects.count() == 3
    assert (
        signed_in(make_user(Role.PRACTITIONER)).get("/services/manage/import/").status_code == 403
    )


def test_the_upload_page_lists_the_problems(essex, signed_in, make_user):
    bad = SimpleUploadedFile("feed.json", b'[{"id": "x", "status": "active"}]')
    response = signed_in(make_user(Role.ADMINISTRATOR)).post(
        "/services/manage/import/", {"feed": bad, "source": "https://parents.example.org"}
    )
    assert b"There is a problem" in response.content
    assert b"Nothing was imported" in response.content and b"[0].id" in response.content


def test_values_too_long_to_keep_are_reported_never_cut(essex, oruk_feed):
    bad = copy.deepcopy(oruk_feed)
    bad["services"][0]["name"] = "N" * 201
    bad["services"][1]["email"] = "a" * 250 + "@x.org"
    location = bad["services"][0]["service_at_locations"][0]["location"]
    location.setdefault("addresses", [{}])[0]["postal_code"] = "CO1 1AA EXTRA"
    bad["organizations"][0]["name"] = "O" * 300
    with pytest.raises(FeedRejected) as caught:
        oruk_feed_import(actor=SYSTEM, feed=bad)
    found = {str(problem) for problem in caught.value.problems}
    assert any(p.startswith("services[0].name: is 201 characters long") for p in found), found
    assert any(p.startswith("services[1].email: is 256 characters long") for p in found)
    assert any(
        p.startswith("services[0].service_at_locations[0].location.addresses[0].postal_code: is 13")
        for p in found
    )
    assert any(p.startswith("organizations[0].name: is 300 characters long") for p in found)
    assert counts() == dict.fromkeys(counts(), 0)


def test_values_exactly_as_long_as_we_keep_are_imported_whole(essex, oruk_feed):
    feed = copy.deepcopy(oruk_feed)
    feed["services"][0]["name"] = "N" * 200
    oruk_feed_import(actor=SYSTEM, feed=feed)
    assert Service.objects.filter(name="N" * 200).exists()
