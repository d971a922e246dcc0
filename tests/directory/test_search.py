"""The public search: need, keyword, postcode (with distance), district, age, free, level."""

from __future__ import annotations

import re

import pytest

from teamaround.directory.selectors import ServiceSearch, service_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def county(make_service):
    make_service(
        "Chelmsford Worry Group",
        needs=["emotional-health"],
        levels=[2],
        places=["CM1"],
        minimum_age=5,
        maximum_age=11,
        description="Small groups for children with anxiety.",
    )
    make_service(
        "Colchester Worry Group",
        needs=["emotional-health"],
        levels=[2],
        districts=["colchester", "chelmsford"],
        places=["CO1"],
        minimum_age=5,
        maximum_age=11,
        description="Small groups for children with anxiety.",
    )
    make_service(
        "Teen Talk",
        needs=["emotional-health"],
        levels=[3],
        places=["CM2"],
        minimum_age=13,
        maximum_age=18,
        is_free=False,
        cost_amount=12,
        description="Counselling for teenagers.",
    )
    make_service(
        "Parenting Together",
        needs=["parenting"],
        levels=[2],
        places=["CM1"],
        description="A parenting course.",
    )
    make_service(
        "Helpline For Everyone",
        needs=["emotional-health"],
        levels=[1],
        districts=["chelmsford", "colchester", "tendring"],
    )


def names(**criteria) -> list[str]:
    return [s.name for s in service_search(ServiceSearch(**criteria)).page]


def test_by_need(county):
    assert names(need="parenting") == ["Parenting Together"]


def test_by_keyword_in_any_order(county):
    assert names(keyword="ANXIETY groups") == ["Chelmsford Worry Group", "Colchester Worry Group"]


def test_by_age_of_the_child(county):
    assert names(need="emotional-health", age=7) == [
        "Chelmsford Worry Group",
        "Colchester Worry Group",
        "Helpline For Everyone",
    ]
    assert names(need="emotional-health", age=15) == ["Helpline For Everyone", "Teen Talk"]


def test_free_only(county):
    assert "Teen Talk" not in names(free_only=True)
    assert "Teen Talk" in names()


def test_by_level(county):
    assert names(level=3) == ["Teen Talk"]


def test_by_district(county):
    assert names(district="tendring") == ["Helpline For Everyone"]


def test_by_postcode_nearest_first_with_miles(county):
    result = service_search(ServiceSearch(postcode="co1 1aa", need="emotional-health"))
    rows = [(s.name, s.miles) for s in result.page]
    assert result.district.code == "colchester"
    assert [name for name, _ in rows] == ["Colchester Worry Group", "Helpline For Everyone"]
    assert rows[0][1] < 1 and rows[1][1] is None


def test_postcode_distances_are_plausible(county):
    result = service_search(ServiceSearch(postcode="CM1 1QH", need="emotional-health"))
    miles = {s.name: s.miles for s in result.page}
    assert miles["Chelmsford Worry Group"] < 1
    assert 18 < miles["Colchester Worry Group"] < 28  # Chelmsford to Colchester, as the crow flies


def test_an_unknown_postcode_is_a_problem_not_an_error(county):
    result = service_search(ServiceSearch(postcode="ZZ9 9ZZ"))
    assert "postcode" in result.problems


def test_the_page_shows_plain_results_with_distance(client, county):
    response = client.get("/services/", {"q": "anxiety", "postcode": "CM1 1QH", "age": "7"})
    page = response.content.decode()
    assert "2 services found" in page
    assert re.search(r"about 0\.\d miles away", page)
    assert page.index("Chelmsford Worry Group") < page.index("Colchester Worry Group")


def test_the_page_shows_the_error_summary_for_a_bad_age(client, county):
    response = client.get("/services/", {"age": "200"})
    assert b"There is a problem" in response.content
