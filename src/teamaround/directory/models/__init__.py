from teamaround.directory.models.approvals import ChangeStatus, PendingChange
from teamaround.directory.models.locations import Location, LocationType, ServiceAtLocation
from teamaround.directory.models.organisations import DirectoryEditor, Organisation
from teamaround.directory.models.problems import ProblemReport, ReportStatus
from teamaround.directory.models.referrals import ServiceReferral
from teamaround.directory.models.services import (
    PROFESSIONAL_ONLY_FIELDS,
    AccessRoute,
    Contact,
    CostOption,
    Schedule,
    Service,
    ServiceStatus,
    Weekday,
)
from teamaround.directory.models.taxonomy import Taxonomy, TaxonomyTerm

__all__ = [
    "PROFESSIONAL_ONLY_FIELDS",
    "AccessRoute",
    "ChangeStatus",
    "PendingChange",
    "ProblemReport",
    "ReportStatus",
    "Contact",
    "CostOption",
    "DirectoryEditor",
    "Location",
    "LocationType",
    "Organisation",
    "Schedule",
    "Service",
    "ServiceAtLocation",
    "ServiceReferral",
    "ServiceStatus",
    "Taxonomy",
    "TaxonomyTerm",
    "Weekday",
]
