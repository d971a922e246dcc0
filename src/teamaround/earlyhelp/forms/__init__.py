"""Forms for early help pages. They only parse input; the services decide what is allowed."""

from teamaround.earlyhelp.forms.casework import (
    ActionForm,
    ActionFormSet,
    MeetingForm,
    PlanForm,
)
from teamaround.earlyhelp.forms.episodes import (
    CloseForm,
    LeadChangeForm,
    MemberViewForm,
    NeedForm,
    OpenEpisodeForm,
    ReasonForm,
    ReturnForm,
    StepDownForm,
    StepUpForm,
    TafAddForm,
)

__all__ = [
    "ActionForm",
    "ActionFormSet",
    "CloseForm",
    "LeadChangeForm",
    "MeetingForm",
    "MemberViewForm",
    "NeedForm",
    "OpenEpisodeForm",
    "PlanForm",
    "ReasonForm",
    "ReturnForm",
    "StepDownForm",
    "StepUpForm",
    "TafAddForm",
]
