"""Social care's use-cases: the only writers of its tables."""

from teamaround.socialcare.services.assessment import (
    assessment_authorise,
    assessment_save,
    assessment_start,
    assessment_submit,
)
from teamaround.socialcare.services.family_network import (
    fgdm_exception_authorise,
    fgdm_meeting_record,
    fgdm_offer_answer,
    fgdm_offer_record,
    network_consent_record,
    network_member_add,
)
from teamaround.socialcare.services.looked_after import (
    care_end,
    care_review_record,
    care_start,
    placement_change,
    visit_record,
)
from teamaround.socialcare.services.missing import (
    missing_from_hub,
    missing_record,
    return_conversation_record,
)
from teamaround.socialcare.services.pathway import pathway_plan_review, pathway_plan_start
from teamaround.socialcare.services.proceedings import (
    fgdm_gate,
    letter_before_proceedings_record,
    pre_proceedings_decide,
    pre_proceedings_meeting_record,
    pre_proceedings_start,
    proceedings_issue,
)
from teamaround.socialcare.services.protection import (
    conference_record,
    enquiry_complete,
    plan_end,
    strategy_record,
)
from teamaround.socialcare.services.referrals import (
    case_close,
    case_step_down,
    referral_decide,
    referral_from_hand_over,
    referral_receive,
)
from teamaround.socialcare.services.safety import safety_checks_request, safety_checks_run

__all__ = [
    # Pre-proceedings, FGDM and the family network
    "fgdm_exception_authorise",
    "fgdm_gate",
    "fgdm_meeting_record",
    "fgdm_offer_answer",
    "fgdm_offer_record",
    "letter_before_proceedings_record",
    "network_consent_record",
    "network_member_add",
    "pre_proceedings_decide",
    "pre_proceedings_meeting_record",
    "pre_proceedings_start",
    "proceedings_issue",
    "assessment_authorise",
    "assessment_save",
    "assessment_start",
    "assessment_submit",
    "care_end",
    "care_review_record",
    "care_start",
    "case_close",
    "case_step_down",
    "conference_record",
    "enquiry_complete",
    "missing_from_hub",
    "missing_record",
    "pathway_plan_review",
    "pathway_plan_start",
    "placement_change",
    "plan_end",
    "strategy_record",
    "referral_decide",
    "referral_from_hand_over",
    "referral_receive",
    "safety_checks_request",
    "safety_checks_run",
    "return_conversation_record",
    "visit_record",
]
