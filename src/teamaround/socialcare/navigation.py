"""Social care's links in the service navigation and the actions it offers on other apps'
pages (the Hub's hand-over, a family's page). Every page checks access again."""

from teamaround.core import navigation
from teamaround.socialcare import offers
from teamaround.socialcare.permissions import manages_social_care_team, works_in_social_care

navigation.register(
    "Social care",
    "socialcare:home",
    visible=works_in_social_care,
    order=34,
    section="Social care",
)
navigation.register(
    "Social care caseload",
    "socialcare:caseload",
    visible=manages_social_care_team,
    order=35,
    section="Social care",
)
navigation.register_action(
    "frontdoor.handover",
    "Accept and receive the social care referral",
    "socialcare:from-hand-over",
    visible=offers.may_receive_hand_over,
    primary=True,
)
navigation.register_action(
    "people.family",
    "Social care case",
    "socialcare:case",
    visible=offers.may_see_open_case,
    target=offers.open_case_of,
    order=12,
)
navigation.register_action(
    "people.family",
    "Record a social care referral",
    "socialcare:referral-new",
    visible=offers.may_refer,
    order=25,
)
