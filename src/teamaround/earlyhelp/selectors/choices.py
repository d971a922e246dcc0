"""The people early help's forms offer as choices: staff near a family, who may lead after a
step down, and who may own an action (the current TAF and family)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q

from teamaround.accounts.models import AgencyKind
from teamaround.earlyhelp.selectors.parts import taf_current
from teamaround.earlyhelp.services.household import current_members
from teamaround.people import selectors as people_selectors


def staff_near(family, actor):
    """Staff a form may offer as lead professional or TAF member: the actor's team and the
    teams involved with the family."""
    teams = set(
        people_selectors.family_involvements(family)
        .filter(closed_at__isnull=True)
        .values_list("team_id", flat=True)
    )
    if actor.team_id:
        teams.add(actor.team_id)
    return get_user_model().objects.filter(Q(team_id__in=teams)).order_by("last_name")


def step_down_staff(family, actor):
    """Who social care may name as the early help lead professional when stepping a family
    down: staff of every team that has worked with the family (an early help team whose
    involvement ended at step up included) and of the council's early help teams. Never
    social care itself: early help is led outside it."""
    teams = set(people_selectors.family_involvements(family).values_list("team_id", flat=True))
    return (
        get_user_model()
        .objects.filter(Q(team_id__in=teams) | Q(team__agency__kind=AgencyKind.COUNCIL_EARLY_HELP))
        .exclude(team__agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE)
        .order_by("last_name")
    )


def owner_choices(episode):
    """Who may own an action: current TAF members and current family members."""
    choices = [
        (f"user:{m.practitioner_id}", f"{m.practitioner} ({m.team.agency.name})")
        for m in taf_current(episode)
    ]
    people = current_members(episode.family)
    choices += [(f"person:{p.pk}", f"{p.forenames} {p.surname} (family)") for p in people]
    users = {
        str(m.practitioner_id): m.practitioner
        for m in taf_current(episode, "practitioner__team__agency")
    }
    persons = {str(p.pk): p for p in people}

    def lookup(value: str):
        kind, _, pk = value.partition(":")
        if kind == "user":
            return users.get(pk), None
        if kind == "person":
            return None, persons.get(pk)
        return None, None

    return choices, lookup
