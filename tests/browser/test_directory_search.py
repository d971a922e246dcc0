"""A parent finds help for a 7-year-old's anxiety near their postcode without signing in; a
practitioner refers a family to a service; an administrator walks the editors' pages. axe-core
checks every page."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import District, NeedDomain, WindscreenLevel
from teamaround.core.reference_data import essex_reference, load_reference_data
from teamaround.core.seeding import ESSEX_GEOGRAPHY
from teamaround.core.services import geography_load
from teamaround.directory import services
from teamaround.people.services import family_create
from tests.browser.conftest import assert_accessible, menu, sign_in
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _directory():
    """Transactional tests start from an empty database: load the reference data too."""
    load_reference_data(essex_reference(), level_model=WindscreenLevel, domain_model=NeedDomain)
    geography_load(actor=SYSTEM, data=json.loads(ESSEX_GEOGRAPHY.read_text(encoding="utf-8")))
    organisation = services.organisation_create(
        actor=SYSTEM,
        name="Chelmsford Children's Wellbeing Trust",
        description="A synthetic charity for children's wellbeing.",
    )
    made = {}
    for name, outward, ages, need in [
        ("Little Worries Group", "CM1", (5, 11), "emotional-health"),
        ("Calm Teens", "CM2", (13, 18), "emotional-health"),
        ("Colchester Worry Club", "CO1", (5, 11), "emotional-health"),
        ("Parents Together", "CM1", (None, None), "parenting"),
    ]:
        service = services.service_create(
            actor=SYSTEM,
            organisation=organisation,
            name=name,
            description=f"{name}: friendly help for children with anxiety and worries."
            if need == "emotional-health"
            else f"{name}: a course for parents.",
            levels=[WindscreenLevel.objects.get(number=2)],
            needs_met=[NeedDomain.objects.get(code=need)],
            districts=list(District.objects.filter(code__in=["chelmsford", "colchester"])),
            minimum_age=ages[0],
            maximum_age=ages[1],
            access_routes=["self_referral"],
            review_date=timezone.localdate() + timedelta(days=200),
            phone="01245 000000",
            referral_routes="Call the intake line.",
        )
        location = services.location_create(
            actor=SYSTEM,
            organisation=organisation,
            name=f"{name} hall",
            address_1="1 Example Road",
            city="Essex",
            postcode=f"{outward} 1AB",
        )
        services.service_location_add(actor=SYSTEM, service=service, location=location)
        made[name] = service
    return made


def test_a_parent_finds_help_for_a_childs_anxiety_near_them(page, live_server):
    _directory()
    page.goto("/services/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Find help for your child or family")
    assert_accessible(page)

    page.get_by_label("What do you need help with?").fill("anxiety")
    page.get_by_label("Postcode").fill("CM1 1QH")
    page.get_by_label("Age of the child or young person").fill("7")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="2 services found")).to_be_visible()
    results = page.get_by_role("list").filter(has_text="miles away")
    expect(results.get_by_role("link").first).to_have_text("Little Worries Group")
    expect(page.get_by_text("Calm Teens")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Little Worries Group").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Little Worries Group")
    expect(page.get_by_text("01245 000000")).to_be_visible()
    expect(page.get_by_text("Call the intake line.")).to_have_count(0)
    expect(page.get_by_role("link", name="Ask for help")).to_be_visible()
    assert_accessible(page)

    # Back to the same results (the search kept), which also offer Ask for help.
    page.get_by_role("link", name="Back to your search results").click()
    expect(page.get_by_role("heading", name="2 services found")).to_be_visible()
    expect(page.get_by_label("Postcode")).to_have_value("CM1 1QH")
    page.get_by_role("link", name="Ask for help").click()
    expect(page).to_have_url(f"{live_server.url}/ask-for-help/")


def test_a_practitioner_refers_a_family_to_a_service(page, live_server):
    service = _directory()["Little Worries Group"]
    worker = UserFactory(username="sam.school", roles=[Role.PRACTITIONER])
    family_create(actor=worker, name="The Example household")
    sign_in(page, "sam.school", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Directory of Services"
    ).click()
    assert_accessible(page)
    page.goto(f"/services/{service.pk}/")
    expect(page.get_by_text("Call the intake line.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Refer a family to this service").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Refer a family to this service")
    assert_accessible(page)
    page.get_by_label("Family", exact=True).select_option(label="The Example household")
    page.get_by_label("Why are you referring the family?").fill("Worries about school.")
    page.get_by_role("button", name="Record referral").click()
    expect(page.get_by_text("The family has been referred to Little Worries Group")).to_be_visible()
    expect(page.get_by_text("Referrals through TeamAround")).to_be_visible()
    assert_accessible(page)


def test_an_administrator_walks_the_editors_pages(page, live_server):
    service = _directory()["Calm Teens"]
    UserFactory(username="ada.admin", roles=[Role.ADMINISTRATOR])
    sign_in(page, "ada.admin", PASSWORD)
    menu(page, "Manage the directory")
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage the directory")
    assert_accessible(page)
    for path, heading in [
        (f"/services/manage/{service.pk}/", "Change Calm Teens"),
        (f"/services/manage/{service.pk}/opening-times/", "Opening times"),
        (f"/services/manage/{service.pk}/locations/add/", "Add a place where the service runs"),
        ("/services/manage/add/", "Add a service"),
        ("/services/manage/organisations/", "Organisations in the directory"),
        ("/services/manage/organisations/add/", "Add an organisation"),
        (f"/services/manage/organisations/{service.organisation_id}/editors/", "Directory editors"),
        ("/services/manage/import/", "Import an Open Referral UK feed"),
    ]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)

    page.goto(f"/services/manage/{service.pk}/")
    page.get_by_label("Name of the service").fill("")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
