"""Governance's link in the service navigation (each page still checks access itself)."""

from teamaround.core import navigation
from teamaround.governance.permissions import is_data_protection_officer

navigation.register(
    "Information governance", "governance:home", visible=is_data_protection_officer, order=70
)
