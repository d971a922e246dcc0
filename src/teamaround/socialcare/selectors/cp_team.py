"""Reads of the child protection team and core groups, for the case's pages (the case read
itself is audited by case_get), and the staff a case's team may be chosen from."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Q

from teamaround.socialcare import timescales
from teamaround.socialcare.models import REQUIRED_DISCIPLINES, Discipline
from teamaround.socialcare.permissions import CP_TEAM_ROLES

CANDIDATES_SHOWN = 25


def case_cp_team(referral) -> dict:
    """The team now and before, the lead now and before, and which of the four agencies the
    Act names has nobody in the team."""
    members = list(referral.cp_team.select_related("practitioner", "team__agency"))
    current = [m for m in members if m.left_at is None]
    leads = list(referral.lcpps.select_related("practitioner"))
    heard = {m.discipline for m in current}
    return {
        "cp_members": current,
        "cp_past": [m for m in members if m.left_at is not None],
        "lcpp": next((a for a in leads if a.ended_at is None), None),
        "lcpp_history": leads,
        "cp_missing": [Discipline(d).label for d in REQUIRED_DISCIPLINES if d not in heard],
    }


def case_core_groups(referral) -> list:
    return list(referral.core_groups.select_related("plan").prefetch_related("members", "meetings"))


def core_group_timeliness(referral, today: date) -> list[timescales.Timeliness]:
    rows = []
    for group in referral.core_groups.filter(archived_at__isnull=True).select_related("plan"):
        first = group.meetings.order_by("held_on").first()
        if group.plan.ended_on is not None and first is None:
            continue
        rows.append(
            timescales.rag(
                "First core group meeting",
                group.first_meeting_due,
                first.held_on if first else None,
                today,
            )
        )
    return rows


def cp_team_candidates(query: str):
    """Staff of any agency whose name has every word of `query` in it (casework roles only:
    they are the ones a child protection team may hold)."""
    words = [w for w in (query or "").split() if w][:4]
    if not words:
        return get_user_model().objects.none()
    people = get_user_model().objects.filter(
        is_active=True,
        team__isnull=False,
        role_assignments__role__in=CP_TEAM_ROLES,
    )
    for word in words:
        people = people.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(username=word)
        )
    return people.select_related("team__agency").distinct().order_by("last_name", "first_name")
