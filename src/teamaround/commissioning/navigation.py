"""Commissioning's link in the service navigation (each page still checks access itself)."""

from teamaround.commissioning.permissions import is_commissioning_user
from teamaround.core import navigation

SECTION = "Commissioning"

navigation.register(
    "Needs analysis",
    "commissioning:needs",
    visible=is_commissioning_user,
    order=60,
    section=SECTION,
)
navigation.register(
    "Resource Envelope",
    "commissioning:envelope",
    visible=is_commissioning_user,
    order=61,
    section=SECTION,
)
navigation.register(
    "Impact of services",
    "commissioning:impact-list",
    visible=is_commissioning_user,
    order=62,
    section=SECTION,
)
navigation.register(
    "Hub and panel performance",
    "commissioning:performance",
    visible=is_commissioning_user,
    order=63,
    section=SECTION,
)
navigation.register(
    "Board packs",
    "commissioning:board-packs",
    visible=is_commissioning_user,
    order=64,
    section=SECTION,
)
navigation.register(
    "Evidence base",
    "commissioning:evidence",
    visible=is_commissioning_user,
    order=65,
    section=SECTION,
)
navigation.register(
    "Families First outcomes",
    "commissioning:families-first",
    visible=is_commissioning_user,
    order=66,
    section=SECTION,
)
navigation.register(
    "Unmet need",
    "commissioning:unmet-need",
    visible=is_commissioning_user,
    order=67,
    section=SECTION,
)
