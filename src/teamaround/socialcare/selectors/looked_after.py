"""A case's looked-after records for its pages (the case read is audited by case_get), and
their due dates for the timeliness table."""

from __future__ import annotations

from datetime import date

from teamaround.socialcare import timescales
from teamaround.socialcare.models import CarePeriod, PathwayPlan


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
        "missing": list(referral.missing_episodes.filter(archived_at__isnull=True)),
        "pathway_plan": PathwayPlan.objects.filter(referral=referral).first(),
    }


def looked_after_timeliness(referral, today: date) -> list[timescales.Timeliness]:
    from teamaround.socialcare.services.missing import conversation_due

    rows = []
    for missing in referral.missing_episodes.filter(archived_at__isnull=True):
        rows.append(
            timescales.rag(
                f"Return conversation (missing {missing.missing_on:%-d %b %Y})",
                conversation_due(missing),
                missing.conversation_offered_on,
                today,
            )
        )
    plan = PathwayPlan.objects.filter(referral=referral).first()
    if plan is not None:
        rows.append(timescales.rag("Pathway plan", plan.due_on, plan.completed_on, today))
        if plan.next_review_due:
            rows.append(timescales.rag("Pathway plan review", plan.next_review_due, None, today))
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
