"""How a basis for sharing and a subject access request move (core.transitions tables)."""

from teamaround.core.transitions import Lifecycle, step
from teamaround.governance.models import AccessRequestStatus, BasisStatus, ReviewStatus

BASIS_LIFECYCLE = Lifecycle(
    {
        "withdraw": step({BasisStatus.ACTIVE}, BasisStatus.WITHDRAWN),
        "end": step({BasisStatus.ACTIVE}, BasisStatus.ENDED),
    },
    noun="basis for sharing",
)

ACCESS_REQUEST_LIFECYCLE = Lifecycle(
    {
        "extend": step({AccessRequestStatus.OPEN}, AccessRequestStatus.EXTENDED),
        "complete": step(
            {AccessRequestStatus.OPEN, AccessRequestStatus.EXTENDED},
            AccessRequestStatus.COMPLETED,
        ),
    },
    noun="subject access request",
)

RETENTION_LIFECYCLE = Lifecycle(
    {
        "approve": step({ReviewStatus.LISTED}, ReviewStatus.APPROVED),
        "keep": step({ReviewStatus.LISTED}, ReviewStatus.KEPT),
    },
    noun="retention review",
)
