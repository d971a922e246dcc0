"""What team managers see: caseloads per worker and team, episodes by level and district,
reviews out of date, Family Solutions episodes past month 10, and families who came back
within 12 months of a closure. Counts and references only; scoped by the same read rule."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from teamaround.core.access import require
from teamaround.core.audit import audit_listed, audit_record
from teamaround.core.models import AuditAction
from teamaround.earlyhelp.models import Episode, EpisodeClosure, EpisodeStatus
from teamaround.earlyhelp.permissions import episode_filter
from teamaround.earlyhelp.services.episodes import WARN_FROM_MONTH, months_after

LIMIT = 200
COMEBACK_DAYS = 365


def managers_overview(*, actor) -> dict:
    require(actor, "earlyhelp.see_caseloads", what="see caseloads")
    today = timezone.localdate()
    visible = Episode.objects.filter(episode_filter(actor))
    open_ = visible.exclude(status=EpisodeStatus.CLOSED)
    by_level = Count("id", filter=Q(level__number=2)), Count("id", filter=Q(level__number=3))
    workers = (
        open_.values(
            "lead_professional__first_name", "lead_professional__last_name", "lead_team__name"
        )
        .annotate(level_2=by_level[0], level_3=by_level[1], total=Count("id"))
        .order_by("-total", "lead_professional__last_name")[:LIMIT]
    )
    teams = (
        open_.values("lead_team__name", "lead_team__agency__name")
        .annotate(
            level_2=by_level[0],
            level_3=by_level[1],
            total=Count("id"),
            overdue=Count("id", filter=Q(next_review_due__lt=today)),
        )
        .order_by("-total")[:LIMIT]
    )
    districts = (
        open_.values("district__name")
        .annotate(level_2=by_level[0], level_3=by_level[1], total=Count("id"))
        .order_by("district__name")
    )
    overdue = (
        open_.filter(next_review_due__lt=today)
        .select_related("lead_professional", "lead_team", "level")
        .order_by("next_review_due")[:LIMIT]
    )
    month_10 = months_after(today, -WARN_FROM_MONTH)
    family_solutions = (
        open_.filter(level__number=3, started_on__lte=month_10)
        .select_related("lead_professional", "lead_team")
        .order_by("started_on")[:LIMIT]
    )
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="earlyhelp.episode",
        summary="Viewed early help caseloads",
    )
    return {
        "today": today,
        "workers": list(workers),
        "teams": list(teams),
        "districts": list(districts),
        "overdue": audit_listed(overdue, actor=actor, what="episodes with reviews overdue"),
        "family_solutions": audit_listed(
            family_solutions, actor=actor, what="Family Solutions episodes past month 10"
        ),
        "comebacks": comebacks(visible),
    }


def comebacks(visible) -> list[dict]:
    """Episodes reopened, or new episodes for the same family, within 12 months of a closure."""
    found = []
    for closure in EpisodeClosure.objects.filter(
        episode__in=visible, reopened_at__isnull=False
    ).select_related("episode")[:LIMIT]:
        gap = (closure.reopened_at.date() - closure.closed_on).days
        if gap <= COMEBACK_DAYS:
            found.append(
                {
                    "episode": closure.episode,
                    "closed_on": closure.closed_on,
                    "came_back_on": closure.reopened_at.date(),
                    "how": "Reopened",
                    "days": gap,
                }
            )
    repeat = (
        visible.values("family_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values("family_id")[:LIMIT]
    )
    by_family = defaultdict(list)
    for episode in visible.filter(family_id__in=repeat).order_by("started_on"):
        by_family[episode.family_id].append(episode)
    for episodes in by_family.values():
        for earlier, later in zip(episodes, episodes[1:], strict=False):
            if earlier.closed_on and timedelta(0) <= later.started_on - earlier.closed_on <= (
                timedelta(days=COMEBACK_DAYS)
            ):
                found.append(
                    {
                        "episode": later,
                        "closed_on": earlier.closed_on,
                        "came_back_on": later.started_on,
                        "how": "New episode",
                        "days": (later.started_on - earlier.closed_on).days,
                    }
                )
    return sorted(found, key=lambda row: row["came_back_on"], reverse=True)[:LIMIT]


def manager_home_counts(*, actor) -> dict | None:
    """For a team manager's home page: how many of the team's assessments wait for sign-off,
    how many open episodes they can see have a review out of date, and how many are open.
    Counts only (no family is named), so nothing is audited; None for anyone else."""
    if not actor.has_perm("earlyhelp.see_caseloads"):
        return None
    from teamaround.earlyhelp.selectors.episodes import assessments_awaiting_sign_off

    today = timezone.localdate()
    open_ = Episode.objects.filter(episode_filter(actor)).exclude(status=EpisodeStatus.CLOSED)
    return {
        "sign_offs": assessments_awaiting_sign_off(actor=actor).count(),
        "overdue": open_.filter(next_review_due__lt=today).count(),
        "open": open_.count(),
    }
