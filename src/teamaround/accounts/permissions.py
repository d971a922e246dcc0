"""Who may do what, as `rules` predicates. Checked by services and selectors through
core.access.require, never only by views."""

import rules

from teamaround.accounts.roles import Role


@rules.predicate
def is_staff_member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


@rules.predicate
def is_administrator(user) -> bool:
    return is_staff_member(user) and user.has_role(Role.ADMINISTRATOR)


@rules.predicate
def is_team_manager(user) -> bool:
    return is_staff_member(user) and user.has_role(Role.TEAM_MANAGER)


@rules.predicate
def is_information_governance_lead(user) -> bool:
    return is_staff_member(user) and user.has_role(Role.INFORMATION_GOVERNANCE)


@rules.predicate
def sees_county_counts(user) -> bool:
    """Commissioners and data analysts: county-wide counts (aggregates, never case records)."""
    return is_staff_member(user) and (
        user.has_role(Role.COMMISSIONER) or user.has_role(Role.DATA_ANALYST)
    )


rules.add_perm("accounts.view_directory_of_agencies", is_staff_member)
rules.add_perm("accounts.manage_agencies", is_administrator)
rules.add_perm("accounts.manage_teams", is_administrator)
rules.add_perm("accounts.manage_users", is_administrator)
rules.add_perm("core.manage_geography", is_administrator)
rules.add_perm("core.view_geography", is_staff_member)
rules.add_perm(
    "core.read_audit", is_administrator | is_team_manager | is_information_governance_lead
)
rules.add_perm("core.read_whole_audit", is_administrator | is_information_governance_lead)
rules.add_perm("core.see_bulk_read_alerts", is_administrator | is_information_governance_lead)
rules.add_perm("core.create_work_item", is_staff_member)
# Core's pages ask this (core imports no app): a 403 tells a manager to ask an administrator.
rules.add_perm("core.manage_a_team", is_team_manager)
