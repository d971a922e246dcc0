"""The Resource Envelope: what each agency spends on each priority in each district in a
financial year (recorded, plus the cost committed to packages agreed at panels, read through
panels' selector), beside the need in the same districts and the cost per family helped.
Spend is money, not people, so it is shown in full; the counts of children and families beside
it are suppressed, and so is a cost per family wherever its count is."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.commissioning.models import PriorityArea, Spend, year_label
from teamaround.commissioning.selectors.needs import Area, _population
from teamaround.commissioning.suppression import Figure, rate, suppress
from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.earlyhelp.selectors.counts import families_helped
from teamaround.frontdoor.selectors.counts import monthly_counts as frontdoor_counts
from teamaround.panels.selectors.counts import committed_costs

UNASSIGNED = "Packages not under a priority"


def priority_areas():
    return PriorityArea.objects.filter(is_active=True)


def current_financial_year(today: date | None = None) -> int:
    today = today or timezone.localdate()
    return today.year if today.month >= 4 else today.year - 1


def spend_entries(*, actor, year: int):
    """The spend recorded for a year (amounts by agency, not about people)."""
    require(actor, "commissioning.view_envelope", what="see the Resource Envelope")
    return Spend.objects.filter(financial_year=year, archived_at__isnull=True).select_related(
        "agency", "priority", "district"
    )


@dataclass
class Envelope:
    area: Area
    year: int
    priorities: list
    by_district: list = field(default_factory=list)  # (name, [amounts], total)
    district_totals: list = field(default_factory=list)
    by_agency: list = field(default_factory=list)  # (agency, [amounts], total)
    total: Decimal = Decimal(0)
    need: list = field(default_factory=list)  # (name, requests, rate, families, spend, per fam)

    @property
    def label(self) -> str:
        return year_label(self.year)


def envelope(*, actor, area: Area, year: int) -> Envelope:
    require(actor, "commissioning.view_envelope", what="see the Resource Envelope")
    first, after = date(year, 4, 1), date(year + 1, 4, 1)
    priorities = list(priority_areas())
    by_panel = {code: p.name for p in priorities for code in p.panel_types}
    columns = [p.name for p in priorities]
    ids = [d.pk for d in area.districts]
    cells = defaultdict(Decimal)  # (district_id, column) -> amount
    agencies = defaultdict(Decimal)  # (agency name, column) -> amount
    recorded = spend_entries(actor=actor, year=year).filter(district_id__in=ids)
    for entry in recorded:
        cells[entry.district_id, entry.priority.name] += entry.amount
        agencies[entry.agency.name, entry.priority.name] += entry.amount
    for panel_type, provider, district_id, total in committed_costs(
        actor=actor, start=first, end=after
    ):
        if district_id not in ids:
            continue
        column = by_panel.get(panel_type, UNASSIGNED)
        if column not in columns:
            columns.append(column)
        cells[district_id, column] += total
        agencies[provider, column] += total
    result = Envelope(area, year, columns)
    for district in area.districts:
        amounts = [cells[district.pk, c] for c in columns]
        result.by_district.append((district.name, amounts, sum(amounts, Decimal(0))))
    result.district_totals = [sum((cells[d, c] for d in ids), Decimal(0)) for c in columns]
    result.total = sum(result.district_totals, Decimal(0))
    for agency in sorted({name for name, _ in agencies}):
        amounts = [agencies[agency, c] for c in columns]
        result.by_agency.append((agency, amounts, sum(amounts, Decimal(0))))
    result.need = _need(actor, area, first, after, result)
    return result


def _need(actor, area, first, after, result) -> list:
    start = timezone.make_aware(datetime.combine(first, time.min))
    end = timezone.make_aware(datetime.combine(after, time.min))
    requests = defaultdict(int)
    for measure, _, district_id, _, n in frontdoor_counts(actor=actor, start=start, end=end):
        if measure == "requests":
            requests[district_id] += n
    helped = families_helped(actor=actor, start=first, end=after)
    population = _population()
    ids = [d.pk for d in area.districts]
    asked = suppress([[requests[i]] for i in ids])
    families = suppress([[helped.get(i, 0)] for i in ids])
    rows = []
    for n, district in enumerate(area.districts):
        spend = result.by_district[n][2]
        count = families.row_totals[n]
        rows.append(
            (
                district.name,
                asked.row_totals[n],
                rate(asked.row_totals[n], population.get(district.pk)),
                count,
                spend,
                _per_family(spend, count),
            )
        )
    grand = families.grand_total
    rows.append(
        (
            area.label,
            asked.grand_total,
            rate(asked.grand_total, sum(population.get(i, 0) for i in ids)),
            grand,
            result.total,
            _per_family(result.total, grand),
        )
    )
    return rows


def _per_family(spend: Decimal, families: Figure) -> str:
    if families.suppressed:
        return str(families)
    if not families.value:
        return "–"
    return f"£{spend / families.value:,.0f}"


def envelope_csv_rows(*, actor, result: Envelope, by: str) -> list[list]:
    require(actor, "commissioning.export_needs", what="download the Resource Envelope")
    audit_record(
        action=AuditAction.EXPORT,
        actor=actor,
        object_type="commissioning.envelope",
        object_id=by,
        summary=f"Resource Envelope CSV by {by}, {result.area.code or 'county'}, {result.label}",
    )
    if by == "need":
        out = [
            [
                "District",
                "Requests for support",
                "Rate per 10,000 children",
                "Families helped",
                "Spend (£)",
                "Cost per family helped",
            ]
        ]
        for name, asked, per, families, spend, per_family in result.need:
            out.append([name, str(asked), per, str(families), f"{spend:.2f}", per_family])
        return out
    rows = result.by_agency if by == "agency" else result.by_district
    out = [["Agency" if by == "agency" else "District", *result.priorities, "Total (£)"]]
    for name, amounts, total in rows:
        out.append([name, *(f"{a:.2f}" for a in amounts), f"{total:.2f}"])
    out.append(["Total", *(f"{a:.2f}" for a in result.district_totals), f"{result.total:.2f}"])
    return out


def agencies_for_spend(*, actor):
    """The agencies whose spend the actor may record: any for a data analyst, their own for a
    commissioner."""
    from teamaround.accounts.models import Agency

    require(actor, "commissioning.view_envelope", what="record spend")
    agencies = Agency.objects.filter(archived_at__isnull=True).order_by("name")
    if actor.has_role(Role.DATA_ANALYST):
        return agencies
    return agencies.filter(pk=actor.agency.pk if actor.agency else None)
