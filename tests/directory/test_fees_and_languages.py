"""What a service costs, in words (ORUK `fees`), and the languages it is delivered in: kept by
its editors, shown on its page and in the results, a search filter, published in the ORUK
feed and read from an imported one."""

from __future__ import annotations

import copy

import pytest

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.directory import services
from teamaround.directory.models import PendingChange, Service
from teamaround.directory.oruk.feed import oruk_feed_import
from teamaround.directory.selectors import ServiceSearch, service_search
from tests.directory.oruk_checks import assert_valid, validator
from tests.directory.test_editor_permissions import _form_data

pytestmark = pytest.mark.django_db


def names(**criteria) -> list[str]:
    return [s.name for s in service_search(ServiceSearch(**criteria)).page]


def test_an_editor_gives_the_languages_and_fees_and_the_page_shows_them(
    make_service, make_user, signed_in, client
):
    service = make_service("Stay and Play", is_free=False, cost_amount=2)
    admin = signed_in(make_user(Role.ADMINISTRATOR))
    data = _form_data(
        service,
        languages=" polish,  English , Polish, Romanian ",
        fees="£2 a family; free if you get Universal Credit.",
        cost_amount="2",
        cost_description="a session",
    )
    assert admin.post(f"/services/manage/{service.pk}/", data).status_code == 302
    service.refresh_from_db()
    assert service.languages == ["polish", "English", "Romanian"]  # repeats dropped
    assert service.fees == "£2 a family; free if you get Universal Credit."
    page = client.get(f"/services/{service.pk}/").content.decode()
    assert "polish, English, Romanian" in page
    assert "free if you get Universal Credit" in page and "£2.00 a session" in page
    results = client.get("/services/", {"q": "stay"}).content.decode()
    assert "In polish, English, Romanian" in results
    edit = admin.get(f"/services/manage/{service.pk}/").content.decode()
    assert 'value="polish, English, Romanian"' in edit


def test_a_language_too_long_is_a_form_error(make_service, make_user, signed_in):
    service = make_service()
    admin = signed_in(make_user(Role.ADMINISTRATOR))
    response = admin.post(
        f"/services/manage/{service.pk}/", _form_data(service, languages="x" * 61)
    )
    assert response.status_code == 200 and b"60 characters or fewer" in response.content
    service.refresh_from_db()
    assert service.languages == []


@pytest.fixture
def spoken(make_service):
    make_service("Polish Parents", languages=["Polish", "English"])
    make_service("Signing Club", languages=["British Sign Language"])
    make_service("English Only", languages=["English"])
    make_service("Not Said")


def test_search_by_language_is_whole_names_any_case(spoken):
    assert names(language="polish") == ["Polish Parents"]
    assert names(language="  ENGLISH ") == ["English Only", "Polish Parents"]
    assert names(language="british  sign language") == ["Signing Club"]
    assert names(language="sign") == []  # part of a name is not the language
    assert names(language="|") == [] and names(language="%") == []
    assert len(names(language="")) == 4


def test_the_search_page_filters_by_language_and_keeps_it(client, spoken):
    page = client.get("/services/", {"language": "Polish"}).content.decode()
    assert "1 service found" in page and "Polish Parents" in page
    assert "search=language%3DPolish" in page  # kept for the back link


def test_the_oruk_feed_publishes_fees_and_languages_and_validates(client, make_service):
    service = make_service(
        "Polish Parents", languages=["Polish"], fees="Free.", places=["CM1"], email="p@x.org"
    )
    data = client.get(f"/services/oruk/services/{service.pk}").json()
    assert_valid(validator("schema", "compiled", "service.json"), data)
    assert data["fees"] == "Free."
    assert [(item["name"], item["service_id"]) for item in data["languages"]] == [
        ("Polish", str(service.pk))
    ]
    again = client.get(f"/services/oruk/services/{service.pk}").json()
    assert again["languages"][0]["id"] == data["languages"][0]["id"]  # a stable id


def test_an_imported_feeds_languages_are_searchable_and_published_as_they_came(
    essex, oruk_feed, client
):
    feed = copy.deepcopy(oruk_feed)
    given = [
        {"id": "0b7a7f2e-7c67-4d0e-9f53-9b8e1f1c2a01", "name": "Polish", "code": "pl"},
        {"id": "0b7a7f2e-7c67-4d0e-9f53-9b8e1f1c2a02"},  # the UK profile's bare form
    ]
    feed["services"][0]["languages"] = given
    feed["services"][0]["fees"] = "£3 a session"
    oruk_feed_import(actor=SYSTEM, feed=feed, source="parents.example.org")
    service = Service.objects.get(source_id=feed["services"][0]["id"])
    assert service.languages == ["Polish"] and service.fees == "£3 a session"
    assert service.name in names(language="polish")
    published = client.get(f"/services/oruk/services/{service.pk}").json()
    assert published["languages"] == given and published["fees"] == "£3 a session"
    # Edited here, the languages are ours from then on.
    services.service_update(
        actor=SYSTEM,
        service=service,
        languages=["Polish", "Urdu"],
        access_routes=["self_referral"],
    )
    published = client.get(f"/services/oruk/services/{service.pk}").json()
    assert [item["name"] for item in published["languages"]] == ["Polish", "Urdu"]


def test_a_provider_editors_language_change_waits_for_approval(
    make_service, make_organisation, make_user
):
    provider = make_organisation("Our Trust")
    editor = make_user(Role.PRACTITIONER)
    services.directory_editor_grant(actor=SYSTEM, user=editor, organisation=provider)
    service = make_service("Our Club", organisation=provider, languages=["English"])
    services.service_update(actor=editor, service=service, languages=["English", "Polish"])
    service.refresh_from_db()
    assert service.languages == ["English"]
    change = PendingChange.objects.get(service=service)
    assert change.shown == {"Languages": ["English", "English, Polish"]}


def test_an_imported_prices_validity_is_kept_shown_and_published(essex, oruk_feed, client):
    feed = copy.deepcopy(oruk_feed)
    cost = feed["services"][1]["cost_options"][0]
    cost |= {"valid_from": "2026-04-01", "valid_to": "2027-03-31"}
    oruk_feed_import(actor=SYSTEM, feed=feed, source="parents.example.org")
    service = Service.objects.get(source_id=feed["services"][1]["id"])
    option = service.cost_options.get()
    assert (option.valid_from.isoformat(), option.valid_to.isoformat()) == (
        "2026-04-01",
        "2027-03-31",
    )
    published = client.get(f"/services/oruk/services/{service.pk}").json()
    assert published["cost_options"][0]["valid_from"] == "2026-04-01"
    assert published["cost_options"][0]["valid_to"] == "2027-03-31"
    page = client.get(f"/services/{service.pk}/").content.decode()
    assert "from 1 April 2026 until 31 March 2027" in page


def test_a_price_validity_that_is_not_a_date_or_runs_backwards_is_reported(essex, oruk_feed):
    from teamaround.directory.oruk.feed import FeedRejected

    feed = copy.deepcopy(oruk_feed)
    cost = feed["services"][1]["cost_options"][0]
    cost |= {"valid_from": "next April", "valid_to": "2027-02-30"}
    with pytest.raises(FeedRejected) as caught:
        oruk_feed_import(actor=SYSTEM, feed=feed, source="parents.example.org")
    found = {str(p) for p in caught.value.problems}
    assert "services[1].cost_options[0].valid_from: 'next April' is not a date" in found
    assert "services[1].cost_options[0].valid_to: '2027-02-30' is not a date" in found
    cost |= {"valid_from": "2027-04-01", "valid_to": "2027-03-31"}
    with pytest.raises(FeedRejected) as caught:
        oruk_feed_import(actor=SYSTEM, feed=feed, source="parents.example.org")
    assert [str(p) for p in caught.value.problems] == [
        "services[1].cost_options[0].valid_to: is before valid_from"
    ]
    assert not Service.objects.exists()
