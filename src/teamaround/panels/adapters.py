"""Where panels meet other apps' services: the family chronology (people), the family's plan
and distance travelled (earlyhelp). Only their services and selectors are called.

Early help is optional here: when it is not installed, or does not yet offer a way for a panel
to add an action to a family's plan, the action stays in panels, on the owner's task list and
in the chronology, and `plan_action_add` says it was not written to the plan.
"""

from __future__ import annotations

from django.apps import apps

from teamaround.core.access import on_behalf_of
from teamaround.people.models import FamilyEventKind
from teamaround.people.services import family_event_record

# The early help service panels would call to put an action on the family's plan:
#   plan_action_from_panel(*, actor, family, what, owner, due_on, source_app, source_id)
PLAN_SERVICE = "plan_action_from_panel"


def chronology_record(
    *, actor, family, summary: str, source_id: str, kind: str = FamilyEventKind.PANEL_DECISION
) -> None:
    family_event_record(
        actor=on_behalf_of(actor),
        family=family,
        kind=kind,
        summary=summary,
        source_app="panels",
        source_id=source_id,
    )


def _earlyhelp_services():
    if not apps.is_installed("teamaround.earlyhelp"):
        return None
    from teamaround.earlyhelp import services

    return services


def plan_action_add(*, actor, action) -> bool:
    services = _earlyhelp_services()
    add = getattr(services, PLAN_SERVICE, None) if services else None
    if add is None:
        return False
    added = add(
        actor=actor,
        family=action.family,
        what=action.what,
        owner=action.owner,
        due_on=action.due_on,
        source_app="panels",
        source_id=str(action.pk),
    )
    return added is not None


def distance_travelled(*, actor, family):
    """The change in the family's average score across early help reviews, where present:
    read through early help's selectors with the actor's own access; None otherwise."""
    if family is None or not apps.is_installed("teamaround.earlyhelp"):
        return None
    from teamaround.earlyhelp import selectors

    episode = (
        selectors.episode_list(actor=actor)
        .filter(family=family)
        .order_by("-started_on", "-created_at")
        .first()
    )
    if episode is None:
        return None
    return selectors.distance_travelled(actor=actor, episode=episode)["family"].change
