"""NHS number (Modulus 11), UPN (check letter), postcode and date-of-birth checks."""

from datetime import date

import pytest

from teamaround.core.errors import DomainError
from teamaround.people import validators


@pytest.mark.parametrize("value", ["9434765919", "943 476 5919", "943-476-5919", "4010232137"])
def test_valid_nhs_numbers_are_accepted_and_normalised(value):
    assert validators.validate_nhs_number(value) == value.replace(" ", "").replace("-", "")


@pytest.mark.parametrize("value", ["9434765918", "943476591", "94347659199", "abcdefghij", ""])
def test_bad_nhs_numbers_are_refused(value):
    with pytest.raises(DomainError) as error:
        validators.validate_nhs_number(value)
    assert error.value.field == "nhs_number"


@pytest.mark.parametrize("value", ["0000000000", "1111111111", "4444444444", "999 999 9999"])
def test_nhs_numbers_never_issued_are_refused(value, settings):
    settings.TEAMAROUND_ACCEPT_TEST_NHS_NUMBERS = False
    digits = value.replace(" ", "")
    assert validators.nhs_number_check_digit(digits[:9]) == int(digits[9])  # Modulus 11 passes
    with pytest.raises(DomainError, match="not a real NHS number"):
        validators.validate_nhs_number(value)


def test_the_test_range_is_refused_in_production_and_accepted_on_a_demo_site(settings):
    number = "9990000018"
    assert validators.nhs_number_check_digit(number[:9]) == int(number[9])
    settings.TEAMAROUND_ACCEPT_TEST_NHS_NUMBERS = False
    with pytest.raises(DomainError, match="kept for test data"):
        validators.validate_nhs_number(number)
    settings.TEAMAROUND_ACCEPT_TEST_NHS_NUMBERS = True
    assert validators.validate_nhs_number(number) == number
    with pytest.raises(DomainError):  # one digit repeated is refused even on a demo site
        validators.validate_nhs_number("0000000000")


def test_production_refuses_the_test_range_by_default():
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "src/teamaround/settings_production.py"
    assert '"TEAMAROUND_ACCEPT_TEST_NHS_NUMBERS", TEAMAROUND_DEMO_SITE' in source.read_text()


def test_nhs_number_whose_check_digit_would_be_ten_is_refused():
    # 100000001x: 1*10 + 1*2 = 12, remainder 1 -> check 10, which no valid number has.
    assert validators.nhs_number_check_digit("100000001") is None
    with pytest.raises(DomainError, match="check digit"):
        validators.validate_nhs_number("1000000010")


def test_upn_check_letter_follows_the_dfe_rule():
    body = "881123423001"
    total = sum(w * int(c) for w, c in zip(range(2, 14), body, strict=True))
    assert validators.upn_check_letter(body) == "ABCDEFGHJKLMNPQRTUVWXYZ"[total % 23]
    upn = validators.upn_check_letter(body) + body
    assert validators.validate_upn(upn.lower()) == upn


def test_temporary_upn_with_a_final_letter_is_accepted():
    body = "88112342300A"
    upn = validators.upn_check_letter(body) + body
    assert validators.validate_upn(upn) == upn


@pytest.mark.parametrize("value", ["B881123423001", "A88112342300", "I881123423001", "1234"])
def test_bad_upns_are_refused(value):
    with pytest.raises(DomainError) as error:
        validators.validate_upn(value)
    assert error.value.field == "upn"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("cm11qh", "CM1 1QH"),
        (" SS0 7ab ", "SS0 7AB"),
        ("EC1A1BB", "EC1A 1BB"),
        ("W1A 0AX", "W1A 0AX"),
        ("RM16 3LT", "RM16 3LT"),
    ],
)
def test_postcodes_are_normalised(value, expected):
    assert validators.normalise_postcode(value) == expected


@pytest.mark.parametrize("value", ["CM1", "1QH CM1", "QQ1 1AA", "CM1 1QHH", "CM1 1CI", "hello"])
def test_malformed_postcodes_are_refused(value):
    with pytest.raises(DomainError, match="real UK postcode"):
        validators.normalise_postcode(value)


def test_date_of_birth_cannot_be_in_the_future_unless_expected():
    today = date(2026, 5, 1)
    with pytest.raises(DomainError, match="today or in the past"):
        validators.validate_date_of_birth(date(2026, 5, 2), kind="known", today=today)
    assert validators.validate_date_of_birth(date(2026, 8, 1), kind="expected", today=today)
    with pytest.raises(DomainError, match="expected date"):
        validators.validate_date_of_birth(date(2026, 4, 1), kind="expected", today=today)


@pytest.mark.parametrize("value", ["1000000060", "100 000 0060"])
def test_a_valid_nhs_number_whose_check_digit_is_0_is_accepted(value):
    """Remainder 0 makes the Modulus 11 check 11, which is written as the digit 0."""
    assert validators.nhs_number_check_digit("100000006") == 0
    assert validators.validate_nhs_number(value) == "1000000060"
    with pytest.raises(DomainError):
        validators.validate_nhs_number("1000000061")
