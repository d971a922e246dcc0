"""Unmet need: the needs families were assessed as having, by need domain and district, against
the running directory services that meet that need in that district (how many, and their
places where the directory states a capacity), for the county, a quadrant or a district.

- Families with a need and no service: in each district, the families assessed in the period
  with a need in a domain that no running service meets there (a family counts once in each
  domain in each month it was assessed, as the needs analysis counts them). Suppressed.
- Need and services, by domain: the families with the need in the area (as the needs
  analysis publishes them, with its suppression; for the county that includes families whose
  district is not recorded), the
  running services meeting it in any of the area's districts and their stated places (not
  about people, so not suppressed), and the districts where families had the need and no
  service was offered.

The needs analysis publishes the same families by district and domain, so a figure it
withholds is withheld here too (else one page would give away what the other hides).
Families whose district is not recorded have no row: no service can be matched to them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from teamaround.commissioning.measures import BY_CODE, category_labels
from teamaround.commissioning.selectors.needs import Area, NeedsAnalysis, _breakdown, period
from teamaround.commissioning.suppression import suppress
from teamaround.commissioning.tables import PublishedTable
from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.directory.selectors.counts import service_coverage
from teamaround.earlyhelp.selectors.counts import month_starts
from teamaround.earlyhelp.selectors.counts import monthly_counts as earlyhelp_counts

NEED_COLUMNS = [
    "Families with the need",
    "Running services meeting it",
    "Places in those services",
    "Districts with the need and no service",
]


@dataclass
class UnmetNeed:
    area: Area
    start: date
    end: date
    tables: list = field(default_factory=list)

    def table(self, key: str) -> PublishedTable:
        return next(t for t in self.tables if t.key == key)


def unmet_need(*, actor, area: Area, months: int = 12, today: date | None = None) -> UnmetNeed:
    require(actor, "commissioning.view_needs", what="see unmet need")
    today = today or timezone.localdate()
    first, after, start, end = period(months, today)
    ids = {d.pk for d in area.districts}
    rows = [r for r in earlyhelp_counts(actor=actor, start=start, end=end) if r[0] == "needs"]
    demand: dict = defaultdict(int)  # (domain, district_id) -> families
    for _, domain, district_id, _, n in rows:
        if district_id in ids:
            demand[(domain, district_id)] += n
    offered: dict = defaultdict(dict)  # (domain, district_id) -> {service_id: capacity}
    for domain, district_id, service_id, capacity in service_coverage(actor=actor):
        if district_id in ids:
            offered[(domain, district_id)][service_id] = capacity
    # The needs analysis publishes the same families by district and domain: what it
    # withholds is withheld here too, and its area totals are this page's.
    analysis = NeedsAnalysis(area, first, after, month_starts(first, today), 0, [])
    published = _breakdown(BY_CODE["needs"], rows, analysis, {})
    domains = category_labels("domains", {r[1] for r in rows})
    result = UnmetNeed(area, first, after - timedelta(days=1))
    result.tables = [
        _unmet_table(area, domains, demand, offered, published),
        _domains_table(area, domains, demand, offered, published),
    ]
    return result


def _unmet_table(area, domains, demand, offered, published) -> PublishedTable:
    counts = [
        [0 if offered.get((code, d.pk)) else demand.get((code, d.pk), 0) for code, _ in domains]
        for d in area.districts
    ]
    hidden = {
        (i, j)
        for i, (_, cells, *_) in enumerate(published.by_district[: len(area.districts)])
        for j, figure in enumerate(cells)
        if figure.suppressed and counts[i][j]
    }
    table = suppress(counts, withhold_cells=hidden)
    cells, totals = table.cells, table.row_totals
    columns, grand = table.column_totals, table.grand_total
    table = PublishedTable(
        "unmet-by-district",
        f"Families with a need no running service meets in their district, {area.label}",
        "District",
        [label for _, label in domains] + ["Family-needs without a service"],
    )
    for district, row, total in zip(area.districts, cells, totals, strict=True):
        table.rows.append([district.name, *map(str, row), str(total)])
        table.chart_values.append((district.name, total.shown))
    table.total = [area.label, *map(str, columns), str(grand)]
    return table


def _domains_table(area, domains, demand, offered, published) -> PublishedTable:
    table = PublishedTable(
        "need-and-services",
        f"Need and the services meeting it, by need domain, {area.label}",
        "Need domain",
        NEED_COLUMNS,
    )
    for (code, label), figure in zip(domains, published.district_totals, strict=True):
        services: dict = {}
        for d in area.districts:
            services.update(offered.get((code, d.pk), {}))
        stated = [c for c in services.values() if c is not None]
        places = f"{sum(stated):,}" if stated else "Not stated"
        if stated and len(stated) < len(services):
            places += " (not every service states it)"
        bare = sum(
            1 for d in area.districts if demand.get((code, d.pk)) and not offered.get((code, d.pk))
        )
        table.rows.append([label, str(figure), str(len(services)), places, str(bare)])
    return table


def unmet_csv_rows(*, actor, result: UnmetNeed, key: str) -> list[list[str]]:
    """One table as published, with the export audited."""
    require(actor, "commissioning.export_needs", what="download unmet need")
    table = result.table(key)
    audit_record(
        action=AuditAction.EXPORT,
        actor=actor,
        object_type="commissioning.unmet_need",
        object_id=key,
        summary=f"Unmet need CSV: {key}, {result.area.code or 'county'}, "
        f"{result.start:%Y-%m} to {result.end:%Y-%m}",
    )
    return table.csv_rows()
