"""Social care's use-cases: the only writers of its tables."""

from teamaround.socialcare.services.assessment import (
    assessment_authorise,
    assessment_save,
    assessment_start,
    assessment_submit,
)
from teamaround.socialcare.services.referrals import (
    referral_decide,
    referral_from_hand_over,
    referral_receive,
)

__all__ = [
    "assessment_authorise",
    "assessment_save",
    "assessment_start",
    "assessment_submit",
    "referral_decide",
    "referral_from_hand_over",
    "referral_receive",
]
