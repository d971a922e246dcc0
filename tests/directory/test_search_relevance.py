"""The public search ranks by how well a service meets what was asked, then distance.

Hard cases: a nearer service that only mentions the word in passing must not beat one named
for it; a word in the taxonomy (the needs a service meets) beats one in the description; the
whole phrase in the name beats its words scattered; a specialist beats a generalist for the
need asked; paid services never rise above free ones of equal relevance and distance.
"""

from __future__ import annotations

import pytest

from teamaround.directory.selectors import ServiceSearch, service_search

pytestmark = pytest.mark.django_db


def names(**criteria) -> list[str]:
    return [s.name for s in service_search(ServiceSearch(**criteria)).page]


def test_a_word_in_the_name_beats_a_nearer_mention_in_the_description(make_service):
    make_service(
        "Family Drop-in",
        places=["CM1"],
        description="A drop-in for families; we can also signpost to autism support.",
    )
    make_service("Autism Support Group", places=["CO1"], districts=["chelmsford", "colchester"])
    assert names(keyword="autism", postcode="CM1 1QH") == [
        "Autism Support Group",
        "Family Drop-in",
    ]


def test_without_a_keyword_distance_orders(make_service):
    make_service("Autism Support Group", places=["CO1"], districts=["chelmsford", "colchester"])
    make_service("Family Drop-in", places=["CM1"])
    assert names(postcode="CM1 1QH") == ["Family Drop-in", "Autism Support Group"]


def test_equal_relevance_falls_back_to_distance(make_service):
    make_service("Sleep Clinic North", places=["CO1"], districts=["chelmsford", "colchester"])
    make_service("Sleep Clinic South", places=["CM1"])
    assert names(keyword="sleep", postcode="CM1 1QH") == [
        "Sleep Clinic South",
        "Sleep Clinic North",
    ]


def test_the_whole_phrase_in_the_name_beats_its_words_apart(make_service):
    make_service("Clinic for Sleep and Feeding", description="Help for babies.")
    make_service("Sleep Clinic", description="Help for babies.")
    assert names(keyword="sleep clinic") == ["Sleep Clinic", "Clinic for Sleep and Feeding"]


def test_case_and_word_order_do_not_matter(make_service):
    make_service("Young Carers Club")
    make_service("Club Night", description="A club that welcomes young carers.")
    assert names(keyword="CARERS young") == ["Young Carers Club", "Club Night"]


def test_a_word_naming_the_need_beats_a_word_in_the_description(make_service):
    make_service(
        "Tuesday Group",
        needs=["emotional-health"],
        description="A group for anyone; parenting tips are sometimes shared.",
    )
    make_service("Thursday Group", needs=["parenting"], description="A group for mums and dads.")
    assert names(keyword="parenting") == ["Thursday Group", "Tuesday Group"]


def test_a_specialist_beats_a_generalist_for_the_need_asked(make_service):
    make_service(
        "All Sorts Hub",
        needs=["emotional-health", "parenting", "school-attendance-learning", "housing"],
    )
    make_service("Worry Wise", needs=["emotional-health"])
    assert names(need="emotional-health") == ["Worry Wise", "All Sorts Hub"]


def test_free_services_are_not_pushed_below_paid_ones(make_service):
    make_service("A Paid Club", is_free=False, cost_amount=5, places=["CM1"])
    make_service("B Free Club", places=["CM1"])
    assert names(keyword="club") == ["B Free Club", "A Paid Club"]
    assert names(keyword="club", postcode="CM1 1QH") == ["B Free Club", "A Paid Club"]


def test_a_better_match_that_costs_still_comes_first(make_service):
    make_service("Music Therapy", is_free=False, cost_amount=20)
    make_service("Youth Club", description="Games, music and a tuck shop.")
    assert names(keyword="music") == ["Music Therapy", "Youth Club"]


def test_ranking_never_adds_services_the_filters_leave_out(make_service):
    make_service("Autism Support Group", minimum_age=11, maximum_age=18)
    make_service("Autism Little Steps", minimum_age=0, maximum_age=5)
    make_service("Toddler Time", minimum_age=0, maximum_age=5)
    assert names(keyword="autism", age=3) == ["Autism Little Steps"]
    assert names(keyword="autism", free_only=True, level=4) == []


def test_words_like_sql_wildcards_are_plain_text(make_service):
    make_service("Support Group")
    assert names(keyword="%") == []
    assert names(keyword="_") == []


def test_the_page_lists_the_best_match_first(client, make_service):
    make_service("Family Drop-in", places=["CM1"], description="Ask us about autism too.")
    make_service("Autism Support Group", places=["CO1"], districts=["chelmsford", "colchester"])
    page = client.get("/services/", {"q": "autism", "postcode": "CM1 1QH"}).content.decode()
    assert page.index("Autism Support Group") < page.index("Family Drop-in")
