"""Checks on the identifiers and facts practitioners type in, with messages that say how to put
them right. Each returns the normalised value or raises DomainError; nothing is written first.

NHS numbers carry a Modulus 11 check digit and Unique Pupil Numbers a check letter: a typing
mistake in either is caught here rather than linking a child to someone else's record.
"""

from __future__ import annotations

import re
from datetime import date

from django.conf import settings

from teamaround.core.errors import DomainError

NHS_WEIGHTS = range(10, 1, -1)
# The DfE's check-letter alphabet: no I, O or S, which are easily misread.
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
# A UK postcode: outward code (area, district, optional sub-district letter) and inward code.
POSTCODE = re.compile(
    r"^(?P<outward>GIR|[A-PR-UWYZ](?:[0-9][0-9]?|[A-HK-Y][0-9][0-9]?|[0-9][A-HJKPSTUW]"
    r"|[A-HK-Y][0-9][ABEHMNPRVWXY]))\s*(?P<inward>[0-9][ABD-HJLNP-UW-Z]{2})$"
)


def nhs_number_check_digit(first_nine: str) -> int | None:
    """Modulus 11: None when the nine digits cannot have a valid check digit (remainder 10)."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, NHS_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def validate_nhs_number(value: str, *, field: str = "nhs_number") -> str:
    digits = re.sub(r"[\s-]", "", value or "")
    if not re.fullmatch(r"\d{10}", digits):
        raise DomainError("Enter an NHS number with 10 digits, like 943 476 5919.", field=field)
    if nhs_number_check_digit(digits[:9]) != int(digits[9]):
        raise DomainError(
            "This is not a valid NHS number: its check digit does not match. "
            "Check it against the letter or record it came from.",
            field=field,
        )
    never_issued = nhs_number_never_issued(digits)
    if never_issued:
        raise DomainError(
            f"This is not a real NHS number: {never_issued}. "
            "Check it against the letter or record it came from.",
            field=field,
        )
    return digits


# NHS England keeps 999 000 0000 to 999 999 9999 for test and training data: never issued to
# a patient. A demo or test site (synthetic data only) accepts them; production refuses them.
NHS_TEST_RANGE = ("9990000000", "9999999999")


def nhs_number_never_issued(digits: str) -> str:
    """Why a 10-digit number with a valid check digit can never be a patient's, or "".
    One digit repeated (0000000000 passes Modulus 11) and the test range are never issued."""
    if len(set(digits)) == 1:
        return "one digit repeated is never issued"
    low, high = NHS_TEST_RANGE
    if low <= digits <= high and not settings.TEAMAROUND_ACCEPT_TEST_NHS_NUMBERS:
        return "numbers from 999 000 0000 are kept for test data and never issued"
    return ""


def upn_check_letter(last_twelve: str) -> str:
    """The check letter for characters 2 to 13 of a UPN (letters valued by the DfE alphabet)."""
    total = 0
    for weight, char in enumerate(last_twelve, start=2):
        total += weight * (int(char) if char.isdigit() else UPN_LETTERS.index(char))
    return UPN_LETTERS[total % 23]


def validate_upn(value: str, *, field: str = "upn") -> str:
    upn = re.sub(r"\s", "", value or "").upper()
    if not re.fullmatch(rf"[{UPN_LETTERS}]\d{{11}}[0-9{UPN_LETTERS}]", upn):
        raise DomainError(
            "Enter a Unique Pupil Number of 13 characters: a letter, 11 digits, then a digit "
            "or letter, like A123456789012.",
            field=field,
        )
    if upn_check_letter(upn[1:]) != upn[0]:
        raise DomainError(
            "This is not a valid Unique Pupil Number: its check letter does not match.",
            field=field,
        )
    return upn


def normalise_postcode(value: str, *, field: str = "postcode") -> str:
    """'cm11qh' -> 'CM1 1QH'. Raises DomainError for anything that is not a UK postcode."""
    compact = re.sub(r"\s", "", value or "").upper()
    match = POSTCODE.match(compact)
    if not match:
        raise DomainError("Enter a real UK postcode, like CM1 1QH.", field=field)
    return f"{match['outward']} {match['inward']}"


def outward_code(postcode: str) -> str:
    return postcode.split(" ")[0] if postcode else ""


def validate_date_of_birth(value: date | None, *, kind: str, today: date, field: str = "dob"):
    """Births are in the past; an unborn child's expected date is in the next ten months."""
    if value is None:
        return None
    if kind == "expected":
        if value < today:
            raise DomainError(
                "An expected date of birth must be today or in the future.", field=field
            )
        if (value - today).days > 300:
            raise DomainError(
                "An expected date of birth must be within the next 10 months.", field=field
            )
        return value
    if value > today:
        raise DomainError(
            "Date of birth must be today or in the past. For an unborn child, record an "
            "expected date of birth.",
            field=field,
        )
    if today.year - value.year > 120:
        raise DomainError("Date of birth must be within the last 120 years.", field=field)
    return value
