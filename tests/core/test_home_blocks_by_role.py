"""Each role's home page shows its own work (the Hub's blocks are tested in
tests/frontdoor/test_home_blocks.py): a team manager the team's early help sign-offs, reviews
out of date and caseload; a panel chair the next meetings of the panels they chair, with
their agendas' size; commissioners and data analysts the commissioning pages. One role does
not see another's block."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.panels import services as panels
from teamaround.panels.models import MemberRole, PanelType
from teamaround.panels.services.types import essex_panel_types
from tests.factories import DistrictFactory

MANAGER = "Your team&#x27;s early help"
MEETINGS = "Your panels&#x27; next meetings"
COMMISSIONING = "Go to commissioning"


def _home(signed_in, user) -> str:
    response = signed_in(user).get(reverse("core:home"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_team_manager_sees_the_teams_early_help_and_a_practitioner_does_not(make_user, signed_in):
    page = _home(signed_in, make_user(Role.TEAM_MANAGER))
    assert MANAGER in page
    assert "0 assessments wait for your sign-off." in page
    assert "0 episodes have a review out of date." in page
    assert f'href="{reverse("earlyhelp:managers")}"' in page
    for role in (Role.PRACTITIONER, Role.FAMILY_WORKER, Role.COMMISSIONER):
        assert MANAGER not in _home(signed_in, make_user(role))


@pytest.mark.django_db
def test_a_panel_chair_sees_the_next_meetings_of_their_panel_and_others_do_not(
    make_user, signed_in
):
    panels.panel_types_load(actor=SYSTEM, data=essex_panel_types())
    chair = make_user(Role.PANEL_CHAIR)
    district = DistrictFactory(name="Braintree")
    panel = panels.panel_create(
        actor=SYSTEM,
        panel_type=PanelType.objects.get(code="maag"),
        name="MAAG Braintree",
        district=district,
    )
    panels.panel_membership_add(
        actor=SYSTEM, panel=panel, user=chair, role=MemberRole.CHAIR, started_on=date(2020, 1, 1)
    )
    assert MEETINGS not in _home(signed_in, chair)  # no meeting yet
    soon = timezone.localdate() + timedelta(days=3)
    panels.meeting_schedule(actor=chair, panel=panel, held_on=soon)
    page = _home(signed_in, chair)
    assert MEETINGS in page
    assert f"MAAG Braintree on {soon.day} {soon:%B %Y}: 0 items on the agenda." in page
    assert MEETINGS not in _home(signed_in, make_user(Role.PANEL_CHAIR))  # chairs another panel
    assert MEETINGS not in _home(signed_in, make_user(Role.PRACTITIONER))


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_only_commissioners_and_analysts_are_sent_to_the_commissioning_pages(
    make_user, signed_in, role
):
    page = _home(signed_in, make_user(role))
    expected = role in (Role.COMMISSIONER, Role.DATA_ANALYST)
    assert (COMMISSIONING in page) is expected
    if expected:
        assert reverse("core:section", args=["commissioning"]) in page
