"""Journeys, by clicking only, axe-core clean on every page.

1. Children looked after: the social worker opens a child in need's case from "My cases" →
   the child's care → records that the child is looked after, with a placement → records a
   visit → the first review (reg 33) → the child goes missing from the placement and comes
   back → the return conversation is offered, accepted and held.
2. Pre-proceedings and the FGDM gate: the team manager starts pre-proceedings; the worker
   records the letter, offers a family group decision-making meeting, is refused when
   recording the application to court before the meeting (the GOV.UK error summary says
   why), records the meeting and then the application.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import District, PostcodeOutwardCode
from teamaround.people import services as people_services
from teamaround.people.models import MemberRole
from teamaround.socialcare import services
from teamaround.socialcare.models import CareProceedings, MissingFromCare
from tests.browser.conftest import assert_accessible, fill_date, menu, sign_in
from tests.factories import PASSWORD, AgencyFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _child_in_need(today):
    district = District.objects.create(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.create(outward_code="CM1", district=district)
    team = TeamFactory(
        agency=AgencyFactory(name="Children's Social Care", kind=AgencyKind.CHILDRENS_SOCIAL_CARE),
        name="Children and Families Mid",
    )
    worker = UserFactory(
        username="sw", first_name="Sam", last_name="Shaw", team=team, roles=[Role.SOCIAL_WORKER]
    )
    UserFactory(username="tm", first_name="Tess", team=team, roles=[Role.TEAM_MANAGER])
    family = people_services.family_create(actor=SYSTEM, name="Okoro household")
    child = people_services.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Tobi",
        surname="Okoro",
        date_of_birth=date(2013, 2, 3),
        address={"line_1": "5 Mill Lane", "postcode": "CM1 2AB"},
    )
    referral = services.referral_receive(
        actor=worker,
        family=family,
        child=child,
        source="2A",
        primary_need="N1",
        reason="Neglect at home.",
        received_on=today - timedelta(days=90),
        allocated_worker=worker,
    )
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="assessment",
        reason="Assess",
        decided_on=referral.received_on,
    )
    return referral


def _save(page, button):
    page.get_by_role("button", name=button).click()
    assert_accessible(page)


def _open_case(journey):
    sign_in(journey, "sw", PASSWORD)
    menu(journey, "Social care")
    assert_accessible(journey)
    journey.get_by_role("link", name="Tobi Okoro").click()
    assert_accessible(journey)
    expect(journey.get_by_role("heading", level=1)).to_have_text("Tobi Okoro")


def test_a_child_becomes_looked_after_is_visited_reviewed_and_goes_missing(journey):
    today = timezone.localdate()
    _child_in_need(today)
    _open_case(journey)
    journey.get_by_role(
        "link", name="The child's care: placements, reviews, visits and missing episodes"
    ).click()
    assert_accessible(journey)
    journey.get_by_role("link", name="Record that the child is looked after").click()
    assert_accessible(journey)
    fill_date(journey, "Date the child became looked after", today - timedelta(days=14))
    journey.get_by_label("Legal status").select_option("C1")
    journey.get_by_label("Placement type").select_option(index=1)
    journey.get_by_label("Own provision (by the council)").check()
    journey.get_by_label("Carer or provider's name").fill("Ms Adeyemi")
    journey.get_by_label("Placement postcode").fill("CM1 3XY")
    _save(journey, "Record that the child is looked after")
    expect(journey.get_by_text("Ms Adeyemi", exact=False).first).to_be_visible()

    journey.get_by_role("link", name="Record a visit").first.click()
    assert_accessible(journey)
    fill_date(journey, "Date of the visit", today - timedelta(days=7))
    journey.get_by_label("The child was seen alone").check()
    journey.get_by_label("What you saw and what the child said").fill("Settling in well.")
    _save(journey, "Record a visit to the child")
    journey.get_by_role(
        "link", name="The child's care: placements, reviews, visits and missing episodes"
    ).click()
    assert_accessible(journey)
    expect(journey.get_by_text("seen alone", exact=False)).to_be_visible()

    journey.get_by_role("link", name="Record review 1").click()
    assert_accessible(journey)
    fill_date(journey, "Date of the review", today - timedelta(days=3))
    journey.get_by_label("Independent reviewing officer").fill("Ms Ito")
    _save(journey, "Record looked-after review 1")
    expect(journey.get_by_text("chair Ms Ito", exact=False)).to_be_visible()

    journey.get_by_role("link", name="Record that the child went missing").click()
    assert_accessible(journey)
    fill_date(journey, "Date the child went missing", today - timedelta(days=2))
    fill_date(journey, "Date the child came back (if they have)", today - timedelta(days=1))
    _save(journey, "Record that the child went missing")
    expect(journey.get_by_text("Not offered yet", exact=False)).to_be_visible()
    journey.get_by_role("link", name="record the return conversation").click()
    assert_accessible(journey)
    fill_date(journey, "Date the return conversation was offered", today - timedelta(days=1))
    journey.get_by_label("Accepted").check()
    fill_date(journey, "Date the conversation was held (if it was)", today)
    _save(journey, journey.get_by_role("heading", level=1).inner_text())
    expect(journey.get_by_text("accepted, held", exact=False)).to_be_visible()
    missing = MissingFromCare.objects.get()
    assert missing.conversation_held_on == today and missing.returned_on is not None


def test_the_application_to_court_waits_for_the_family_group_meeting(journey):
    today = timezone.localdate()
    _child_in_need(today)
    sign_in(journey, "tm", PASSWORD)
    menu(journey, "Social care caseload")
    journey.get_by_role("link", name="Tobi Okoro").click()
    journey.get_by_role(
        "link", name="Pre-proceedings, family group decision making", exact=False
    ).click()
    assert_accessible(journey)
    journey.get_by_role("link", name="Start pre-proceedings").click()
    assert_accessible(journey)
    fill_date(journey, "Date of the legal planning meeting", today - timedelta(days=10))
    fill_date(journey, "Date of the decision", today - timedelta(days=10))
    journey.get_by_label("Why pre-proceedings are starting").fill("Neglect continues.")
    _save(journey, "Start pre-proceedings")
    journey.get_by_role("button", name="Sign out").click()

    _open_case(journey)
    journey.get_by_role(
        "link", name="Pre-proceedings, family group decision making", exact=False
    ).click()
    journey.get_by_role("link", name="Record the letter before proceedings").click()
    assert_accessible(journey)
    fill_date(journey, "Date the letter was sent", today - timedelta(days=8))
    journey.get_by_label("Who the letter was sent to").fill("Ms Okoro")
    _save(journey, "Record the letter before proceedings")
    journey.get_by_role(
        "link", name="Record an offer of a family group decision-making meeting"
    ).click()
    assert_accessible(journey)
    fill_date(journey, "Date the meeting was offered", today - timedelta(days=7))
    journey.get_by_label("Who it was offered to").fill("Ms Okoro and the grandparents")
    journey.get_by_label("Accepted").check()
    fill_date(journey, "Date of their answer (if they have answered)", today - timedelta(days=6))
    _save(journey, "Record the offer of a family group decision-making meeting")

    journey.get_by_role("link", name="Record that care proceedings are issued").click()
    fill_date(journey, "Date the application was issued", today)
    journey.get_by_label("Court").fill("Chelmsford Family Court")
    journey.get_by_label("Care order (Children Act 1989, s.31)").check()
    _save(journey, "Record that care proceedings are issued")
    summary = journey.locator(".govuk-error-summary")
    expect(summary).to_contain_text("offered and held, or a manager has authorised an exception")
    assert not CareProceedings.objects.exists()
    journey.get_by_role("link", name="Back to the case").click()
    journey.get_by_role(
        "link", name="Pre-proceedings, family group decision making", exact=False
    ).click()

    journey.get_by_role("link", name="Record the meeting").click()
    assert_accessible(journey)
    fill_date(journey, "Date of the meeting", today - timedelta(days=2))
    journey.get_by_label("Who attended").fill("Ms Okoro\nMr and Mrs Okoro (grandparents)")
    journey.get_by_label("The family agreed a plan").check()
    journey.get_by_label("The family's plan").fill("Grandparents care at weekends.")
    _save(journey, "Record the family group decision-making meeting")
    journey.get_by_role("link", name="Add a member of the family network").click()
    assert_accessible(journey)
    journey.get_by_label("Name").fill("Ada Okoro")
    journey.get_by_label("Relationship to the child").fill("Grandmother")
    journey.get_by_label("How to contact them").fill("07700 900003")
    journey.get_by_label("Consent given").check()
    fill_date(journey, "Date of their answer", today)
    _save(journey, "Add a member of the family network")
    expect(journey.get_by_text("Consent given", exact=True)).to_be_visible()

    journey.get_by_role("link", name="Record that care proceedings are issued").click()
    fill_date(journey, "Date the application was issued", today)
    journey.get_by_label("Court").fill("Chelmsford Family Court")
    journey.get_by_label("Care order (Children Act 1989, s.31)").check()
    _save(journey, "Record that care proceedings are issued")
    expect(journey.get_by_text("issued", exact=False).first).to_be_visible()
    assert CareProceedings.objects.get().pre_proceedings is not None
