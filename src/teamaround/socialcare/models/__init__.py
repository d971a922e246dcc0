from teamaround.socialcare.models.assessment import ChildAndFamilyAssessment
from teamaround.socialcare.models.cases import CaseEvent, SocialCareReferral
from teamaround.socialcare.models.choices import (
    AssessmentOutcome,
    AssessmentStatus,
    CaseEventKind,
    CaseStatus,
    ConferenceKind,
    ConferenceOutcome,
    ConversationResponse,
    Decision,
    EnquiryOutcome,
    Origin,
    SafetyCheck,
    VisitKind,
)
from teamaround.socialcare.models.cin import ChildInNeedPlan, ChildInNeedReview
from teamaround.socialcare.models.cp_team import (
    REQUIRED_DISCIPLINES,
    ChildProtectionTeamMember,
    CoreGroup,
    CoreGroupMeeting,
    CoreGroupMember,
    Discipline,
    LeadPractitionerAssignment,
)
from teamaround.socialcare.models.looked_after import (
    CarePeriod,
    CareReview,
    MissingFromCare,
    PathwayPlan,
    Placement,
    StatutoryVisit,
)
from teamaround.socialcare.models.oversight import CaseTransfer, ManagementOversight
from teamaround.socialcare.models.protection import (
    ChildProtectionConference,
    ChildProtectionPlan,
    Section47Enquiry,
    StrategyDiscussion,
)
from teamaround.socialcare.models.safety import SafetyBreach, SafetyStandard

__all__ = [
    "ChildInNeedPlan",
    "ChildInNeedReview",
    "CaseTransfer",
    "ChildProtectionTeamMember",
    "CoreGroup",
    "CoreGroupMeeting",
    "CoreGroupMember",
    "Discipline",
    "LeadPractitionerAssignment",
    "ManagementOversight",
    "REQUIRED_DISCIPLINES",
    "AssessmentOutcome",
    "CarePeriod",
    "CareReview",
    "ConversationResponse",
    "MissingFromCare",
    "PathwayPlan",
    "Placement",
    "StatutoryVisit",
    "VisitKind",
    "AssessmentStatus",
    "CaseEvent",
    "CaseEventKind",
    "CaseStatus",
    "ChildAndFamilyAssessment",
    "ChildProtectionConference",
    "ChildProtectionPlan",
    "ConferenceKind",
    "ConferenceOutcome",
    "Decision",
    "EnquiryOutcome",
    "Origin",
    "SafetyBreach",
    "SafetyCheck",
    "SafetyStandard",
    "Section47Enquiry",
    "SocialCareReferral",
    "StrategyDiscussion",
]
