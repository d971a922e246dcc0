"""Governance's use-cases. Other apps call these; they never write governance's tables."""

from teamaround.governance.services.access_requests import (
    access_request_complete,
    access_request_export,
    access_request_extend,
    access_request_open,
    redaction_decide,
)
from teamaround.governance.services.bases import basis_record, basis_withdraw, holders_of
from teamaround.governance.services.ledger import (
    ShareDecision,
    ShareRefused,
    bases_recorded,
    basis_for,
    disclosure_record,
    disclosures_record,
    share_authorise,
    share_check,
    shares_check,
    statutory_basis_ensure,
    withholding_record,
)

__all__ = [
    "ShareDecision",
    "ShareRefused",
    "access_request_complete",
    "access_request_export",
    "access_request_extend",
    "access_request_open",
    "bases_recorded",
    "basis_for",
    "basis_record",
    "basis_withdraw",
    "disclosure_record",
    "disclosures_record",
    "holders_of",
    "redaction_decide",
    "share_authorise",
    "share_check",
    "shares_check",
    "statutory_basis_ensure",
    "withholding_record",
]
