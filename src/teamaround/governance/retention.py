"""Retention sources and the arithmetic of the rules.

Governance does not read the casework apps' tables: each app that keeps records about people
registers a source in its AppConfig.ready() (`register_source("early_help", records)`), a
function yielding a `RetainedRecord` for each record and each person it is about: when it
closed (None while it is open), its last entry, and whether the child was looked after. The
rule of the same kind (governance.RetentionRule, data with Essex's defaults) says how long
it is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RetainedRecord:
    person_id: object
    kind: str
    closed_on: date | None
    last_entry: date
    looked_after: bool = False


_sources: dict[str, Callable[[], Iterable[RetainedRecord]]] = {}


def register_source(kind: str, records: Callable[[], Iterable[RetainedRecord]]) -> None:
    _sources[kind] = records


def sources() -> dict[str, Callable[[], Iterable[RetainedRecord]]]:
    return dict(_sources)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def keep_until(rule, record: RetainedRecord, born: date | None) -> date | None:
    """The day `record` may go under `rule`: the latest of its periods; None while it must
    be kept (still open, or nothing to count from)."""
    if rule.years_after_closure and record.closed_on is None:
        return None
    ends = []
    if rule.years_after_closure and record.closed_on:
        ends.append(add_years(record.closed_on, rule.years_after_closure))
    if rule.until_age and born:
        ends.append(add_years(born, rule.until_age))
    if rule.looked_after_years and record.looked_after:
        ends.append(add_years(record.last_entry, rule.looked_after_years))
    return max(ends) if ends else None
