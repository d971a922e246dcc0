"""Who may record and withdraw a basis for sharing, read the ledger, answer subject access
requests and run retention.

- Recording a consent or a statutory basis, withdrawing it, or recording a decision not to
  share: staff who record people's details (people.permissions.RECORDING_ROLES) and may open
  the person's record; the Data Protection Officer for anyone.
- Approving a decision not to share ("more detrimental to the child"): a team manager or the
  Data Protection Officer, never the person who made the decision.
- The ledger, subject access requests, retention rules and legal holds: the Data Protection
  Officer only. Approving anonymisation or erasure: a team manager.
"""

from __future__ import annotations

import rules

from teamaround.accounts.permissions import is_staff_member, is_team_manager
from teamaround.accounts.roles import Role
from teamaround.people.permissions import can_view_person, records_people


@rules.predicate
def is_data_protection_officer(user) -> bool:
    return bool(is_staff_member(user) and user.has_role(Role.DATA_PROTECTION_OFFICER))


@rules.predicate
def approves_withholding(user) -> bool:
    return bool(is_team_manager(user) or is_data_protection_officer(user))


rules.add_perm(
    "governance.record_basis", is_data_protection_officer | (records_people & can_view_person)
)
rules.add_perm("governance.view_bases", is_data_protection_officer | can_view_person)
rules.add_perm("governance.approve_withholding", approves_withholding)
rules.add_perm("governance.read_ledger", is_data_protection_officer)
rules.add_perm("governance.handle_access_requests", is_data_protection_officer)
rules.add_perm("governance.manage_retention", is_data_protection_officer)
rules.add_perm("governance.approve_retention", is_team_manager)
