"""Who may see the commissioning pages: commissioners and data analysts. Every figure is a
count of records, never a record, so no case-record rule applies here."""

import rules

from teamaround.accounts.permissions import sees_county_counts
from teamaround.accounts.roles import Role

is_commissioning_user = sees_county_counts

rules.add_perm("commissioning.view_needs", sees_county_counts)
rules.add_perm("commissioning.export_needs", sees_county_counts)


@rules.predicate
def records_spend_for(user, agency) -> bool:
    """A data analyst records any agency's spend; a commissioner their own agency's."""
    if not sees_county_counts(user):
        return False
    if user.has_role(Role.DATA_ANALYST):
        return True
    return agency is not None and user.agency is not None and user.agency.pk == agency.pk


rules.add_perm("commissioning.view_envelope", sees_county_counts)
rules.add_perm("commissioning.record_spend", records_spend_for)


@rules.predicate
def is_commissioner(user) -> bool:
    return bool(sees_county_counts(user) and user.has_role(Role.COMMISSIONER))


rules.add_perm("commissioning.judge_service", is_commissioner)
rules.add_perm("commissioning.view_board_packs", sees_county_counts)
rules.add_perm("commissioning.build_board_pack", is_commissioner)
rules.add_perm("commissioning.view_evidence", sees_county_counts)
rules.add_perm("commissioning.edit_evidence", is_commissioner)
rules.add_perm("commissioning.view_families_first", sees_county_counts)
rules.add_perm("commissioning.edit_families_first", is_commissioner)
