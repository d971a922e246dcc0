"""Package monitoring and the cost committed per agency and per district: the figures the
commissioning view will read. Totals only, no family detail."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum

from teamaround.core.access import require
from teamaround.panels.models import (
    JointFundingShare,
    PackageOfSupport,
    PackagePart,
    PackageStatus,
)
from teamaround.panels.permissions import current_panels


def packages_for_monitoring(*, actor, panel, due_by=None):
    """Active packages of a panel the actor sits on, with their latest review."""
    packages = PackageOfSupport.objects.filter(
        panel=panel, panel_id__in=current_panels(actor), status=PackageStatus.ACTIVE
    ).select_related("decision__lead_professional", "district")
    if due_by is not None:
        packages = packages.filter(review_on__lte=due_by)
    return packages.prefetch_related("parts__service", "parts__provider", "reviews").order_by(
        "review_on"
    )


def cost_report(*, actor) -> dict:
    require(actor, "panels.view_cost_report", what="see the panels cost report")
    active = PackagePart.objects.filter(package__status=PackageStatus.ACTIVE)
    by_agency: dict[str, Decimal] = {}
    for row in active.values("provider__name").annotate(total=Sum("cost")):
        by_agency[row["provider__name"]] = row["total"]
    for row in JointFundingShare.objects.values("agency__name").annotate(total=Sum("amount")):
        by_agency[row["agency__name"]] = by_agency.get(row["agency__name"], 0) + row["total"]
    by_district = [
        {"district": row["package__district__name"] or "County-wide", "total": row["total"]}
        for row in active.values("package__district__name")
        .annotate(total=Sum("cost"))
        .order_by("package__district__name")
    ]
    agencies = [{"agency": name, "total": total} for name, total in sorted(by_agency.items())]
    return {
        "by_agency": agencies,
        "by_district": by_district,
        "total": sum((a["total"] for a in agencies), Decimal(0)),
    }
