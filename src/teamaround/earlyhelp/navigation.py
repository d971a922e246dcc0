"""Early help's links in the service navigation (each page still checks access itself)."""

from teamaround.core import navigation
from teamaround.earlyhelp.permissions import does_casework, is_team_manager

navigation.register("Early help", "earlyhelp:home", visible=does_casework, order=30)
navigation.register("Caseloads", "earlyhelp:managers", visible=is_team_manager, order=32)
