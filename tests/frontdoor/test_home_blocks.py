"""Each role's home page shows its own work from the Hub, with a link to it: the Hub's
screeners and manager the queue against the one-working-day deadline; a referrer the new
outcomes of their requests; a receiving team the hand-overs waiting for it. One role does not
see another's block."""

from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.frontdoor import services
from teamaround.frontdoor.models import DecisionRoute

QUEUE = "The Hub queue"
OUTCOMES = "Outcomes of your requests"
HAND_OVERS = "Hand-overs to your team"


def _home(signed_in, user) -> str:
    response = signed_in(user).get(reverse("core:home"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_hub_sees_its_queue_against_the_deadline_and_a_referrer_does_not(
    screener, hub_manager, school_lead, sent_request, signed_in
):
    sent_request()
    for hub_user in (screener, hub_manager):
        page = _home(signed_in, hub_user)
        assert QUEUE in page and f'href="{reverse("frontdoor:queue")}"' in page
        assert "1 open request has no screener" in page
    assert QUEUE not in _home(signed_in, school_lead)


def test_a_referrer_sees_the_new_outcome_of_their_request_and_the_screener_does_not(
    screener, school_lead, sent_request, signed_in, level
):
    rfs = sent_request()
    assert OUTCOMES not in _home(signed_in, school_lead)  # nothing decided yet
    services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(2),
        route=DecisionRoute.ADVICE_SIGNPOSTING,
        rationale="Emerging needs",
        other_services="Food bank",
    )
    page = _home(signed_in, school_lead)
    assert OUTCOMES in page and "decided 1 request of yours" in page
    assert f'href="{reverse("frontdoor:my-requests")}"' in page
    assert OUTCOMES not in _home(signed_in, screener)


def test_the_receiving_team_sees_a_waiting_hand_over_and_another_team_does_not(
    screener, school_lead, sent_request, signed_in, level, social_care_team, make_user
):
    rfs = sent_request()
    services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(4),
        route=DecisionRoute.SOCIAL_CARE,
        rationale="Disclosure of injury",
        receiving_team=social_care_team,
    )
    social_worker = make_user(Role.SOCIAL_WORKER, team=social_care_team)
    page = _home(signed_in, social_worker)
    assert HAND_OVERS in page and "1 hand-over waits for your team" in page
    assert f'href="{reverse("frontdoor:hand-overs")}"' in page
    assert HAND_OVERS not in _home(signed_in, school_lead)
