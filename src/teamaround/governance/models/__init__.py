from teamaround.governance.models.access_requests import (
    AccessRequestStatus,
    RedactionDecision,
    SubjectAccessRequest,
)
from teamaround.governance.models.bases import SharingBasis
from teamaround.governance.models.choices import (
    STATUTORY_BASES,
    BasisKind,
    BasisStatus,
    Channel,
    Outcome,
    Purpose,
    Scope,
)
from teamaround.governance.models.ledger import Disclosure
from teamaround.governance.models.retention import (
    LegalHold,
    RetentionAction,
    RetentionReview,
    RetentionRule,
    ReviewStatus,
)

__all__ = [
    "STATUTORY_BASES",
    "AccessRequestStatus",
    "BasisKind",
    "BasisStatus",
    "Channel",
    "Disclosure",
    "LegalHold",
    "Outcome",
    "Purpose",
    "RedactionDecision",
    "RetentionAction",
    "RetentionReview",
    "RetentionRule",
    "ReviewStatus",
    "Scope",
    "SharingBasis",
    "SubjectAccessRequest",
]
