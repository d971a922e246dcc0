"""Journey: the Hub hands a family over and the receiving worker opens the episode from the
hand-over, by clicking only. Accepting is part of opening: no family is left with an accepted
hand-over and no episode (the Team Around the Family route for a school's lead professional,
and the Family Solutions route for a council family worker)."""

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.models import District, PostcodeOutwardCode, WindscreenLevel
from teamaround.earlyhelp.models import Episode
from teamaround.frontdoor import services as frontdoor_services
from teamaround.frontdoor.models import DecisionRoute, HandOverStatus
from tests.browser.conftest import assert_accessible, fill_date, menu, sign_in
from tests.factories import PASSWORD, AgencyFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _decided(route, referrer, screener, **decision):
    district = District.objects.create(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.create(outward_code="CM1", district=district)
    level = WindscreenLevel.objects.get(number=3 if route == DecisionRoute.FAMILY_SOLUTIONS else 2)
    request = frontdoor_services.request_for_support_send(
        actor=referrer,
        values={
            "child_forenames": "Mia",
            "child_surname": "Fairbrother",
            "child_date_of_birth": date(2014, 6, 1),
            "address_line_1": "3 Mill Lane",
            "postcode": "CM1 2AB",
            "parent_name": "Dana Fairbrother",
            "parent_phone": "01245 000000",
            "concern": "Mia is often late and hungry.",
            "tried": "Breakfast club.",
            "level_suggested": level,
            "consent": "yes",
        },
    )
    return frontdoor_services.hub_decision_record(
        actor=screener, request=request, level=level, route=route, rationale="Needs", **decision
    ).hand_over


def _staff():
    school = TeamFactory(agency=AgencyFactory(name="Oakwood Primary School"), name="Safeguarding")
    hub = TeamFactory(agency=AgencyFactory(name="Early Help Hub"), name="Hub")
    early_help = TeamFactory(
        agency=AgencyFactory(name="Council Early Help", kind=AgencyKind.COUNCIL_EARLY_HELP),
        name="Family Solutions Mid A",
    )
    dsl = UserFactory(
        username="dsl", first_name="Dana", last_name="Lead", team=school, roles=[Role.PRACTITIONER]
    )
    screener = UserFactory(username="screener", team=hub, roles=[Role.HUB_SCREENER])
    fran = UserFactory(
        username="fran",
        first_name="Fran",
        last_name="Ames",
        team=early_help,
        roles=[Role.FAMILY_WORKER],
    )
    return dsl, screener, fran, early_help


def _open_the_episode(page):
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Open an early help episode")
    fill_date(page, "#id_family_agreed_on", timezone.localdate().isoformat())
    page.get_by_label("Who in the family agreed").fill("Dana (mum)")
    page.get_by_role("button", name="Accept and open the episode").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The hand-over is accepted and the episode is open."
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("Fairbrother household")
    assert_accessible(page)


def test_the_lead_professional_opens_the_team_around_the_family_from_the_hand_over(journey):
    dsl, screener, _, _ = _staff()
    hand_over = _decided(DecisionRoute.TEAM_AROUND_FAMILY, dsl, screener, lead_professional=dsl)

    sign_in(journey, "dsl", PASSWORD)
    assert_accessible(journey)
    menu(journey, "Hand-overs")
    assert_accessible(journey)
    journey.get_by_role(
        "button", name=f"Accept and open the episode for {hand_over.request.reference}"
    ).click()
    _open_the_episode(journey)

    hand_over.refresh_from_db()
    episode = Episode.objects.get(hand_over_id=hand_over.pk)
    assert hand_over.status == HandOverStatus.ACCEPTED
    assert episode.lead_professional == dsl and episode.level.number == 2
    menu(journey, "Hand-overs")
    expect(journey.get_by_text("Nothing is waiting for your team.")).to_be_visible()


def test_a_family_worker_opens_family_solutions_from_the_early_help_home(journey):
    dsl, screener, fran, early_help = _staff()
    hand_over = _decided(
        DecisionRoute.FAMILY_SOLUTIONS,
        dsl,
        screener,
        family_agreement=True,
        receiving_team=early_help,
    )

    sign_in(journey, "fran", PASSWORD)
    menu(journey, "Early help")
    assert_accessible(journey)
    journey.get_by_role("link", name="Fairbrother household: level 3, Family Solutions").click()
    _open_the_episode(journey)

    episode = Episode.objects.get(hand_over_id=hand_over.pk)
    assert episode.level.number == 3 and episode.lead_professional == fran
    menu(journey, "Early help")
    expect(journey.get_by_role("link", name="Fairbrother household: level 3")).to_have_count(0)
