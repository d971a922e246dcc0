from teamaround.core.models.alerts import BulkReadAlert
from teamaround.core.models.audit import AuditAction, AuditChainHead, AuditEvent
from teamaround.core.models.base import TrackedModel, Versioned
from teamaround.core.models.geography import District, DistrictKind, PostcodeOutwardCode, Quadrant
from teamaround.core.models.needs import NeedDomain, WindscreenLevel
from teamaround.core.models.seeding import SeedRun
from teamaround.core.models.work import WorkItem, WorkItemStatus

__all__ = [
    "AuditAction",
    "AuditChainHead",
    "AuditEvent",
    "BulkReadAlert",
    "District",
    "NeedDomain",
    "DistrictKind",
    "PostcodeOutwardCode",
    "Quadrant",
    "SeedRun",
    "TrackedModel",
    "Versioned",
    "WindscreenLevel",
    "WorkItem",
    "WorkItemStatus",
]
