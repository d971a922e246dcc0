"""The Hub's links in the service navigation (each page still checks access itself)."""

from teamaround.accounts.permissions import is_staff_member
from teamaround.core import navigation
from teamaround.frontdoor.permissions import manages_the_hub, sees_the_hub

# The Hub's own pages share one entry, "Hub"; a partner's requests and the hand-overs to their
# team share "Requests" (see core.navigation: a user who may see one page gets its own link).
HUB, REQUESTS = "Hub", "Requests"

navigation.register("Hub queue", "frontdoor:queue", visible=sees_the_hub, order=20, section=HUB)
navigation.register(
    "Missing episodes",
    "frontdoor:missing-list",
    visible=lambda u: u.has_perm("frontdoor.view_missing"),
    order=22,
    section=HUB,
)
navigation.register("Hub flow", "frontdoor:flow", visible=manages_the_hub, order=24, section=HUB)
navigation.register(
    "My requests", "frontdoor:my-requests", visible=is_staff_member, order=25, section=REQUESTS
)
navigation.register(
    "Hand-overs", "frontdoor:hand-overs", visible=is_staff_member, order=26, section=REQUESTS
)
