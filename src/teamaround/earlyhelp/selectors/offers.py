"""What early help offers on a family's page (see earlyhelp.navigation): open an episode, step
down from social care, or go to the episode already open. For showing links; every service
checks again."""

from __future__ import annotations

from teamaround.earlyhelp.models import Episode, EpisodeStatus
from teamaround.earlyhelp.permissions import does_casework, works_in_social_care


def open_episode_of(family) -> Episode | None:
    return (
        Episode.objects.filter(family=family)
        .exclude(status=EpisodeStatus.CLOSED)
        .order_by("-started_on")
        .first()
    )


def may_open_episode(user, family) -> bool:
    """A practitioner or early help worker who can see the family, when it has no episode
    open (social care steps a family down instead)."""
    return bool(
        does_casework(user)
        and not works_in_social_care(user)
        and user.has_perm("people.view_family", family)
        and open_episode_of(family) is None
    )


def may_step_down(user, family) -> bool:
    return bool(
        user.has_perm("earlyhelp.step_down")
        and user.has_perm("people.view_family", family)
        and open_episode_of(family) is None
    )


def may_see_open_episode(user, family) -> bool:
    episode = open_episode_of(family)
    return episode is not None and user.has_perm("earlyhelp.view_episode", episode)
