"""The accounts app's links in the service navigation."""

from teamaround.accounts.permissions import is_administrator, is_staff_member
from teamaround.core import navigation

navigation.register("Home", "core:home", visible=is_staff_member, order=0)
navigation.register(
    "Agencies",
    "accounts:agency-list",
    visible=is_staff_member,
    order=80,
    section="Administration",
)
navigation.register(
    "Users", "accounts:user-list", visible=is_administrator, order=85, section="Administration"
)
