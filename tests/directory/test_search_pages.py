"""The search pages' links: a service opened from the results links back to the same results;
both pages offer "ask for help" (the public Request for Support)."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.django_db


def _service_link(page: str, name: str) -> str:
    match = re.search(rf'href="([^"]+)">{re.escape(name)}</a>', page)
    assert match, f"no link to {name}"
    return unescape(match.group(1))


def _back_link(page: str) -> str:
    match = re.search(r'<a href="([^"]*)" class="govuk-back-link">([^<]*)</a>', page)
    assert match, "no back link"
    return unescape(match.group(1)), match.group(2)


def test_the_back_link_returns_to_the_same_results(client, make_service):
    make_service("Worry Wise", places=["CM1"], description="Help with anxiety.")
    query = {"q": "anxiety", "postcode": "CM1 1QH", "age": "7", "free": "on", "page": "1"}
    results = client.get("/services/", query).content.decode()
    link = _service_link(results, "Worry Wise")
    detail = client.get(link).content.decode()
    back, label = _back_link(detail)
    assert label == "Back to your search results"
    parts = urlsplit(back)
    assert parts.path == "/services/" and not parts.netloc
    assert parse_qs(parts.query) == {key: [value] for key, value in query.items()}
    again = client.get(back).content.decode()
    assert "1 service found" in again


def test_the_back_link_keeps_only_the_search_and_never_leaves_the_site(client, make_service):
    service = make_service("Worry Wise")
    crafted = "q=worry&next=https://evil.example&//evil.example=1&need=<script>"
    detail = client.get(f"/services/{service.pk}/", {"search": crafted}).content.decode()
    back, _ = _back_link(detail)
    parts = urlsplit(back)
    assert parts.scheme == "" and parts.netloc == "" and parts.path == "/services/"
    assert parse_qs(parts.query) == {"q": ["worry"], "need": ["<script>"]}
    assert "<script>" not in detail


def test_a_service_opened_directly_links_to_the_search(client, make_service):
    service = make_service("Worry Wise")
    back, label = _back_link(client.get(f"/services/{service.pk}/").content.decode())
    assert back == "/services/" and label == "Search the directory"


def test_results_and_service_pages_offer_ask_for_help(client, make_service):
    service = make_service("Worry Wise")
    for url, query in (("/services/", {"q": "worry"}), (f"/services/{service.pk}/", {})):
        page = client.get(url, query).content.decode()
        assert re.search(r'href="/ask-for-help/">Ask for help</a>', page), url
    assert client.get("/ask-for-help/").status_code == 200


def test_no_results_still_offer_ask_for_help(client, make_service):
    make_service("Worry Wise")
    page = client.get("/services/", {"q": "zebra"}).content.decode()
    assert "No services match" in page
    assert 'href="/ask-for-help/">Ask for help</a>' in page


@pytest.fixture
def sunday_and_weekdays(make_service):
    from datetime import time

    from teamaround.core.access import SYSTEM
    from teamaround.directory import services

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


def test_the_search_finds_services_open_on_a_day(client, sunday_and_weekdays):
    from teamaround.directory.selectors import ServiceSearch, service_search

    def names(day):
        return [s.name for s in service_search(ServiceSearch(day=day)).page]

    assert names("SU") == ["Sunday Stay and Play"]
    assert names("WE") == ["Weekday Drop In"]
    assert names("SA") == []
    assert len(names("")) == 3
    page = client.get("/services/", {"day": "SU"}).content.decode()
    assert "1 service found" in page and "search=day%3DSU" in page
    bad = client.get("/services/", {"day": "XX"}).content.decode()
    assert "There is a problem" in bad
