"""The Hub's links in the service navigation (each page still checks access itself)."""

from teamaround.accounts.permissions import is_staff_member
from teamaround.core import navigation
from teamaround.frontdoor.permissions import manages_the_hub, sees_the_hub

navigation.register("Hub queue", "frontdoor:queue", visible=sees_the_hub, order=20)
navigation.register(
    "Missing episodes",
    "frontdoor:missing-list",
    visible=lambda u: u.has_perm("frontdoor.view_missing"),
    order=22,
)
navigation.register("Hub flow", "frontdoor:flow", visible=manages_the_hub, order=24)
navigation.register("My requests", "frontdoor:my-requests", visible=is_staff_member, order=25)
navigation.register("Hand-overs", "frontdoor:hand-overs", visible=is_staff_member, order=26)
