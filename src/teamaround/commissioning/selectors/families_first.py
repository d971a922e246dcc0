"""The Families First outcomes: for the county, a quadrant or a district, over the period,

- the families whose assessment named a need counting towards each outcome (the outcomes and
  the need domains mapped to them are the council's data), by district; a family counts once
  in each outcome it has a need in, so a row's total counts family-outcomes;
- the families with needs across three or more outcomes, by whether they have a lead
  practitioner, a signed-off whole-family assessment and a plan, by district.

Counts come from early help's count selector (no person named); every figure is suppressed;
each table's CSV download is audited as an export."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from teamaround.commissioning.models import FamiliesFirstOutcome
from teamaround.commissioning.selectors.needs import ELSEWHERE, Area, period
from teamaround.commissioning.tables import PublishedTable, additive, percent
from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.earlyhelp.selectors.outcome_counts import families_by_outcome

SEVERAL = 3
SUPPORTED_COLUMNS = [
    "With a lead practitioner, a signed-off assessment and a plan",
    "Without all three",
]
SUPPORTED_PERCENT = "With all three (%)"


@dataclass
class FamiliesFirst:
    area: Area
    start: date
    end: date
    outcomes: list
    tables: list = field(default_factory=list)

    def table(self, key: str) -> PublishedTable:
        return next(t for t in self.tables if t.key == key)


def families_first_outcomes(*, actor):
    require(actor, "commissioning.view_families_first", what="see the Families First outcomes")
    return FamiliesFirstOutcome.objects.prefetch_related("need_domains")


def families_first_outcome_get(*, actor, pk) -> FamiliesFirstOutcome:
    from teamaround.core.records import record_get

    return record_get(
        families_first_outcomes(actor=actor),
        actor=actor,
        pk=pk,
        rule=lambda record: True,  # families_first_outcomes checked the permission
        what="a Families First outcome",
        audit=False,
    )


def families_first_figures(*, actor, area: Area, months: int = 12, today: date | None = None):
    outcomes = list(families_first_outcomes(actor=actor))
    today = today or timezone.localdate()
    first, after, start, end = period(months, today)
    groups = {o.code: [d.code for d in o.need_domains.all()] for o in outcomes}
    counts = families_by_outcome(actor=actor, start=start, end=end, groups=groups, at_least=SEVERAL)
    result = FamiliesFirst(area, first, after - timedelta(days=1), outcomes)
    place = {d.pk: i for i, d in enumerate(area.districts)}
    names = [d.name for d in area.districts] + ([ELSEWHERE] if area.county else [])
    column = {o.code: j for j, o in enumerate(outcomes)}
    by_outcome = [[0] * len(outcomes) for _ in names]
    for (code, district_id), n in counts.by_outcome.items():
        row = _row(area, place, district_id, len(names))
        if row is not None and code in column:
            by_outcome[row][column[code]] += n
    several = [[0, 0] for _ in names]
    for (district_id, supported), n in counts.several.items():
        row = _row(area, place, district_id, len(names))
        if row is not None:
            several[row][0 if supported else 1] += n
    result.tables = [
        _outcomes_table(area, names, outcomes, by_outcome),
        _several_table(area, names, several),
    ]
    return result


def _row(area, place, district_id, count) -> int | None:
    if district_id in place:
        return place[district_id]
    return count - 1 if area.county else None


def _outcomes_table(area, names, outcomes, counts) -> PublishedTable:
    cells, totals, columns, grand = additive(counts)
    table = PublishedTable(
        "outcomes-by-district",
        f"Families with a need in each Families First outcome, by district, {area.label}",
        "District",
        [o.name for o in outcomes] + ["Family-outcomes"],
    )
    for name, row, total in zip(names, cells, totals, strict=True):
        table.rows.append([name, *map(str, row), str(total)])
    table.total = [area.label, *map(str, columns), str(grand)]
    table.chart_values = [(o.name, f.shown) for o, f in zip(outcomes, columns, strict=True)]
    return table


def _several_table(area, names, counts) -> PublishedTable:
    cells, totals, columns, grand = additive(counts)
    table = PublishedTable(
        "whole-family",
        f"Families with needs across {SEVERAL} or more outcomes, by district, {area.label}",
        "District",
        [*SUPPORTED_COLUMNS, "Families", SUPPORTED_PERCENT],
    )
    for name, row, total in zip(names, cells, totals, strict=True):
        shown, value = percent(row[0], row)
        table.rows.append([name, *map(str, row), str(total), shown])
        table.chart_values.append((name, value))
    shown, _ = percent(columns[0], columns)
    table.total = [area.label, *map(str, columns), str(grand), shown]
    return table


def families_first_csv_rows(*, actor, result: FamiliesFirst, key: str) -> list[list[str]]:
    """One table as published, with the export audited."""
    require(actor, "commissioning.export_needs", what="download the Families First outcomes")
    table = result.table(key)
    audit_record(
        action=AuditAction.EXPORT,
        actor=actor,
        object_type="commissioning.families_first",
        object_id=key,
        summary=f"Families First outcomes CSV: {key}, {result.area.code or 'county'}, "
        f"{result.start:%Y-%m} to {result.end:%Y-%m}",
    )
    return table.csv_rows()
