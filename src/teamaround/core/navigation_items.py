"""The core app's links in the service navigation."""

from teamaround.core import navigation

navigation.register(
    "Geography",
    "core:district-list",
    visible=lambda u: u.has_perm("core.view_geography"),
    order=90,
    section="Administration",
)
navigation.register(
    "Audit trail",
    "core:audit-search",
    visible=lambda u: u.has_perm("core.read_audit"),
    order=95,
    section="Administration",
)
navigation.register(
    "Bulk-read alerts",
    "core:bulk-read-alerts",
    visible=lambda u: u.has_perm("core.see_bulk_read_alerts"),
    order=96,
    section="Administration",
)
