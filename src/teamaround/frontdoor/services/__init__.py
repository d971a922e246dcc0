"""Use-cases of the Hub: the only writers of the frontdoor app's tables."""

from teamaround.frontdoor.services.consultations import consultation_record
from teamaround.frontdoor.services.decisions import (
    hand_over_accept,
    hub_decision_correct,
    hub_decision_record,
)
from teamaround.frontdoor.services.missing import (
    AlreadyImported,
    FileRejected,
    missing_import_accept,
    missing_import_run,
    missing_notification_receive,
    missing_scrutiny_record,
    return_conversation_record,
)
from teamaround.frontdoor.services.public import (
    public_request_resume,
    public_request_save_draft,
    public_request_submit,
)
from teamaround.frontdoor.services.requests import (
    request_for_support_save_draft,
    request_for_support_send,
    request_for_support_submit,
    request_for_support_withdraw,
)
from teamaround.frontdoor.services.screening import (
    partner_information_add,
    request_assign,
    request_review_ask,
    screening_checks_record,
)

__all__ = [
    "AlreadyImported",
    "FileRejected",
    "consultation_record",
    "hand_over_accept",
    "hub_decision_correct",
    "hub_decision_record",
    "missing_import_accept",
    "missing_import_run",
    "missing_notification_receive",
    "missing_scrutiny_record",
    "partner_information_add",
    "public_request_resume",
    "public_request_save_draft",
    "public_request_submit",
    "request_assign",
    "request_for_support_save_draft",
    "request_for_support_send",
    "request_for_support_submit",
    "request_for_support_withdraw",
    "request_review_ask",
    "return_conversation_record",
    "screening_checks_record",
]
