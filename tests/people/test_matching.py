"""Sound-alike keys, nicknames, similarity and the reasons a candidate matches."""

from datetime import date

from teamaround.people.matching import (
    Candidate,
    Query,
    forename_keys,
    jaro_winkler,
    phonetic,
    score,
)


def test_names_that_sound_alike_share_a_key():
    assert phonetic("Catherine") == phonetic("Katherine")
    assert phonetic("Philip") == phonetic("Filip")
    assert phonetic("Smith") == phonetic("Smyth")
    assert phonetic("Mohammed") == phonetic("Muhammad")
    assert phonetic("O'Brien") == phonetic("OBrien")
    assert phonetic("Smith") != phonetic("Jones")


def test_nicknames_share_a_key_with_the_full_name():
    assert forename_keys("Bill") & forename_keys("William")
    assert forename_keys("Alfie") & forename_keys("Alfred")
    assert not forename_keys("Bill") & forename_keys("Thomas")


def test_jaro_winkler_is_one_for_identical_and_lower_for_typos():
    assert jaro_winkler("JOHNSON", "JOHNSON") == 1.0
    assert 0.9 < jaro_winkler("JOHNSON", "JONHSON") < 1.0
    assert jaro_winkler("JOHNSON", "PATEL") < 0.6


def _candidate(forename, surname, born, postcode="CM1 1QH"):
    return Candidate(
        person_id=1,
        forename=forename,
        surname=surname,
        forename_key=sorted(forename_keys(forename))[0],
        surname_key=phonetic(surname),
        date_of_birth=born,
        postcode=postcode,
        outward_code=postcode.split(" ")[0],
        district_id=None,
        is_own_name=True,
    )


def test_reasons_are_given_in_plain_english():
    query = Query.build(
        forenames="Jaden", surname="Whitmoor", date_of_birth=date(2015, 4, 9), postcode="CM1 2AB"
    )
    points, reasons = score(query, _candidate("JAYDEN", "WHITMORE", date(2015, 4, 9)))
    assert reasons == [
        "surname sounds alike",
        "first name sounds alike",
        "same date of birth",
        "same postcode district",
    ]
    assert points > 80


def test_swapped_names_and_day_month_swaps_are_recognised():
    query = Query.build(forenames="Whitmore", surname="Jayden", date_of_birth=date(2015, 9, 4))
    points, reasons = score(query, _candidate("JAYDEN", "WHITMORE", date(2015, 4, 9)))
    assert reasons[0] == "first and last names swapped"
    assert "same date of birth with day and month swapped" in reasons
    assert points > 70


def test_a_different_child_scores_low():
    query = Query.build(forenames="Jayden", surname="Whitmore", date_of_birth=date(2015, 4, 9))
    points, _ = score(query, _candidate("AMELIA", "PATEL", date(2011, 1, 30)))
    assert points < 35
