"""Children looked after: each due date from its source (the Care Planning, Placement and Case
Review (England) Regulations 2010, reg 33 reviews and reg 28 visits; the pathway plan), across
Christmas and New Year, Easter and a bank-holiday weekend."""

from datetime import date

import pytest

from teamaround.core.calendar import is_working_day
from teamaround.socialcare import timescales


@pytest.mark.parametrize(
    ("looked_after", "due"),
    [
        # 25 Dec, 28 Dec (Boxing Day substitute) and 1 Jan out.
        (date(2026, 12, 14), date(2027, 1, 14)),
        # Good Friday (3 April) and Easter Monday (6 April) out.
        (date(2026, 3, 23), date(2026, 4, 22)),
        # The August bank holiday (31 August) out.
        (date(2026, 8, 21), date(2026, 9, 21)),
        (date(2026, 3, 2), date(2026, 3, 30)),  # an ordinary month: 4 weeks
    ],
)
def test_the_first_review_is_within_20_working_days_of_becoming_looked_after(looked_after, due):
    """Reg 33(1)(a)."""
    assert timescales.care_review_due(looked_after, reviews_held=0) == due
    assert is_working_day(due)


def test_the_second_review_is_within_3_months_of_the_first():
    """Reg 33(1)(b). 25 September + 3 months is Christmas Day: brought forward to the 24th."""
    assert timescales.care_review_due(
        date(2026, 8, 1), reviews_held=1, last_review_on=date(2026, 9, 25)
    ) == date(2026, 12, 24)
    assert timescales.care_review_due(
        date(2026, 8, 1), reviews_held=1, last_review_on=date(2026, 9, 10)
    ) == date(2026, 12, 10)


def test_later_reviews_are_at_most_6_months_apart():
    """Reg 33(1)(c). 28 June + 6 months is Monday 28 December 2026, the Boxing Day
    substitute: brought forward over the Christmas weekend to Thursday 24 December. 5 October
    2026 + 6 months is Monday 5 April 2027, a working day (Easter Monday 2027 is 29 March)."""
    assert timescales.care_review_due(
        date(2026, 1, 1), reviews_held=2, last_review_on=date(2026, 6, 28)
    ) == date(2026, 12, 24)
    assert timescales.care_review_due(
        date(2026, 1, 1), reviews_held=5, last_review_on=date(2026, 10, 5)
    ) == date(2027, 4, 5)


@pytest.mark.parametrize(
    ("placement", "due"),
    [
        (date(2026, 12, 18), date(2026, 12, 24)),  # a week on is Christmas Day
        (date(2026, 3, 27), date(2026, 4, 2)),  # a week on is Good Friday
        (date(2026, 8, 24), date(2026, 8, 28)),  # a week on is the August bank holiday
        (date(2026, 5, 18), date(2026, 5, 22)),  # a week on is the spring bank holiday
        (date(2026, 3, 10), date(2026, 3, 17)),  # an ordinary week
    ],
)
def test_the_first_visit_is_within_a_week_of_the_placement_starting(placement, due):
    """Reg 28(2)(a)."""
    assert timescales.placement_visit_due(placement) == due


def test_visits_in_the_first_year_are_at_most_6_weeks_apart():
    """Reg 28(2)(b)(i). 13 November + 6 weeks is Christmas Day: the 24th."""
    assert timescales.placement_visit_due(date(2026, 6, 1), date(2026, 11, 13)) == date(
        2026, 12, 24
    )
    assert timescales.placement_visit_due(date(2026, 6, 1), date(2026, 7, 1)) == date(2026, 8, 12)


def test_visits_after_the_first_year_are_at_most_3_months_apart():
    """Reg 28(2)(b)(ii). The placement began 1 June 2025; 1 January 2027 is a bank holiday:
    the visit of 1 October 2026 makes the next due on Thursday 31 December."""
    assert timescales.placement_visit_due(date(2025, 6, 1), date(2026, 10, 1)) == date(2026, 12, 31)
    # A visit on the last day of the first year still counts as in the first year.
    assert timescales.placement_visit_due(date(2025, 6, 1), date(2026, 5, 29)) == date(2026, 7, 10)


def test_a_visit_before_the_placement_does_not_count():
    assert timescales.placement_visit_due(date(2026, 3, 10), date(2026, 3, 1)) == date(2026, 3, 17)


def test_the_pathway_plan_is_due_before_16_years_and_3_months():
    # Born 26 September 2010: 16y3m on Saturday 26 December 2026; the day before is
    # Christmas Day: due on Thursday 24th.
    assert timescales.pathway_plan_due(date(2010, 9, 26)) == date(2026, 12, 24)
    # Born 7 January 2011: 16y3m on 7 April 2027, the day before is Tuesday 6 April 2027.
    assert timescales.pathway_plan_due(date(2011, 1, 7)) == date(2027, 4, 6)


def test_the_pathway_plan_is_reviewed_at_most_every_6_months():
    # 5 October 2026 + 6 months: Monday 5 April 2027 is a working day (Easter Monday 2027 is
    # 29 March); 29 September + 6 months is Easter Monday 2027: Friday 26 is Good Friday,
    # so Thursday 25 March.
    assert timescales.pathway_review_due(date(2026, 10, 5)) == date(2027, 4, 5)
    assert timescales.pathway_review_due(date(2026, 9, 29)) == date(2027, 3, 25)


def test_a_child_protection_visit_is_due_within_10_working_days_by_default():
    # 18 December 2026 + 10 working days: 21-24, 29-31 Dec, 4-6 Jan.
    assert timescales.protection_visit_due(date(2026, 12, 18)) == date(2027, 1, 6)
    assert timescales.protection_visit_due(date(2026, 12, 18), 5) == date(2026, 12, 29)
