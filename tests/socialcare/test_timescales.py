"""Each timescale from its source, across Christmas, Easter and bank-holiday weekends."""

from datetime import date

import pytest

from teamaround.core.calendar import is_working_day
from teamaround.socialcare import timescales


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 12, 24), date(2026, 12, 29)),  # Christmas Eve: 25, 26 (28 substitute)
        (date(2026, 4, 2), date(2026, 4, 7)),  # Maundy Thursday: Good Friday, Easter Monday
        (date(2026, 5, 22), date(2026, 5, 26)),  # Friday before the spring bank holiday
        (date(2026, 3, 10), date(2026, 3, 11)),  # an ordinary Tuesday
    ],
)
def test_a_referral_decision_is_due_within_one_working_day(received, due):
    """Working Together 2023: a decision within one working day of receipt."""
    assert timescales.decision_due(received) == due


def test_an_assessment_is_due_45_working_days_from_the_referral_across_christmas():
    # From 1 December 2026: 45 working days skip 25, 26/28 December and 1 January 2027.
    due = timescales.assessment_due(date(2026, 12, 1))
    assert due == date(2027, 2, 5)
    assert is_working_day(due)


def test_an_assessment_across_easter_and_both_may_bank_holidays():
    # 23 March 2026 + 45 working days, with Good Friday (3 April), Easter Monday (6 April),
    # the early May (4 May) and spring (25 May) bank holidays out.
    assert timescales.assessment_due(date(2026, 3, 23)) == date(2026, 5, 29)


@pytest.mark.parametrize(
    ("strategy", "due"),
    [
        (date(2026, 12, 14), date(2027, 1, 7)),  # Christmas: 25, 28 Dec, 1 Jan out
        (date(2026, 3, 27), date(2026, 4, 21)),  # Easter: Good Friday and Easter Monday out
        (date(2026, 8, 21), date(2026, 9, 14)),  # the August bank holiday weekend
    ],
)
def test_an_initial_conference_is_due_15_working_days_after_the_strategy_discussion(strategy, due):
    """Working Together 2023: within 15 working days; never a weekend or bank holiday."""
    assert timescales.initial_conference_due(strategy) == due
    assert is_working_day(due)


def test_review_conferences_within_3_months_then_every_6_never_on_a_holiday():
    # 25 September + 3 months is Christmas Day 2026: brought forward to Thursday 24th.
    assert timescales.review_conference_due(date(2026, 9, 25), first=True) == date(2026, 12, 24)
    # 5 October 2026 + 6 months is Monday 5 April 2027 (Easter Monday 2027 is 29 March):
    # a working day, so it stays.
    assert timescales.review_conference_due(date(2026, 10, 5), first=False) == date(2027, 4, 5)
    # 3 October 2026 + 6 months is Saturday 3 April 2027: back to Friday 2 April (Good
    # Friday 2027 is 26 March).
    assert timescales.review_conference_due(date(2026, 10, 3), first=False) == date(2027, 4, 2)
    # 31 August + 6 months is the end of February.
    assert timescales.review_conference_due(date(2026, 8, 31), first=False) == date(2027, 2, 26)


def test_red_amber_green():
    today = date(2026, 12, 3)
    assert timescales.rag("x", date(2026, 12, 2), None, today).colour == "red"
    assert timescales.rag("x", date(2026, 12, 3), None, today).text == "Due today"
    assert timescales.rag("x", date(2026, 12, 10), None, today).colour == "amber"
    assert timescales.rag("x", date(2026, 12, 11), None, today).colour == "green"
    assert timescales.rag("x", date(2026, 12, 2), date(2026, 12, 1), today).text == "In time"
    assert timescales.rag("x", date(2026, 12, 2), date(2026, 12, 3), today).colour == "red"
