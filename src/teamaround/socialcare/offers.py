"""What social care offers on other apps' pages (see socialcare.navigation). For showing
links only; every service checks again."""

from __future__ import annotations

from teamaround.socialcare import adapters
from teamaround.socialcare.models import CaseStatus, SocialCareReferral


def open_case_of(family) -> SocialCareReferral | None:
    return (
        SocialCareReferral.objects.filter(family=family)
        .exclude(status=CaseStatus.CLOSED)
        .order_by("-received_on")
        .first()
    )


def may_see_open_case(user, family) -> bool:
    case = open_case_of(family)
    return case is not None and user.has_perm("socialcare.view_case", case)


def may_refer(user, family) -> bool:
    return bool(
        user.has_perm("socialcare.receive_referral") and user.has_perm("people.view_family", family)
    )


def may_receive_hand_over(user, hand_over) -> bool:
    return bool(
        adapters.is_social_care_hand_over(hand_over)
        and user.has_perm("socialcare.receive_referral")
        and user.has_perm("frontdoor.accept_hand_over", hand_over)
        and not SocialCareReferral.objects.filter(hand_over_id=hand_over.pk).exists()
    )
