"""Journey, by clicking only: the Hub decides level 4 → the social worker receives the
referral from the hand-over → decides on a strategy discussion → records it (with police,
health, education and social care) → completes the section 47 → records the initial
conference and the plan → the team manager sees the case on the caseload. axe-core clean."""

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.models import District, PostcodeOutwardCode, WindscreenLevel
from teamaround.frontdoor import services as frontdoor_services
from teamaround.frontdoor.models import DecisionRoute
from teamaround.socialcare.models import SocialCareReferral
from tests.browser.conftest import assert_accessible, fill_date, menu, sign_in
from tests.factories import PASSWORD, AgencyFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _level_4_hand_over():
    district = District.objects.create(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.create(outward_code="CM1", district=district)
    school = TeamFactory(agency=AgencyFactory(name="Oakwood Primary School"), name="Safeguarding")
    hub = TeamFactory(agency=AgencyFactory(name="Early Help Hub"), name="Hub")
    social_care = TeamFactory(
        agency=AgencyFactory(name="Children's Social Care", kind=AgencyKind.CHILDRENS_SOCIAL_CARE),
        name="Children and Families Mid",
    )
    dsl = UserFactory(username="dsl", team=school, roles=[Role.PRACTITIONER])
    hub_sw = UserFactory(username="hubsw", team=hub, roles=[Role.HUB_SOCIAL_WORKER])
    UserFactory(
        username="sw",
        first_name="Sam",
        last_name="Shaw",
        team=social_care,
        roles=[Role.SOCIAL_WORKER],
    )
    UserFactory(username="tm", team=social_care, roles=[Role.TEAM_MANAGER])
    level = WindscreenLevel.objects.get(number=4)
    request = frontdoor_services.request_for_support_send(
        actor=dsl,
        values={
            "child_forenames": "Mia",
            "child_surname": "Fairbrother",
            "child_date_of_birth": date(2014, 6, 1),
            "address_line_1": "3 Mill Lane",
            "postcode": "CM1 2AB",
            "parent_name": "Dana Fairbrother",
            "parent_phone": "01245 000000",
            "concern": "Mia has a mark on her face.",
            "tried": "Told the designated safeguarding lead.",
            "level_suggested": level,
            "consent": "no",
            "no_consent_reason": "Telling the family could put the child at risk",
            "safeguarding_concern": True,
        },
    )
    return frontdoor_services.hub_decision_record(
        actor=hub_sw,
        request=request,
        level=level,
        route=DecisionRoute.SOCIAL_CARE,
        rationale="Disclosure of harm",
        receiving_team=social_care,
    ).hand_over


def _save(page, button):
    page.get_by_role("button", name=button).click()
    assert_accessible(page)


def test_from_the_hub_to_a_child_protection_plan_by_clicking(journey):
    _level_4_hand_over()
    today = timezone.localdate().isoformat()
    sign_in(journey, "sw", PASSWORD)
    menu(journey, "Social care")
    assert_accessible(journey)
    journey.get_by_role("link", name="Fairbrother household: level 4").click()
    assert_accessible(journey)
    journey.get_by_label("Mia Fairbrother (born 1 June 2014)").check()
    journey.get_by_label("Referral source (DfE code)").select_option("2A")
    journey.get_by_label("Abuse or neglect").check()
    journey.get_by_label("Why the child is referred").fill("Mark on her face; disclosure.")
    _save(journey, "Record the referral")
    expect(journey.get_by_role("heading", level=1)).to_have_text("Mia Fairbrother")
    journey.get_by_role("link", name="Decide on the referral").click()
    assert_accessible(journey)
    journey.get_by_label("Strategy discussion").check()
    journey.get_by_label("Reason for the decision").fill("Reasonable cause to suspect harm")
    _save(journey, "Decide")
    journey.get_by_role("link", name="Record a strategy discussion").click()
    assert_accessible(journey)
    fill_date(journey, "Date of the strategy discussion", today)
    journey.get_by_label("Children's social care: who attended").fill("Sam Shaw")
    journey.get_by_label("Police: who attended").fill("PC Dale")
    journey.get_by_label("Health: who attended").fill("Nurse Lee")
    journey.get_by_label("Education: who attended").fill("Mrs Ng")
    journey.get_by_label("What was discussed and decided").fill("Section 47 agreed")
    journey.get_by_label("Yes").check()
    _save(journey, "Record a strategy discussion")
    expect(journey.get_by_text("Initial child protection conference: due")).to_be_visible()
    journey.get_by_role("link", name="complete the section 47 enquiry").click()
    assert_accessible(journey)
    journey.get_by_label("What the enquiry found").fill("Non-accidental injury")
    journey.get_by_label("Concerns substantiated: initial child protection conference").check()
    _save(journey, "Complete the section 47 enquiry")
    journey.get_by_role("link", name="record the initial child protection conference").click()
    assert_accessible(journey)
    fill_date(journey, "Date the conference was held", today)
    journey.get_by_label("Chair").fill("Independent chair")
    journey.get_by_label("Child protection plan (continues)").check()
    journey.get_by_label("Category of abuse (for a plan)").select_option("PHY")
    _save(journey, "Record the initial child protection conference")
    expect(journey.get_by_text("initial category PHY", exact=False)).to_be_visible()
    assert SocialCareReferral.objects.get().status == "child_protection"

    journey.get_by_role("button", name="Sign out").click()
    sign_in(journey, "tm", PASSWORD)
    menu(journey, "Social care caseload")
    assert_accessible(journey)
    expect(journey.get_by_role("link", name="Mia Fairbrother")).to_be_visible()
