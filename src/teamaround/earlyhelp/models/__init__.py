from teamaround.earlyhelp.models.assessment import AssessedNeed, MemberView, SharedFamilyAssessment
from teamaround.earlyhelp.models.choices import (
    PROGRESS_CHOICES,
    RATING_CHOICES,
    ActionStatus,
    AssessmentStatus,
    Attendance,
    ClosureReason,
    EpisodeEventKind,
    EpisodeSource,
    EpisodeStatus,
    TafRole,
)
from teamaround.earlyhelp.models.episodes import (
    Episode,
    EpisodeEvent,
    LeadProfessionalAssignment,
    TafMember,
)
from teamaround.earlyhelp.models.meetings import ActionProgress, NeedScore, TafMeeting
from teamaround.earlyhelp.models.plan import EarlyHelpPlan, PlanAction
from teamaround.earlyhelp.models.transitions import (
    EpisodeClosure,
    FamilyFeedback,
    StepDown,
    StepUp,
)

__all__ = [
    "PROGRESS_CHOICES",
    "RATING_CHOICES",
    "ActionProgress",
    "ActionStatus",
    "AssessedNeed",
    "AssessmentStatus",
    "Attendance",
    "ClosureReason",
    "EarlyHelpPlan",
    "Episode",
    "EpisodeClosure",
    "EpisodeEvent",
    "EpisodeEventKind",
    "EpisodeSource",
    "EpisodeStatus",
    "FamilyFeedback",
    "LeadProfessionalAssignment",
    "MemberView",
    "NeedScore",
    "PlanAction",
    "SharedFamilyAssessment",
    "StepDown",
    "StepUp",
    "TafMeeting",
    "TafMember",
    "TafRole",
]
