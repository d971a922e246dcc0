"""A MAAG co-ordinator schedules a meeting, builds its agenda from three referrals, sends the
papers, records attendance and a decision with a package of support from the Directory, and
approves the minutes; the lead professional finds the new action on their task list.
axe-core checks every page."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import District, NeedDomain, WindscreenLevel
from teamaround.directory import services as directory
from teamaround.panels import services
from teamaround.panels.services.types import essex_panel_types
from teamaround.people import services as people
from tests.browser.conftest import assert_accessible, fill_date, sign_in
from tests.factories import (
    PASSWORD,
    AgencyFactory,
    DistrictFactory,
    QuadrantFactory,
    TeamFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _staff(username, kind, first_name, role=Role.PRACTITIONER):
    team = TeamFactory(agency=AgencyFactory(kind=kind))
    return UserFactory(username=username, first_name=first_name, roles=[role], team=team)


def _county():
    types = {t.code: t for t in services.panel_types_load(actor=SYSTEM, data=essex_panel_types())}
    district = DistrictFactory(name="Braintree", quadrant=QuadrantFactory(name="Mid"))
    panel = services.panel_create(
        actor=SYSTEM, panel_type=types["maag"], name="MAAG Braintree", district=district
    )
    coordinator = _staff(
        "cora.coordinator", AgencyKind.COUNCIL_EARLY_HELP, "Cora", Role.PANEL_CHAIR
    )
    members = [coordinator] + [
        _staff(f"member.{n}", kind, f"Member{n}")
        for n, kind in enumerate(
            [AgencyKind.CHILDRENS_SOCIAL_CARE, AgencyKind.SCHOOL, AgencyKind.HOUSING]
        )
    ]
    for index, user in enumerate(members):
        services.panel_membership_add(
            actor=SYSTEM,
            panel=panel,
            user=user,
            started_on=date(2024, 1, 1),
            role="coordinator" if index == 0 else "member",
        )
    lead = _staff("lena.lead", AgencyKind.SCHOOL, "Lena")
    for surname in ("Ashby", "Bramley", "Coggeshall"):
        family = people.family_create(actor=SYSTEM, name=f"{surname} household")
        people.involvement_open(actor=SYSTEM, family=family, team=lead.team, reason="TAF")
        services.panel_referral_create(
            consent_given_by="The child's mother",
            actor=lead,
            panel=panel,
            family=family,
            question=f"Who should lead for {surname}?",
        )
    organisation = directory.organisation_create(
        actor=SYSTEM,
        name="Braintree Family Trust",
        description="Family support.",
        agency=AgencyFactory(kind=AgencyKind.VOLUNTARY, name="Braintree Family Trust"),
    )
    directory.service_create(
        actor=SYSTEM,
        organisation=organisation,
        name="Strengthening Families",
        description="Parenting support.",
        access_routes=["via_panel"],
        review_date=timezone.localdate() + timedelta(days=200),
        levels=list(WindscreenLevel.objects.filter(number=2)),
        needs_met=list(NeedDomain.objects.all()[:1]),
        districts=list(District.objects.all()),
    )
    return panel


def test_coordinator_runs_a_maag_and_the_lead_sees_the_action(page):
    _county()
    held_on = timezone.localdate() + timedelta(days=2)
    sign_in(page, "cora.coordinator", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Panels").click()
    expect(page.get_by_role("heading", level=1, name="Panels")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="MAAG Braintree").click()
    assert_accessible(page)
    page.get_by_role("link", name="Schedule a meeting").click()
    assert_accessible(page)
    fill_date(page, "Date of the meeting", str(held_on))
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Agenda for")
    assert_accessible(page)
    for surname in ("Ashby", "Bramley", "Coggeshall"):
        page.get_by_label(f"{surname} household", exact=False).check()
    page.get_by_role("button", name="Add to the agenda").click()
    expect(page.get_by_text("3 items added to the agenda")).to_be_visible()
    page.get_by_role("button", name="Send the papers").click()

    expect(page.get_by_text("The papers have been sent")).to_be_visible()
    assert_accessible(page)
    for name in ("Cora", "Member0", "Member1", "Member2"):
        page.get_by_label(name, exact=False).check()
    page.get_by_role("button", name="Record attendance").click()
    expect(page.get_by_text("Quorate", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Record a decision for item 1").click()
    assert_accessible(page)
    page.get_by_label("What the panel decided and why").fill("Lena to lead; parenting support.")
    page.get_by_label("Lead professional").select_option(label="Lena " + _surname(page))
    fill_date(page, "Package starts on", str(held_on))
    page.get_by_label("Duration in weeks").fill("12")
    fill_date(page, "Panel reviews the package on", str(held_on + timedelta(weeks=6)))
    page.get_by_label("Service 1 from the Directory").select_option(label="Strengthening Families")
    page.get_by_label("Cost of service 1 (£)").fill("1500")
    page.get_by_label("Action 1: what will be done").fill("Hold the first TAF meeting")
    page.get_by_label("Action 1: owner").select_option(label="Lena " + _surname(page))
    fill_date(page, "Action 1: due by", str(held_on + timedelta(days=10)))
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("The decision has been recorded")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Minutes").click()
    expect(page.get_by_text("Strengthening Families")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Approve the minutes").click()
    expect(page.get_by_text("The minutes have been approved")).to_be_visible()
    expect(page.get_by_role("link", name="Correct the minutes")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "lena.lead", PASSWORD)
    expect(page.get_by_role("link", name="Hold the first TAF meeting")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Hold the first TAF meeting").click()
    expect(page.get_by_role("heading", level=1, name="Hold the first TAF meeting")).to_be_visible()
    assert_accessible(page)


def _surname(page) -> str:
    from teamaround.accounts.models import User

    return User.objects.get(username="lena.lead").last_name
