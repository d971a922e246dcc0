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


def panel_throughput(*, actor, start, end) -> list[tuple]:
    """(panel type code, district_id, quadrant_id, month, heard, decided, carried over) for
    the cases on the agendas of meetings held in [start, end) (dates): heard at the meeting,
    decided there, or not reached and carried over to the next. Counts only."""
    from django.db.models import Q

    from teamaround.panels.models import AgendaItem
    from teamaround.panels.models.choices import ItemKind, MeetingStatus

    require(actor, "panels.view_counts", what="see panel throughput")
    items = AgendaItem.objects.filter(
        kind=ItemKind.CASE,
        meeting__held_on__gte=start,
        meeting__held_on__lt=end,
        meeting__status__in=[MeetingStatus.HELD, MeetingStatus.CLOSED],
    )
    counted = (
        items.annotate(month=TruncMonth("meeting__held_on"))
        .values(
            "meeting__panel__panel_type__code",
            "meeting__panel__district_id",
            "meeting__panel__quadrant_id",
            "month",
        )
        .annotate(
            n_heard=Count("id", filter=Q(heard=True)),
            n_decided=Count("id", filter=Q(decision__isnull=False)),
            n_carried=Count("id", filter=Q(heard=False)),
        )
        .order_by()
    )
    return [
        (
            r["meeting__panel__panel_type__code"],
            r["meeting__panel__district_id"],
            r["meeting__panel__quadrant_id"],
            r["month"],
            r["n_heard"],
            r["n_decided"],
            r["n_carried"],
        )
        for r in counted
    ]


def package_reviews_overdue(*, actor, today) -> list[tuple]:
    """(panel type code, district_id, quadrant_id, due, overdue) of active packages of
    support: `due` all active packages, `overdue` those whose review date is before today
    (a review moves the date on, so a past date is a review not yet held). Counts only."""
    from django.db.models import Q

    from teamaround.panels.models.choices import PackageStatus

    require(actor, "panels.view_counts", what="see package reviews overdue")
    counted = (
        PackageOfSupport.objects.filter(status=PackageStatus.ACTIVE)
        .values("panel__panel_type__code", "district_id", "panel__quadrant_id")
        .annotate(n_active=Count("id"), n_overdue=Count("id", filter=Q(review_on__lt=today)))
        .order_by()
    )
    return [
        (
            r["panel__panel_type__code"],
            r["district_id"],
            r["panel__quadrant_id"],
            r["n_active"],
            r["n_overdue"],
        )
        for r in counted
    ]
