"""Who may see the commissioning pages: commissioners and data analysts. Every figure is a
count of records, never a record, so no case-record rule applies here."""

import rules

from teamaround.accounts.permissions import sees_county_counts

is_commissioning_user = sees_county_counts

rules.add_perm("commissioning.view_needs", sees_county_counts)
rules.add_perm("commissioning.export_needs", sees_county_counts)
