"""The known-child search: ranked candidates with reasons, on the page and in the API; and its
quality on a county the seeder makes, with known true matches among the near-duplicates."""

import random

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.seeding import SeedContext, seed_geography
from teamaround.people import selectors
from teamaround.people.seeding import build_county
from teamaround.people.seeding.variants import typed_query

pytestmark = pytest.mark.django_db


def test_search_finds_a_misspelt_nickname_with_reasons(record_family, make_user):
    _, child, _ = record_family(forenames="William", surname="Ashworth")
    screener = make_user(Role.HUB_SCREENER)
    results = selectors.known_child_search(
        actor=screener, forenames="Billy", surname="Ashwerth", postcode="CM1 9ZZ"
    )
    assert results[0].person == child
    assert results[0].reasons[:2] == [
        "first name is a known nickname or another spelling of it",
        "surname spelt slightly differently",
    ]
    assert "same postcode district" in results[0].reasons


def test_search_needs_something_to_search_for(signed_in, practitioner):
    response = signed_in(practitioner).get(reverse("people:search"), {"postcode": "CM1 1QH"})
    assert "Enter a name or an NHS number" in response.content.decode()
    response = signed_in(practitioner).get(
        reverse("people:search"), {"surname": "Smith", "postcode": "nonsense"}
    )
    assert "real UK postcode" in response.content.decode()


def test_api_search_returns_ranked_candidates(record_family, api_as, make_user):
    _, child, _ = record_family()
    response = api_as(make_user(Role.SOCIAL_WORKER)).get(
        "/api/v1/known-child-search/",
        {"forenames": "Whitmore", "surname": "Jayden", "date_of_birth": "2015-09-04"},
    )
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["person_id"] == str(child.pk) and first["can_open"]
    assert first["reasons"][0] == "first and last names swapped"
    bad = api_as(make_user(Role.PRACTITIONER)).get(
        "/api/v1/known-child-search/", {"surname": "X", "nhs_number": "123"}
    )
    assert bad.status_code == 400 and "nhs_number" in bad.json()


def test_search_quality_on_a_seeded_county(make_user):
    """3,000 children from the seeder; 400 typo-laden queries (typos, nicknames, swapped names,
    changed surnames, date slips, age instead of date of birth). A near-duplicate record of the
    same child counts as finding it."""
    context = SeedContext(seed=11)
    seed_geography(context)
    truth = build_county(context, 3000)
    same_child = truth.same_child()
    screener = make_user(Role.HUB_SCREENER)
    rng, today = random.Random(5), timezone.localdate()
    top1 = top5 = 0
    queries = 400
    for _ in range(queries):
        person_id, details = rng.choice(truth.children)
        query = typed_query(rng, details, today)
        results = selectors.known_child_search(
            actor=screener,
            forenames=query.forenames,
            surname=query.surname,
            date_of_birth=query.date_of_birth,
            age=query.age,
            postcode=query.postcode,
            limit=5,
        )
        found = [same_child.get(r.person_id, r.person_id) for r in results]
        top1 += bool(found) and found[0] == person_id
        top5 += person_id in found
    assert top1 / queries >= 0.95, top1
    assert top5 / queries >= 0.99, top5
    assert len(truth.duplicates) > 100
