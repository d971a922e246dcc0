"""Early help's links in the service navigation, and the early help actions offered on other
apps' pages (a hand-over from the Hub). Each page still checks access itself."""

from teamaround.core import navigation
from teamaround.earlyhelp.permissions import does_casework, is_team_manager
from teamaround.earlyhelp.selectors import offers
from teamaround.earlyhelp.selectors.handovers import can_open_from_hand_over

navigation.register(
    "Early help", "earlyhelp:home", visible=does_casework, order=30, section="Early help"
)
navigation.register(
    "Early help caseloads",
    "earlyhelp:managers",
    visible=is_team_manager,
    order=32,
    section="Early help",
)

navigation.register_action(
    "frontdoor.handover",
    "Accept and open the episode",
    "earlyhelp:episode-from-hand-over",
    visible=can_open_from_hand_over,
    primary=True,
)

navigation.register_action(
    "people.family",
    "Early help episode",
    "earlyhelp:episode",
    visible=offers.may_see_open_episode,
    target=offers.open_episode_of,
    order=10,
)
navigation.register_action(
    "people.family",
    "Open an early help episode",
    "earlyhelp:episode-new",
    visible=offers.may_open_episode,
    order=20,
    primary=True,
)
navigation.register_action(
    "people.family",
    "Step down to early help",
    "earlyhelp:step-down",
    visible=offers.may_step_down,
    order=30,
    primary=True,
)
navigation.register_action(
    "people.family",
    "The family's whole journey (timeline)",
    "earlyhelp:timeline",
    visible=lambda user, family: does_casework(user),
    order=40,
)
