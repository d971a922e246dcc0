"""Counts by district and month for the commissioning app's needs analysis: episodes open at
each month's end by level, families assessed as having a need in each domain, and step-ups to
social care. Aggregates only (no person is named)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from teamaround.core.access import require
from teamaround.earlyhelp.models import AssessedNeed, Episode, FamilyFeedback, NeedScore, StepUp


def month_starts(first: date, last: date) -> list[date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def monthly_counts(*, actor, start, end) -> list[tuple]:
    """(measure, category, district_id, month, n) for [start, end) (aware datetimes)."""
    require(actor, "earlyhelp.view_counts", what="see early help counts by district")
    rows: list[tuple] = []
    months = month_starts(start.date(), (end - timedelta(microseconds=1)).date())
    # Open at the end of each month: started by then and not closed by then.
    month_ends = {m: (m + timedelta(days=32)).replace(day=1) - timedelta(days=1) for m in months}
    episodes = Episode.objects.filter(started_on__lte=month_ends[months[-1]]).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=months[0])
    )
    counts = {
        f"m{i}": Count(
            "id",
            filter=Q(started_on__lte=month_ends[m])
            & (Q(closed_on__isnull=True) | Q(closed_on__gt=month_ends[m])),
        )
        for i, m in enumerate(months)
    }
    for row in episodes.values("district_id", "level__number").annotate(**counts).order_by():
        for i, m in enumerate(months):
            if row[f"m{i}"]:
                rows.append(
                    ("open_episodes", row["level__number"], row["district_id"], m, row[f"m{i}"])
                )
    needs = AssessedNeed.objects.filter(
        assessment__submitted_at__gte=start, assessment__submitted_at__lt=end
    )
    counted = (
        needs.annotate(month=TruncMonth("assessment__submitted_at"))
        .values("assessment__episode__district_id", "month", "domain__code")
        .annotate(n=Count("assessment__episode", distinct=True))
        .order_by()
    )
    rows += [
        ("needs", r["domain__code"], r["assessment__episode__district_id"], r["month"], r["n"])
        for r in counted
    ]
    step_ups = StepUp.objects.filter(stepped_up_at__gte=start, stepped_up_at__lt=end)
    counted = (
        step_ups.annotate(month=TruncMonth("stepped_up_at"))
        .values("episode__district_id", "month")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows += [("step_ups", "", r["episode__district_id"], r["month"], r["n"]) for r in counted]
    return rows


def families_helped(*, actor, start: date, end: date) -> dict:
    """{district_id: families with an early help episode open at any time in [start, end)}
    (dates), for the cost per family helped."""
    require(actor, "earlyhelp.view_counts", what="see early help counts by district")
    episodes = Episode.objects.filter(started_on__lt=end).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=start)
    )
    counted = episodes.values("district_id").annotate(n=Count("family", distinct=True)).order_by()
    return {row["district_id"]: row["n"] for row in counted}


def outcomes_for_families(*, actor, family_ids) -> dict:
    """For the commissioning app's impact assessment, aggregates over the families given:
    distance travelled (per need domain, the mean change from first to last score within an
    episode, and how many families it is over), feedback at closure (mean of each 1-5 rating
    and how many gave it) and each family's step-up times. No person is named."""
    require(actor, "earlyhelp.view_counts", what="see early help outcomes for a service")
    ids = set(family_ids)
    changes: dict = {}
    scores = (
        NeedScore.objects.filter(episode__family_id__in=ids)
        .order_by("episode_id", "domain_id", "meeting__held_on", "meeting__created_at")
        .values_list("episode__family_id", "episode_id", "domain__name", "score")
    )
    series: dict = {}
    for family_id, episode_id, domain, score in scores:
        series.setdefault((family_id, episode_id, domain), []).append(score)
    for (family_id, _, domain), values in series.items():
        if len(values) > 1:
            changes.setdefault(domain, {})[family_id] = values[-1] - values[0]
    distance = {
        domain: (sum(by_family.values()) / len(by_family), len(by_family))
        for domain, by_family in changes.items()
    }
    feedback = FamilyFeedback.objects.filter(closure__episode__family_id__in=ids).values_list(
        "listened_to", "things_got_better", "would_ask_again"
    )
    ratings = list(feedback)
    step_ups: dict = {}
    for family_id, when in StepUp.objects.filter(episode__family_id__in=ids).values_list(
        "episode__family_id", "stepped_up_at"
    ):
        step_ups.setdefault(family_id, []).append(when)
    return {"distance": distance, "feedback": ratings, "step_ups": step_ups}
