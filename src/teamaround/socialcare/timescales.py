"""Statutory timescales, as pure computations (no actor, no database): each due date from its
source, counted in working days from core.calendar, and red/amber/green against it.

- Referral decision: within one working day of receipt (Working Together 2023, 3.143).
- Child and family assessment: within 45 working days of the referral (WT 2023, 3.180).
- Initial child protection conference: within 15 working days of the strategy discussion
  at which the section 47 enquiry was started (WT 2023, 4.72).
- Review conferences: the first within 3 months of the initial conference, then at most
  every 6 months (WT 2023, 4.80). A month-based date that falls on a weekend or bank
  holiday is brought forward to the working day before, so the target is never missed by
  the calendar.
- First core group meeting: within 10 working days of the initial child protection
  conference (WT 2023, chapter 4, the core group).

Children looked after (the Care Planning, Placement and Case Review (England) Regulations
2010) and care leavers:
- Reviews (reg 33): the first within 20 working days of the day the child became looked
  after, the second within 3 months of the first, then at intervals of not more than 6
  months.
- Visits (reg 28): within 1 week of the start of a placement, then at intervals of not more
  than 6 weeks in the first year of that placement, then at intervals of not more than 3
  months.
- Pathway plan: in place before the child is 16 years and 3 months old, then reviewed at
  intervals of not more than 6 months.
- Child protection visits: within the council's standard (data; 10 working days unless the
  council sets another).
A date brought forward from a weekend or bank holiday is the working day before.
"""

from __future__ import annotations

import calendar as month_calendar
from dataclasses import dataclass
from datetime import date, timedelta

from teamaround.core.calendar import add_working_days, is_working_day, working_days_between

DECISION_WORKING_DAYS = 1
ASSESSMENT_WORKING_DAYS = 45
ICPC_WORKING_DAYS = 15
FIRST_CORE_GROUP_WORKING_DAYS = 10
FIRST_REVIEW_MONTHS = 3
LATER_REVIEW_MONTHS = 6
AMBER_WORKING_DAYS = 5
CLA_FIRST_REVIEW_WORKING_DAYS = 20
CLA_SECOND_REVIEW_MONTHS = 3
CLA_LATER_REVIEW_MONTHS = 6
FIRST_VISIT_DAYS = 7
FIRST_YEAR_VISIT_WEEKS = 6
LATER_VISIT_MONTHS = 3
PATHWAY_PLAN_AGE_MONTHS = 16 * 12 + 3
PATHWAY_REVIEW_MONTHS = 6
CP_VISIT_WORKING_DAYS = 10


def decision_due(received_on: date) -> date:
    return add_working_days(received_on, DECISION_WORKING_DAYS)


def assessment_due(received_on: date) -> date:
    return add_working_days(received_on, ASSESSMENT_WORKING_DAYS)


def initial_conference_due(strategy_held_on: date) -> date:
    return add_working_days(strategy_held_on, ICPC_WORKING_DAYS)


def first_core_group_due(initial_conference_on: date) -> date:
    return add_working_days(initial_conference_on, FIRST_CORE_GROUP_WORKING_DAYS)


def months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, month_calendar.monthrange(year, month)[1]))


def working_day_on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def review_conference_due(last_conference_on: date, *, first: bool) -> date:
    months = FIRST_REVIEW_MONTHS if first else LATER_REVIEW_MONTHS
    return working_day_on_or_before(months_after(last_conference_on, months))


def care_review_due(
    became_looked_after_on: date, *, reviews_held: int, last_review_on: date | None = None
) -> date:
    """Reg 33: the next review of a looked-after child, given how many have been held."""
    if reviews_held == 0 or last_review_on is None:
        return add_working_days(became_looked_after_on, CLA_FIRST_REVIEW_WORKING_DAYS)
    months = CLA_SECOND_REVIEW_MONTHS if reviews_held == 1 else CLA_LATER_REVIEW_MONTHS
    return working_day_on_or_before(months_after(last_review_on, months))


def placement_visit_due(placement_started_on: date, last_visit_on: date | None = None) -> date:
    """Reg 28: the next visit to a child in a placement, from the placement's start and the
    last visit to it."""
    if last_visit_on is None or last_visit_on < placement_started_on:
        return working_day_on_or_before(placement_started_on + timedelta(days=FIRST_VISIT_DAYS))
    if last_visit_on < months_after(placement_started_on, 12):
        due = last_visit_on + timedelta(weeks=FIRST_YEAR_VISIT_WEEKS)
    else:
        due = months_after(last_visit_on, LATER_VISIT_MONTHS)
    return working_day_on_or_before(due)


def pathway_plan_due(date_of_birth: date) -> date:
    """The pathway plan is in place before the young person is 16 years and 3 months."""
    return working_day_on_or_before(
        months_after(date_of_birth, PATHWAY_PLAN_AGE_MONTHS) - timedelta(days=1)
    )


def pathway_review_due(last_on: date) -> date:
    return working_day_on_or_before(months_after(last_on, PATHWAY_REVIEW_MONTHS))


def protection_visit_due(last_on: date, working_days: int = CP_VISIT_WORKING_DAYS) -> date:
    return add_working_days(last_on, working_days)


@dataclass(frozen=True)
class Timeliness:
    """One due date and how it stands: red (missed), amber (close), green, or done."""

    label: str
    due_on: date
    done_on: date | None
    colour: str
    text: str

    @property
    def tag_class(self) -> str:
        return {
            "red": "govuk-tag--red",
            "amber": "govuk-tag--yellow",
            "green": "govuk-tag--green",
        }.get(self.colour, "govuk-tag--grey")


def rag(label: str, due_on: date, done_on: date | None, today: date) -> Timeliness:
    if done_on is not None:
        late = done_on > due_on
        return Timeliness(
            label, due_on, done_on, "red" if late else "done", "Late" if late else "In time"
        )
    left = working_days_between(today, due_on)
    if left < 0:
        return Timeliness(label, due_on, None, "red", "Overdue")
    if left <= AMBER_WORKING_DAYS:
        return Timeliness(label, due_on, None, "amber", "Due soon" if left else "Due today")
    return Timeliness(label, due_on, None, "green", "On track")
