"""Reads of early help records, always filtered by what the actor may see, views audited."""

from teamaround.earlyhelp.selectors.chronology import family_timeline
from teamaround.earlyhelp.selectors.distance import distance_travelled
from teamaround.earlyhelp.selectors.episodes import (
    assessments_awaiting_sign_off,
    can_edit,
    episode_get,
    episode_list,
    family_solutions_clock,
)
from teamaround.earlyhelp.selectors.home import worker_home
from teamaround.earlyhelp.selectors.managers import managers_overview

__all__ = [
    "assessments_awaiting_sign_off",
    "can_edit",
    "distance_travelled",
    "episode_get",
    "episode_list",
    "family_solutions_clock",
    "family_timeline",
    "managers_overview",
    "worker_home",
]
