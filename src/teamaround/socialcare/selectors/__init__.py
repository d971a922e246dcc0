"""Social care's reads, each filtered by socialcare.permissions and audited."""

from teamaround.socialcare.selectors.cases import (
    can_authorise,
    can_change,
    case_get,
    case_list,
    case_protection,
    case_timeliness,
    family_history,
    hand_overs_to_receive,
)
from teamaround.socialcare.selectors.dashboard import caseload
from teamaround.socialcare.selectors.looked_after import case_looked_after
from teamaround.socialcare.selectors.safety import case_breaches, team_breaches

__all__ = [
    "can_authorise",
    "can_change",
    "case_get",
    "case_breaches",
    "case_list",
    "case_looked_after",
    "case_protection",
    "case_timeliness",
    "caseload",
    "family_history",
    "hand_overs_to_receive",
    "team_breaches",
]
