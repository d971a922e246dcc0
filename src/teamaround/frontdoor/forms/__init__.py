from teamaround.frontdoor.forms.missing import ConversationForm, FlowForm, ScrutinyForm, UploadForm
from teamaround.frontdoor.forms.requests import (
    ConsultationForm,
    PublicRequestForm,
    RequestForm,
    ResumeForm,
    WithdrawForm,
)
from teamaround.frontdoor.forms.screening import (
    AssignForm,
    ChecksForm,
    DecisionCorrectionForm,
    DecisionForm,
    PartnerInformationForm,
    QueueFilterForm,
    ReviewForm,
)

__all__ = [
    "AssignForm",
    "ChecksForm",
    "ConsultationForm",
    "ConversationForm",
    "DecisionCorrectionForm",
    "DecisionForm",
    "FlowForm",
    "PartnerInformationForm",
    "PublicRequestForm",
    "QueueFilterForm",
    "RequestForm",
    "ResumeForm",
    "ReviewForm",
    "ScrutinyForm",
    "UploadForm",
    "WithdrawForm",
]
