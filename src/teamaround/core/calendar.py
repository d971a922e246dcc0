"""The working-day calendar every deadline uses: weekends and England and Wales bank holidays.

Bank holidays come from the `holidays` package (GB, subdivision ENG: England and Wales share
the same list), including substitute days when a holiday falls at a weekend.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def bank_holiday_name(day: date) -> str | None:
    names = holidays.country_holidays("GB", subdiv="ENG", years=day.year)
    return names.get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (before it when `days` is negative).

    `start` itself is not counted: a request received on Friday with one working day to
    decide is due on Monday, or Tuesday when Monday is a bank holiday.
    """
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    day = start
    while remaining:
        day += timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """How many working days fall after `start` up to and including `end`.

    The inverse of add_working_days: working_days_between(d, add_working_days(d, n)) == n.
    Negative when `end` is before `start`.
    """
    if end < start:
        return -working_days_between(end, start)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
