"""Governance's reads, each taking actor= and audited."""

from teamaround.governance.selectors.bases import bases_for_person
from teamaround.governance.selectors.ledger import (
    ledger_csv_rows,
    ledger_for_agency,
    ledger_for_person,
    ledger_period_summary,
    ledger_stale_consent,
)

__all__ = [
    "bases_for_person",
    "ledger_csv_rows",
    "ledger_for_agency",
    "ledger_for_person",
    "ledger_period_summary",
    "ledger_stale_consent",
]
