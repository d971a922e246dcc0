from teamaround.socialcare.models.assessment import ChildAndFamilyAssessment
from teamaround.socialcare.models.cases import CaseEvent, SocialCareReferral
from teamaround.socialcare.models.choices import (
    AssessmentOutcome,
    AssessmentStatus,
    CaseEventKind,
    CaseStatus,
    ConferenceKind,
    ConferenceOutcome,
    Decision,
    EnquiryOutcome,
    Origin,
)
from teamaround.socialcare.models.protection import (
    ChildProtectionConference,
    ChildProtectionPlan,
    Section47Enquiry,
    StrategyDiscussion,
)

__all__ = [
    "AssessmentOutcome",
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
    "Section47Enquiry",
    "SocialCareReferral",
    "StrategyDiscussion",
]
