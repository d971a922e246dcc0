"""A case's looked-after records for its pages (the case read is audited by case_get), and
their due dates for the timeliness table."""

from __future__ import annotations

from datetime import date

from teamaround.socialcare import timescales
from teamaround.socialcare.models import CarePeriod


def case_looked_after(referral) -> dict:
    periods = list(
        CarePeriod.objects.filter(referral=referral).prefetch_related("placements", "reviews")
    )
    current = next((p for p in periods if p.is_open), None)
    placement = None
    if current is not None:
        placement = next((p for p in current.placements.all() if p.ended_on is None), None)
    return {
        "periods": periods,
        "period": current,
        "placement": placement,
        "visits": list(referral.visits.select_related("placement")[:20]),
    }


def looked_after_timeliness(referral, today: date) -> list[timescales.Timeliness]:
    rows = []
    for period in CarePeriod.objects.filter(referral=referral, ended_on__isnull=True):
        for review in period.reviews.filter(archived_at__isnull=True):
            rows.append(
                timescales.rag(
                    f"Looked-after review {review.number}", review.due_on, review.held_on, today
                )
            )
        for placement in period.placements.filter(ended_on__isnull=True):
            if placement.next_visit_due:
                rows.append(
                    timescales.rag("Placement visit", placement.next_visit_due, None, today)
                )
    return rows
