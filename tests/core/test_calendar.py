"""The working-day calendar across Christmas, Easter and bank-holiday weekends."""

from datetime import date, timedelta

import pytest

from teamaround.core.calendar import (
    add_working_days,
    bank_holiday_name,
    is_working_day,
    working_days_between,
)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Christmas 2026: Friday 25th, Boxing Day on Saturday observed on Monday 28th.
        (date(2026, 12, 24), 1, date(2026, 12, 29)),
        (date(2026, 12, 23), 2, date(2026, 12, 29)),
        # Christmas 2027 falls at a weekend: both days observed on Monday 27th and Tuesday 28th.
        (date(2027, 12, 24), 1, date(2027, 12, 29)),
        # Across New Year 2027 (Friday 1 January).
        (date(2026, 12, 31), 1, date(2027, 1, 4)),
        # Easter 2027: Good Friday 26 March, Easter Monday 29 March.
        (date(2027, 3, 25), 1, date(2027, 3, 30)),
        (date(2027, 3, 24), 3, date(2027, 3, 31)),
        # Spring bank holiday weekend 2026: Monday 25 May.
        (date(2026, 5, 22), 1, date(2026, 5, 26)),
        # An ordinary week, and zero days.
        (date(2026, 11, 23), 5, date(2026, 11, 30)),
        (date(2026, 11, 25), 0, date(2026, 11, 25)),
        # Backwards over a weekend.
        (date(2026, 11, 30), -1, date(2026, 11, 27)),
    ],
)
def test_add_working_days(start, days, expected):
    assert add_working_days(start, days) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 12, 24), date(2026, 12, 29), 1),
        (date(2026, 12, 18), date(2027, 1, 8), 12),
        (date(2027, 3, 25), date(2027, 3, 30), 1),
        (date(2026, 5, 22), date(2026, 5, 26), 1),
        (date(2026, 11, 25), date(2026, 11, 25), 0),
        (date(2026, 12, 29), date(2026, 12, 24), -1),
    ],
)
def test_working_days_between(start, end, expected):
    assert working_days_between(start, end) == expected


def test_adding_and_counting_are_inverses_over_a_whole_year():
    start = date(2026, 1, 1)
    for offset in range(0, 365, 7):
        day = start + timedelta(days=offset)
        for days in (1, 3, 10, 25):
            assert working_days_between(day, add_working_days(day, days)) == days


def test_weekends_and_bank_holidays_are_not_working_days():
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert not is_working_day(date(2026, 12, 28))  # Boxing Day observed
    assert not is_working_day(date(2027, 3, 26))  # Good Friday
    assert is_working_day(date(2026, 11, 25))
    assert bank_holiday_name(date(2027, 3, 29)) == "Easter Monday"
    assert bank_holiday_name(date(2026, 11, 25)) is None
