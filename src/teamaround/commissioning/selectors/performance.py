"""Performance of the Hub and the panels, for the county, a quadrant or a district.

- Timeliness of Hub decisions: each request sent in the period is decided within the Hub's
  standard (one working day after the local day it arrived, `HUB_RESPONSE_WORKING_DAYS`, with
  weekends and bank holidays skipped by core.calendar), decided late, not decided and overdue,
  or not decided and not yet due. The first decision counts (a later level 4 escalation does
  not restart the clock). The percentage is of those whose deadline has passed or that were
  decided. By district and by the month the request arrived.
- Panel throughput: the cases on the agendas of meetings held in the period, heard or not
  reached and carried over, and decided; by panel type and by month.
- Package reviews overdue: active packages of support whose review date has passed, today.

Counts come from the Hub's and panels' count selectors (no person named); every figure is
suppressed as the needs analysis is."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from teamaround.commissioning.measures import PANEL_NAMES
from teamaround.commissioning.selectors.needs import ELSEWHERE, Area, period
from teamaround.commissioning.tables import PublishedTable, additive, percent
from teamaround.core.access import require
from teamaround.core.calendar import add_working_days
from teamaround.earlyhelp.selectors.counts import month_starts
from teamaround.frontdoor.selectors.counts import decision_timeliness
from teamaround.frontdoor.services.lifecycle import HUB_RESPONSE_WORKING_DAYS
from teamaround.panels.selectors.counts import package_reviews_overdue, panel_throughput

ON_TIME, LATE, OVERDUE, NOT_DUE = range(4)
HUB_COLUMNS = [
    "Decided within one working day",
    "Decided late",
    "Not decided, overdue",
    "Not decided, not yet due",
]
HUB_PERCENT = "Decided within one working day (%)"


@dataclass
class Performance:
    area: Area
    start: date
    end: date
    today: date
    tables: list = field(default_factory=list)

    def table(self, key: str) -> PublishedTable:
        return next(t for t in self.tables if t.key == key)


def timeliness(arrived: date, decided: date | None, today: date, due_cache: dict) -> int:
    """Which of the four a request is: against the day it was due, the Hub's standard."""
    due = due_cache.get(arrived)
    if due is None:
        due = due_cache[arrived] = add_working_days(arrived, HUB_RESPONSE_WORKING_DAYS)
    if decided is not None:
        return ON_TIME if decided <= due else LATE
    return OVERDUE if today > due else NOT_DUE


def performance_figures(*, actor, area: Area, months: int = 12, today: date | None = None):
    require(actor, "commissioning.view_needs", what="see the performance of the Hub and panels")
    today = today or timezone.localdate()
    first, after, start, end = period(months, today)
    result = Performance(area, first, after, today)
    month_list = month_starts(first, today)
    result.tables += _hub_tables(actor, area, month_list, start, end, today)
    result.tables += _panel_tables(actor, area, month_list, first, after)
    result.tables.append(_reviews_table(actor, area, today))
    return result


def _hub_tables(actor, area, month_list, start, end, today) -> list[PublishedTable]:
    ids = {d.pk: i for i, d in enumerate(area.districts)}
    names = [d.name for d in area.districts] + ([ELSEWHERE] if area.county else [])
    by_place = [[0] * 4 for _ in names]
    by_month = {m: [0] * 4 for m in month_list}
    cache: dict = {}
    for district_id, month, arrived, decided in decision_timeliness(
        actor=actor, start=start, end=end
    ):
        if district_id not in ids and not area.county:
            continue
        which = timeliness(arrived, decided, today, cache)
        by_place[ids.get(district_id, len(names) - 1)][which] += 1
        by_month[month][which] += 1
    district = _hub_table(
        "hub-by-district",
        "Timeliness of Hub decisions by district",
        "District",
        names,
        by_place,
        area.label,
    )
    monthly = _hub_table(
        "hub-by-month",
        f"Timeliness of Hub decisions by month the request arrived, {area.label}",
        "Month",
        [f"{m:%B %Y}" for m in month_list],
        [by_month[m] for m in month_list],
        "All months",
    )
    return [district, monthly]


def _hub_table(key, caption, heading, labels, counts, total_label) -> PublishedTable:
    cells, totals, columns, grand = additive(counts)
    table = PublishedTable(key, caption, heading, [*HUB_COLUMNS, "Requests", HUB_PERCENT])
    for label, row, total in zip(labels, cells, totals, strict=True):
        shown, value = percent(row[ON_TIME], row[:NOT_DUE])
        table.rows.append([label, *map(str, row), str(total), shown])
        table.chart_values.append((label, value))
    shown, _ = percent(columns[ON_TIME], columns[:NOT_DUE])
    table.total = [total_label, *map(str, columns), str(grand), shown]
    return table


def _in_area(area: Area, district_id, quadrant_id) -> bool:
    """A panel's case belongs to the area of its panel: a district panel to its district, a
    quadrant panel to its whole quadrant, a county panel to the county only."""
    if area.county:
        return True
    if district_id is not None:
        return district_id in {d.pk for d in area.districts}
    if quadrant_id is not None and area.code.startswith("q:"):
        return any(d.quadrant_id == quadrant_id for d in area.districts)
    return False


def _panel_labels(seen) -> list[tuple[str, str]]:
    known = [(code, name) for code, name in PANEL_NAMES.items() if code in seen]
    return known + [(code, code) for code in sorted(set(seen) - set(PANEL_NAMES))]


def _panel_tables(actor, area, month_list, first, after) -> list[PublishedTable]:
    by_type: dict = defaultdict(lambda: [0, 0, 0])
    by_month = {m: [0, 0, 0] for m in month_list}
    for code, district_id, quadrant_id, month, heard, decided, carried in panel_throughput(
        actor=actor, start=first, end=after
    ):
        if not _in_area(area, district_id, quadrant_id):
            continue
        month = month.date() if hasattr(month, "date") else month
        for counts in (by_type[code], by_month.setdefault(month, [0, 0, 0])):
            counts[0] += heard
            counts[1] += carried
            counts[2] += decided
    labels = _panel_labels(by_type)
    return [
        _throughput_table(
            "panels-by-type",
            f"Panel throughput by panel, {area.label}",
            "Panel",
            [name for _, name in labels],
            [by_type[code] for code, _ in labels],
            "All panels",
        ),
        _throughput_table(
            "panels-by-month",
            f"Panel throughput by month, {area.label}",
            "Month",
            [f"{m:%B %Y}" for m in month_list],
            [by_month[m] for m in month_list],
            "All months",
        ),
    ]


def _throughput_table(key, caption, heading, labels, counts, total_label) -> PublishedTable:
    """Heard and carried over add up to the cases on the agenda; decided is a block of its own
    (a part of heard, so it is suppressed with its own column total)."""
    table = PublishedTable(
        key, caption, heading, ["Heard", "Carried over", "Cases on the agenda", "Decided"]
    )
    if not counts:
        return table
    cells, totals, columns, grand = additive([c[:2] for c in counts])
    decided, _, decided_total, _ = additive([[c[2]] for c in counts])
    for label, row, total, dec in zip(labels, cells, totals, decided, strict=True):
        table.rows.append([label, *map(str, row), str(total), str(dec[0])])
        table.chart_values.append((label, row[0].shown))
    table.total = [total_label, *map(str, columns), str(grand), str(decided_total[0])]
    return table


def _reviews_table(actor, area, today) -> PublishedTable:
    by_type: dict = defaultdict(lambda: [0, 0])
    for code, district_id, quadrant_id, active, overdue in package_reviews_overdue(
        actor=actor, today=today
    ):
        if _in_area(area, district_id, quadrant_id):
            by_type[code][0] += active - overdue
            by_type[code][1] += overdue
    labels = _panel_labels(by_type)
    table = PublishedTable(
        "package-reviews",
        f"Reviews of packages of support on {today:%-d %B %Y}, {area.label}",
        "Panel",
        ["Review not yet due", "Review overdue", "Active packages"],
    )
    if not labels:
        return table
    cells, totals, columns, grand = additive([by_type[code] for code, _ in labels])
    for (_, name), row, total in zip(labels, cells, totals, strict=True):
        table.rows.append([name, *map(str, row), str(total)])
        table.chart_values.append((name, row[1].shown))
    table.total = ["All panels", *map(str, columns), str(grand)]
    return table


def performance_csv_rows(*, actor, result: Performance, key: str) -> list[list[str]]:
    """One table as published, with the export audited."""
    from teamaround.core.audit import audit_record
    from teamaround.core.models import AuditAction

    require(actor, "commissioning.export_needs", what="download the performance figures")
    table = result.table(key)
    audit_record(
        action=AuditAction.EXPORT,
        actor=actor,
        object_type="commissioning.performance",
        object_id=key,
        summary=f"Performance CSV: {key}, {result.area.code or 'county'}, "
        f"{result.start:%Y-%m} to {result.today:%Y-%m}",
    )
    return table.csv_rows()
