"""Counts by district and month for the commissioning app's needs analysis: requests, Hub
decisions by level and by route, re-referrals and missing episodes. Aggregates only (no person
is named), so nothing here is a read of personal data."""

from __future__ import annotations

from django.db.models import Count
from django.db.models.functions import TruncMonth

from teamaround.core.access import require
from teamaround.frontdoor.models import HubDecision, MissingEpisode, RequestForSupport


def monthly_counts(*, actor, start, end) -> list[tuple]:
    """(measure, category, district_id, month, n) for everything that happened in
    [start, end) (aware datetimes)."""
    require(actor, "frontdoor.view_counts", what="see the Hub's counts by district")
    rows: list[tuple] = []
    requests = RequestForSupport.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
    rows += _grouped(requests, "requests", "submitted_at", "district_id", None)
    rows += _grouped(
        requests.filter(is_re_referral=True), "re_referrals", "submitted_at", "district_id", None
    )
    decisions = HubDecision.objects.filter(decided_at__gte=start, decided_at__lt=end)
    rows += _grouped(
        decisions, "decision_levels", "decided_at", "request__district_id", "level__number"
    )
    rows += _grouped(decisions, "decision_routes", "decided_at", "request__district_id", "route")
    missing = MissingEpisode.objects.filter(
        reported_missing_at__gte=start, reported_missing_at__lt=end
    )
    rows += _grouped(missing, "missing", "reported_missing_at", "district_id", None)
    return rows


def _grouped(queryset, measure, moment, district, category) -> list[tuple]:
    fields = [district, "month"] + ([category] if category else [])
    counted = (
        queryset.annotate(month=TruncMonth(moment)).values(*fields).annotate(n=Count("id"))
    ).order_by()
    return [
        (measure, row[category] if category else "", row[district], row["month"], row["n"])
        for row in counted
    ]


def request_times(*, actor, family_ids) -> dict:
    """{family_id: [submitted_at, ...]} of the requests about the families given, for the
    commissioning app's re-referral indicator (times only, no person named)."""
    require(actor, "frontdoor.view_counts", what="see requests for a service's families")
    found: dict = {}
    rows = RequestForSupport.objects.filter(
        family_id__in=set(family_ids), submitted_at__isnull=False
    ).values_list("family_id", "submitted_at")
    for family_id, when in rows:
        found.setdefault(family_id, []).append(when)
    return found


def decision_timeliness(*, actor, start, end) -> list[tuple]:
    """(district_id, month, submitted date, first decision date or None) of every request
    sent in [start, end) (aware datetimes), for the commissioning app's timeliness of Hub
    decisions against the one-working-day standard. Dates only, no person named; the
    standard itself is applied by `hub_due_on` (the Hub's own constant and working days)."""
    from django.db.models import Min
    from django.utils import timezone

    require(actor, "frontdoor.view_counts", what="see the timeliness of Hub decisions")
    rows = (
        RequestForSupport.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
        .values("id", "district_id", "submitted_at")
        .annotate(first=Min("decisions__decided_at"))
        .order_by()
    )
    out = []
    for row in rows:
        arrived = timezone.localtime(row["submitted_at"]).date()
        decided = timezone.localtime(row["first"]).date() if row["first"] else None
        out.append((row["district_id"], arrived.replace(day=1), arrived, decided))
    return out
