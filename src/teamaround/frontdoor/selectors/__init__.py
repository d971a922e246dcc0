"""Reads for the Hub, always filtered by what the actor may see."""

from teamaround.frontdoor.selectors.flow import Flow, hub_flow
from teamaround.frontdoor.selectors.handovers import hand_over_get, hand_overs_for_my_team
from teamaround.frontdoor.selectors.missing import (
    earlier_episodes,
    missing_episode_get,
    missing_episode_list,
    missing_import_get,
    missing_imports,
    return_conversations_due,
    scrutiny_list,
)
from teamaround.frontdoor.selectors.queue import (
    UNASSIGNED,
    QueueFilters,
    hub_queue,
)
from teamaround.frontdoor.selectors.requests import (
    latest_decision,
    my_requests,
    public_draft_get,
    request_filter,
    request_get,
)

__all__ = [
    "UNASSIGNED",
    "Flow",
    "QueueFilters",
    "earlier_episodes",
    "hand_over_get",
    "hand_overs_for_my_team",
    "hub_flow",
    "hub_queue",
    "latest_decision",
    "missing_episode_get",
    "missing_episode_list",
    "missing_import_get",
    "missing_imports",
    "my_requests",
    "public_draft_get",
    "request_filter",
    "request_get",
    "return_conversations_due",
    "scrutiny_list",
]
