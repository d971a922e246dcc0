"""Journey: the Hub's team manager sees her team's work by clicking only: the Hub queue, a
request in it (which she allocates to a screener) and the Hub's flow."""

from datetime import date

import pytest
from playwright.sync_api import expect

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.models import District, PostcodeOutwardCode, WindscreenLevel
from teamaround.frontdoor import services as frontdoor_services
from teamaround.frontdoor.models import RequestForSupport
from tests.browser.conftest import assert_accessible, menu, sign_in
from tests.factories import PASSWORD, AgencyFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_hub_manager_sees_the_queue_a_request_and_the_flow(journey):
    district = District.objects.create(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.create(outward_code="CM1", district=district)
    hub = TeamFactory(
        agency=AgencyFactory(name="Early Help", kind=AgencyKind.COUNCIL_EARLY_HELP),
        name="Children and Families Hub",
    )
    school = TeamFactory(agency=AgencyFactory(name="Oakwood Primary School"), name="Safeguarding")
    UserFactory(
        username="hm", first_name="Hana", last_name="Manager", team=hub, roles=[Role.TEAM_MANAGER]
    )
    UserFactory(
        username="screener",
        first_name="Sam",
        last_name="Screener",
        team=hub,
        roles=[Role.HUB_SCREENER],
    )
    dsl = UserFactory(username="dsl", team=school, roles=[Role.PRACTITIONER])
    rfs = frontdoor_services.request_for_support_send(
        actor=dsl,
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
            "level_suggested": WindscreenLevel.objects.get(number=2),
            "consent": "yes",
        },
    )

    sign_in(journey, "hm", PASSWORD)
    menu(journey, "Hub queue")
    expect(journey.get_by_role("heading", level=1, name="Hub queue")).to_be_visible()
    assert_accessible(journey)
    journey.get_by_role("link", name=rfs.reference).click()
    assert_accessible(journey)
    expect(journey.get_by_role("link", name="Record the decision")).to_have_count(0)
    journey.get_by_label("Assign to").select_option(label="Sam Screener, Early Help")
    journey.get_by_role("button", name="Assign").click()
    expect(journey.get_by_text("The request has been assigned.")).to_be_visible()
    assert_accessible(journey)
    assert RequestForSupport.objects.get(pk=rfs.pk).assigned_to.username == "screener"
    menu(journey, "Hub flow")
    expect(journey.get_by_role("heading", level=1)).to_have_text("The Hub's flow")
    assert_accessible(journey)
