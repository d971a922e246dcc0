"""The Hub's flow for its managers: requests received, decided and decided within the
timescale, by day and by district; the share decided at each level; re-referrals within 12
months; missing episodes and return conversations offered within 72 hours. Counts only, so
there is nothing personal here; each figure is computed in the database."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from teamaround.core.access import require
from teamaround.frontdoor.models import (
    HubDecision,
    MissingEpisode,
    RequestForSupport,
    ReturnConversation,
)


@dataclass
class Flow:
    date_from: date
    date_to: date
    by_day: list = field(default_factory=list)
    by_district: list = field(default_factory=list)
    levels: list = field(default_factory=list)
    received: int = 0
    decided: int = 0
    in_time: int = 0
    re_referrals: int = 0
    missing_episodes: int = 0
    conversations_due: int = 0
    conversations_in_time: int = 0

    @property
    def in_time_share(self) -> str:
        return self.share(self.in_time, self.decided)

    def share(self, part: int, whole: int) -> str:
        return f"{part * 100 / whole:.0f}%" if whole else "–"


def _bounds(date_from: date, date_to: date):
    start = timezone.make_aware(datetime.combine(date_from, time.min))
    return start, timezone.make_aware(datetime.combine(date_to + timedelta(days=1), time.min))


def hub_flow(*, actor, date_from: date, date_to: date) -> Flow:
    require(actor, "frontdoor.view_flow", what="see the Hub's flow")
    start, end = _bounds(date_from, date_to)
    flow = Flow(date_from, date_to)
    received = RequestForSupport.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
    decided = RequestForSupport.objects.filter(decided_at__gte=start, decided_at__lt=end)
    in_time = decided.filter(decided_at__date__lte=F("due_on"))
    rows: dict = defaultdict(lambda: [0, 0, 0])
    districts: dict = defaultdict(lambda: [0, 0, 0])
    for column, queryset, moment in (
        (0, received, "submitted_at"),
        (1, decided, "decided_at"),
        (2, in_time, "decided_at"),
    ):
        counted = queryset.annotate(day=TruncDate(moment)).values("day", "district__name")
        for row in counted.annotate(n=Count("id")).order_by():
            rows[row["day"]][column] += row["n"]
            districts[row["district__name"] or "Not known"][column] += row["n"]
    flow.by_day = [(day, *rows[day]) for day in sorted(rows)]
    flow.by_district = [(name, *districts[name]) for name in sorted(districts)]
    flow.received = sum(r[1] for r in flow.by_day)
    flow.decided = sum(r[2] for r in flow.by_day)
    flow.in_time = sum(r[3] for r in flow.by_day)
    flow.re_referrals = received.filter(is_re_referral=True).count()
    decisions = HubDecision.objects.filter(decided_at__gte=start, decided_at__lt=end)
    by_level = decisions.values("level__number", "level__name").annotate(n=Count("id"))
    total = sum(row["n"] for row in by_level)
    flow.levels = [
        (row["level__number"], row["level__name"], row["n"], flow.share(row["n"], total))
        for row in by_level.order_by("level__number")
    ]
    flow.missing_episodes = MissingEpisode.objects.filter(
        reported_missing_at__gte=start, reported_missing_at__lt=end
    ).count()
    due = ReturnConversation.objects.filter(due_by__gte=start, due_by__lt=end)
    counts = due.aggregate(
        all=Count("id"), in_time=Count("id", filter=Q(offered_at__lte=F("due_by")))
    )
    flow.conversations_due, flow.conversations_in_time = counts["all"], counts["in_time"]
    return flow
