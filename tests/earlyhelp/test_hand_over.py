"""An episode opens from the Hub's hand-over: the Hub's service accepts it, the episode opens at
the Hub's level, linked back; a hand-over cannot open two episodes or be opened by others."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied, DomainError
from teamaround.earlyhelp import services
from teamaround.frontdoor import services as frontdoor_services
from teamaround.frontdoor.models import DecisionRoute, HandOverStatus
from tests.factories import TeamFactory


@pytest.fixture
def hand_over(chelmsford, teacher, make_user, early_help_team, level):
    screener = make_user(Role.HUB_SCREENER, team=TeamFactory(name="Hub"), username="screener")
    values = {
        "child_forenames": "Mia",
        "child_surname": "Fairbrother",
        "child_date_of_birth": date(2014, 6, 1),
        "address_line_1": "3 Mill Lane",
        "postcode": "CM1 2AB",
        "parent_name": "Dana Fairbrother",
        "parent_phone": "01245 000000",
        "concern": "Mia is often late and hungry; mum says money is very tight.",
        "tried": "Breakfast club place and a talk with mum.",
        "level_suggested": level(3),
        "consent": "yes",
    }
    request = frontdoor_services.request_for_support_send(actor=teacher, values=values)
    decision = frontdoor_services.hub_decision_record(
        actor=screener,
        request=request,
        level=level(3),
        route=DecisionRoute.FAMILY_SOLUTIONS,
        rationale="Several needs together",
        family_agreement=True,
        receiving_team=early_help_team,
    )
    return decision.hand_over


def _open(hand_over, actor, lead):
    return services.episode_open_from_hand_over(
        actor=actor,
        hand_over=hand_over,
        lead_professional=lead,
        family_agreed_on=timezone.localdate(),
        family_agreed_by="Dana (mum)",
    )


def test_accepting_a_family_solutions_hand_over_opens_a_level_3_episode(hand_over, worker):
    episode = _open(hand_over, worker, worker)
    hand_over.refresh_from_db()
    assert hand_over.status == HandOverStatus.ACCEPTED and hand_over.accepted_by == worker
    assert episode.level.number == 3 and episode.source == "hub"
    assert episode.hand_over_id == hand_over.pk and episode.family_id == hand_over.family_id
    with pytest.raises(DomainError):
        _open(hand_over, worker, worker)


def test_only_the_receiving_team_opens_it(hand_over, teacher):
    with pytest.raises(AccessDenied):
        _open(hand_over, teacher, teacher)
    hand_over.refresh_from_db()
    assert hand_over.status == HandOverStatus.AWAITING


def test_the_hand_over_page_opens_the_episode(hand_over, worker, signed_in):
    client = signed_in(worker)
    url = reverse("earlyhelp:episode-from-hand-over", args=[hand_over.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "lead_professional": str(worker.pk),
            "family_agreed_on": timezone.localdate().isoformat(),
            "family_agreed_by": "Dana",
        },
    )
    assert response.status_code == 302


def test_the_home_page_lists_the_teams_hand_overs(hand_over, worker, signed_in):
    page = signed_in(worker).get(reverse("earlyhelp:home")).content.decode()
    assert reverse("earlyhelp:episode-from-hand-over", args=[hand_over.pk]) in page


def test_the_hub_hand_overs_page_offers_accept_and_open_not_a_bare_accept(
    hand_over, worker, signed_in
):
    page = signed_in(worker).get(reverse("frontdoor:hand-overs")).content.decode()
    assert reverse("earlyhelp:episode-from-hand-over", args=[hand_over.pk]) in page
    assert "Accept and open the episode" in page
    assert reverse("frontdoor:hand-over-accept", args=[hand_over.pk]) not in page


def test_a_bare_accept_of_an_early_help_hand_over_goes_to_opening_the_episode(
    hand_over, worker, signed_in
):
    """Posting the Hub's accept (an old bookmark, a second tab) accepts nothing on its own: it
    takes the worker to opening the episode, which accepts and opens in one step."""
    response = signed_in(worker).post(reverse("frontdoor:hand-over-accept", args=[hand_over.pk]))
    assert response.status_code == 302
    assert response.url == reverse("earlyhelp:episode-from-hand-over", args=[hand_over.pk])
    hand_over.refresh_from_db()
    assert hand_over.status == HandOverStatus.AWAITING


def test_an_accepted_hand_over_with_no_episode_stays_on_the_home_page(hand_over, worker, signed_in):
    frontdoor_services.hand_over_accept(actor=worker, hand_over=hand_over)
    client = signed_in(worker)
    page = client.get(reverse("earlyhelp:home")).content.decode()
    assert reverse("earlyhelp:episode-from-hand-over", args=[hand_over.pk]) in page
    assert "Accepted: no episode yet" in page
    episode = _open(hand_over, worker, worker)
    assert episode.hand_over_id == hand_over.pk
    page = client.get(reverse("earlyhelp:home")).content.decode()
    assert reverse("earlyhelp:episode-from-hand-over", args=[hand_over.pk]) not in page


def test_other_teams_are_not_offered_the_hand_over(hand_over, teacher, signed_in):
    client = signed_in(teacher)
    assert "Accept and open" not in client.get(reverse("frontdoor:hand-overs")).content.decode()
    url = reverse("earlyhelp:episode-from-hand-over", args=[hand_over.pk])
    assert client.get(url).status_code == 403
    assert (
        client.post(reverse("frontdoor:hand-over-accept", args=[hand_over.pk])).status_code == 403
    )
    hand_over.refresh_from_db()
    assert hand_over.status == HandOverStatus.AWAITING
