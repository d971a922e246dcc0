"""The needs analysis: for the county, a quadrant, a district or districts side by side, each
measure's counts and rates per 10,000 children by district and by month, every figure passed
through `suppression`. The counts come from the casework apps' own selectors (aggregates, no
person named), so this page reads no personal data; its CSV downloads are audited as exports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Sum
from django.utils import timezone

from teamaround.commissioning.measures import MEASURES, Measure, category_labels
from teamaround.commissioning.models import ChildPopulation
from teamaround.commissioning.suppression import Figure, linked, rate, rate_value, suppress
from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction, District, DistrictKind, Quadrant
from teamaround.earlyhelp.selectors.counts import month_starts
from teamaround.earlyhelp.selectors.counts import monthly_counts as earlyhelp_counts
from teamaround.frontdoor.selectors.counts import monthly_counts as frontdoor_counts
from teamaround.panels.selectors.counts import monthly_counts as panel_counts

ELSEWHERE = "Elsewhere or not recorded"


@dataclass
class Area:
    code: str
    label: str
    districts: list
    county: bool = False


def area_choices() -> list[tuple[str, str]]:
    """Values for the area filter: the county, each quadrant, each district."""
    choices = [("", "Essex (the county)")]
    choices += [(f"q:{q.code}", f"{q.name} quadrant") for q in Quadrant.objects.all()]
    choices += [(d.code, d.name) for d in _county_districts()]
    return choices


def district_choices() -> list[tuple[str, str]]:
    return [(d.code, d.name) for d in _county_districts()]


def _county_districts():
    return list(District.objects.filter(kind=DistrictKind.DISTRICT).select_related("quadrant"))


def area_for(code: str = "", compare=()) -> Area:
    districts = _county_districts()
    if compare:
        chosen = [d for d in districts if d.code in set(compare)]
        return Area("compare", "Districts compared: " + ", ".join(d.name for d in chosen), chosen)
    if code.startswith("q:"):
        quadrant = [d for d in districts if d.quadrant and d.quadrant.code == code[2:]]
        name = quadrant[0].quadrant.name if quadrant else code[2:]
        return Area(code, f"{name} quadrant", quadrant)
    match = [d for d in districts if d.code == code]
    if match:
        return Area(code, match[0].name, match)
    return Area("", "Essex", districts, county=True)


def period(months: int, today: date) -> tuple[date, date, datetime, datetime]:
    """The whole months ending with today's: (first day, the first day after, and both as
    aware datetimes at midnight), so every page counts the same months."""
    first = today.replace(day=1)
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    after = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    start = timezone.make_aware(datetime.combine(first, time.min))
    return first, after, start, timezone.make_aware(datetime.combine(after, time.min))


@dataclass
class Breakdown:
    measure: Measure
    columns: list = field(default_factory=list)
    by_district: list = field(default_factory=list)  # (name, cells, total, rate, rate value)
    district_totals: list | None = None
    area_total: Figure | None = None
    area_rate: str = ""
    by_month: list = field(default_factory=list)  # (month, cells, total, rate)
    month_totals: list | None = None


@dataclass
class NeedsAnalysis:
    area: Area
    start: date
    end: date
    months: list
    population: int
    breakdowns: list


def needs_analysis(*, actor, area: Area, months: int = 12, today: date | None = None):
    require(actor, "commissioning.view_needs", what="see the needs analysis")
    today = today or timezone.localdate()
    first, after, start, end = period(months, today)
    rows = frontdoor_counts(actor=actor, start=start, end=end)
    rows += earlyhelp_counts(actor=actor, start=start, end=end)
    rows += panel_counts(actor=actor, start=start, end=end)
    population = _population()
    analysis = NeedsAnalysis(
        area, first, after - timedelta(days=1), month_starts(first, today), 0, []
    )
    analysis.population = sum(population.get(d.pk, 0) for d in area.districts)
    grouped = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    for measure in MEASURES:
        analysis.breakdowns.append(_breakdown(measure, grouped[measure.code], analysis, population))
    return analysis


def _population() -> dict:
    rows = ChildPopulation.objects.values("district_id").annotate(n=Sum("children")).order_by()
    return {row["district_id"]: row["n"] for row in rows}


def _month(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def _breakdown(measure, rows, analysis, population) -> Breakdown:
    area = analysis.area
    ids = {d.pk for d in area.districts}
    columns = category_labels(measure.categories, {r[1] for r in rows})
    index = {value: i for i, (value, _) in enumerate(columns)}
    last = analysis.months[-1]
    names = [d.name for d in area.districts] + ([ELSEWHERE] if area.county else [])
    place = {d.pk: i for i, d in enumerate(area.districts)}
    by_place = [[0] * len(columns) for _ in names]
    by_month = {m: [0] * len(columns) for m in analysis.months}
    for _, category, district_id, month, n in rows:
        if district_id not in ids and not area.county:
            continue
        month = _month(month)
        if month in by_month:
            by_month[month][index[category]] += n
        if not measure.stock or month == last:
            by_place[place.get(district_id, len(names) - 1)][index[category]] += n
    result = Breakdown(measure, [label for _, label in columns])
    monthly_rows = [by_month[m] for m in analysis.months]
    if measure.stock:
        # the last month's row is the district table's total row: published as that row is
        table = suppress(by_place)
        monthly = suppress(monthly_rows, column_totals=False)
        monthly.cells[-1], monthly.row_totals[-1] = table.column_totals, table.grand_total
    else:
        # both tables end in the same totals: withheld in one, withheld in both
        table, monthly = linked(by_place, monthly_rows)
    pops = [population.get(d.pk) for d in area.districts] + [None]
    for name, cells, total, pop in zip(names, table.cells, table.row_totals, pops, strict=False):
        result.by_district.append((name, cells, total, rate(total, pop), rate_value(total, pop)))
    result.district_totals, result.area_total = table.column_totals, table.grand_total
    result.area_rate = rate(table.grand_total, analysis.population)
    for month, cells, total in zip(analysis.months, monthly.cells, monthly.row_totals, strict=True):
        result.by_month.append((month, cells, total, rate(total, analysis.population)))
    result.month_totals = monthly.column_totals
    return result


def breakdown_csv_rows(*, actor, analysis: NeedsAnalysis, code: str, by: str) -> list[list]:
    """The rows of one figure's table, as published (suppressed), with the export audited."""
    require(actor, "commissioning.export_needs", what="download the needs analysis")
    breakdown = next(b for b in analysis.breakdowns if b.measure.code == code)
    audit_record(
        action=AuditAction.EXPORT,
        actor=actor,
        object_type="commissioning.needs_analysis",
        object_id=code,
        summary=f"Needs analysis CSV: {code} by {by}, {analysis.area.code or 'county'}, "
        f"{analysis.start:%Y-%m} to {analysis.end:%Y-%m}",
    )
    single = len(breakdown.columns) == 1  # one figure: the total is the number itself

    def cells(values):
        return [] if single else [str(v) for v in values]

    heads = [] if single else breakdown.columns
    total = "Number" if single else "Total"
    if by == "month":
        out = [["Month", *heads, total, "Rate per 10,000 children"]]
        for month, row, count, per in breakdown.by_month:
            out.append([f"{month:%Y-%m}", *cells(row), str(count), per])
        if breakdown.month_totals is not None:
            out.append(
                [
                    "All months",
                    *cells(breakdown.month_totals),
                    str(breakdown.area_total),
                    breakdown.area_rate,
                ]
            )
        return out
    out = [["District", *heads, total, "Rate per 10,000 children"]]
    for name, row, count, per, _ in breakdown.by_district:
        out.append([name, *cells(row), str(count), per])
    out.append(
        [
            analysis.area.label,
            *cells(breakdown.district_totals),
            str(breakdown.area_total),
            breakdown.area_rate,
        ]
    )
    return out
