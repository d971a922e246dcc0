"""Names, keys and the match model, without a database: sound-alike keys across heritage
spellings, parts of names, the levels each comparison lands on and evidence counting against."""

from datetime import date

from teamaround.people.matching import (
    Candidate,
    Query,
    compare,
    default_parameters,
    forename_keys,
    normalise_name,
    phonetic,
)
from teamaround.people.matching.names import name_parts, same_name, sound_key

PARAMS = default_parameters()


def test_names_that_sound_alike_share_a_key():
    assert phonetic("Catherine") == phonetic("Katherine")
    assert phonetic("Philip") == phonetic("Filip")
    assert phonetic("Smith") == phonetic("Smyth")
    assert phonetic("Mohammed") == phonetic("Muhammad")
    assert phonetic("O'Brien") == phonetic("OBrien")
    assert phonetic("Smith") != phonetic("Jones")


def test_transliterations_share_a_key_and_count_as_the_same_name():
    for first, second in [
        ("Khadija", "Khadijah"),
        ("Hamza", "Hamzah"),
        ("Nowak", "Novak"),
        ("Aisha", "Ayesha"),
        ("Yusuf", "Yousef"),
        ("Chowdhury", "Choudhury"),
    ]:
        assert sound_key(first) == sound_key(second), (first, second)
        assert same_name(first, second), (first, second)
    assert not same_name("Hassan", "Hussain")
    assert not same_name("Millie", "Mollie")


def test_letters_without_a_decomposition_are_spelt_out():
    assert normalise_name("Łukasz") == "LUKASZ"
    assert normalise_name("Đorđe") == "DORDE"
    assert normalise_name("Søren") == "SOREN"
    assert normalise_name("Strauß") == "STRAUSS"


def test_nicknames_share_a_key_with_the_full_name():
    assert forename_keys("Bill") & forename_keys("William")
    assert forename_keys("Alfie") & forename_keys("Alfred")
    assert not forename_keys("Bill") & forename_keys("Thomas")


def test_name_parts_know_double_barrelled_surnames_and_singh_and_kaur():
    assert name_parts("Mary-Jane", "Smith-Jones") == (
        ("MARY", "JANE"),
        ("SMITHJONES", "SMITH", "JONES"),
    )
    assert name_parts("Harpreet Kaur", "Sandhu") == (("HARPREET",), ("SANDHU", "KAUR"))
    assert name_parts("Baby", "Al-Hassan") == ((), ("HASSAN",))


def _candidate(forenames, surname, born, postcode="CM1 1QH", **extra):
    given, family = name_parts(forenames, surname)
    values = {
        "person_id": 1,
        "given_names": " ".join(given),
        "family_names": " ".join(family),
        "date_of_birth": born,
        "is_unborn": False,
        "sex": "",
        "postcode": postcode,
        "outward_code": postcode.split(" ")[0] if postcode else "",
        "district_id": None,
        "household_id": None,
        "is_own_name": True,
    }
    return Candidate(**(values | extra))


def test_reasons_are_given_in_plain_english():
    query = Query.build(
        forenames="Jaden", surname="Whitmoor", date_of_birth=date(2015, 4, 9), postcode="CM1 2AB"
    )
    comparison = compare(query, _candidate("Jayden", "Whitmore", date(2015, 4, 9)), PARAMS)
    assert comparison.reasons == [
        "first name is a known nickname or another spelling of it",
        "surname spelt slightly differently",
        "same date of birth",
        "same postcode district",
    ]
    assert PARAMS.probability(comparison.weight) > 0.99


def test_swapped_names_and_day_month_swaps_are_recognised():
    query = Query.build(forenames="Whitmore", surname="Jayden", date_of_birth=date(2015, 9, 4))
    comparison = compare(query, _candidate("Jayden", "Whitmore", date(2015, 4, 9)), PARAMS)
    assert comparison.reasons[0] == "first and last names swapped"
    assert "same date of birth with day and month swapped" in comparison.reasons


def test_evidence_counts_against_a_namesake():
    """The same name born years away in another area scores below nothing known at all."""
    query = Query.build(
        forenames="Oliver", surname="Smith", date_of_birth=date(2016, 3, 1), postcode="CM1 2AB"
    )
    namesake = compare(query, _candidate("Oliver", "Smith", date(2009, 7, 30), "SS1 4XY"), PARAMS)
    names_only = Query.build(forenames="Oliver", surname="Smith")
    same_name_alone = compare(names_only, _candidate("Oliver", "Smith", None, ""), PARAMS)
    assert namesake.weight < same_name_alone.weight - 8
    assert "date of birth years away" in namesake.reasons
    assert "lives in another area" in namesake.reasons
    assert namesake.has_evidence_against()


def test_a_common_surname_counts_for_less_than_a_rare_one():
    params = PARAMS.from_data(
        PARAMS.to_data() | {"term_frequencies": {"surname": {"SMITH": 0.012, "__rare__": 1e-5}}}
    )
    assert params.weight("surname", "exact", "SMITH") < params.weight(
        "surname", "exact", "OYELARAN"
    )


def test_middle_name_used_as_first_name():
    query = Query.build(forenames="Ayaan", surname="Khan", date_of_birth=date(2017, 5, 2))
    comparison = compare(query, _candidate("Mohammed Ayaan", "Khan", date(2017, 5, 2)), PARAMS)
    assert comparison.levels["first_name"] == "other_forename"


def test_unborn_baby_compared_on_its_expected_date():
    query = Query.build(forenames="Amara", surname="Okafor", date_of_birth=date(2026, 3, 20))
    unborn = _candidate("Unborn", "Okafor", date(2026, 4, 10), is_unborn=True)
    comparison = compare(query, unborn, PARAMS)
    assert comparison.levels == {"surname": "exact", "expected_date": "within_six_weeks"}
    late = compare(query, _candidate("Baby", "Okafor", date(2026, 8, 1), is_unborn=True), PARAMS)
    assert late.levels["expected_date"] == "different"
