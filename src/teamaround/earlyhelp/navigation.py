"""Early help's links in the service navigation, and the early help actions offered on other
apps' pages (a hand-over from the Hub). Each page still checks access itself."""

from teamaround.core import navigation
from teamaround.earlyhelp.permissions import does_casework, is_team_manager
from teamaround.earlyhelp.selectors.handovers import can_open_from_hand_over

navigation.register("Early help", "earlyhelp:home", visible=does_casework, order=30)
navigation.register("Caseloads", "earlyhelp:managers", visible=is_team_manager, order=32)

navigation.register_action(
    "frontdoor.handover",
    "Accept and open the episode",
    "earlyhelp:episode-from-hand-over",
    visible=can_open_from_hand_over,
    primary=True,
)
