"""Counts by district and month for the commissioning app's needs analysis: MARAC and MACE
cases heard and packages of support agreed, by panel type. Aggregates only (no person named)."""

from __future__ import annotations

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from teamaround.core.access import require
from teamaround.panels.models import PackageOfSupport, PackagePart, PanelReferral

RISK_PANELS = ("marac", "mace1", "mace2")


def monthly_counts(*, actor, start, end) -> list[tuple]:
    """(measure, category, district_id, month, n) for [start, end) (aware datetimes)."""
    require(actor, "panels.view_counts", what="see panel counts by district")
    cases = PanelReferral.objects.filter(
        received_at__gte=start, received_at__lt=end, panel__panel_type__code__in=RISK_PANELS
    )
    counted = (
        cases.annotate(month=TruncMonth("received_at"))
        .values("panel__district_id", "month", "panel__panel_type__code")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = [
        ("risk_cases", r["panel__panel_type__code"], r["panel__district_id"], r["month"], r["n"])
        for r in counted
    ]
    packages = PackageOfSupport.objects.filter(
        starts_on__gte=start.date(), starts_on__lt=end.date()
    )
    counted = (
        packages.annotate(month=TruncMonth("starts_on"))
        .values("district_id", "month", "panel__panel_type__code")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows += [
        ("packages", r["panel__panel_type__code"], r["district_id"], r["month"], r["n"])
        for r in counted
    ]
    return rows


def committed_costs(*, actor, start, end) -> list[tuple]:
    """(panel type code, provider agency name, district_id, total cost) of the packages of
    support agreed at panels starting in [start, end) (dates): the cost committed, for the
    Resource Envelope."""
    require(actor, "panels.view_counts", what="see the cost committed at panels")
    parts = PackagePart.objects.filter(package__starts_on__gte=start, package__starts_on__lt=end)
    counted = (
        parts.values("package__panel__panel_type__code", "provider__name", "package__district_id")
        .annotate(total=Sum("cost"))
        .order_by()
    )
    return [
        (
            r["package__panel__panel_type__code"],
            r["provider__name"],
            r["package__district_id"],
            r["total"],
        )
        for r in counted
    ]
