"""Reads of episodes, always filtered by earlyhelp.permissions (one rule for a list and a single
record). Opening an episode is audited as a view; a refusal is audited by `refuse`."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from teamaround.core.records import record_get
from teamaround.earlyhelp.models import Episode, EpisodeStatus, SharedFamilyAssessment
from teamaround.earlyhelp.permissions import episode_edit_filter, episode_filter
from teamaround.earlyhelp.services.episodes import (
    FAMILY_SOLUTIONS_MONTHS,
    WARN_FROM_MONTH,
    months_after,
)

RELATED = ("family", "level", "lead_professional", "lead_team__agency", "district")


def episode_list(*, actor, status: str = "") -> QuerySet[Episode]:
    episodes = Episode.objects.filter(episode_filter(actor)).select_related(*RELATED)
    if status == "open":
        episodes = episodes.exclude(status=EpisodeStatus.CLOSED)
    elif status:
        episodes = episodes.filter(status=status)
    return episodes


def episode_get(*, actor, episode_id, audit: bool = True, what: str = "an early help episode"):
    return record_get(
        Episode.objects.select_related(*RELATED),
        actor=actor,
        pk=episode_id,
        rule=episode_filter(actor),
        what=what,
        audit=audit,
        message="You do not have access to this episode. The lead professional "
        "can add you to the Team Around the Family.",
    )


def can_edit(actor, episode: Episode) -> bool:
    """For showing or hiding buttons; services check again."""
    return (
        not episode.is_closed
        and Episode.objects.filter(episode_edit_filter(actor), pk=episode.pk).exists()
    )


def family_solutions_clock(episode: Episode, today: date | None = None) -> dict | None:
    """For level 3: when the 12 months end, how many months are left, and the month-10 warning."""
    if episode.level.number != 3:
        return None
    today = today or timezone.localdate()
    ends_on = months_after(episode.started_on, FAMILY_SOLUTIONS_MONTHS)
    warn_on = months_after(episode.started_on, WARN_FROM_MONTH)
    days_left = (ends_on - today).days
    return {
        "ends_on": ends_on,
        "days_left": max(days_left, 0),
        "weeks_left": max(days_left, 0) // 7,
        "months_left": max(days_left, 0) // 30,
        "warn": today >= warn_on and not episode.is_closed,
        "overrun": days_left < 0 and not episode.is_closed,
    }


def assessments_awaiting_sign_off(*, actor) -> QuerySet[SharedFamilyAssessment]:
    """For a team manager: their team's assessments waiting to be signed off."""
    if not actor.has_perm("earlyhelp.see_caseloads") or not actor.team_id:
        return SharedFamilyAssessment.objects.none()
    return (
        SharedFamilyAssessment.objects.filter(
            status="submitted", episode__lead_team_id=actor.team_id
        )
        .select_related("episode__family", "episode__lead_professional")
        .order_by("submitted_at")
    )
