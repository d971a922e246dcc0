"""A school's safeguarding lead sends a request for support, a Hub screener decides level 2
with a Team Around the Family, and the lead sees the outcome; axe-core checks every page."""

import pytest
from playwright.sync_api import expect

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.models import District, PostcodeOutwardCode
from tests.browser.conftest import assert_accessible, fill_date, menu, sign_in
from tests.factories import PASSWORD, AgencyFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_request_screened_at_level_2_and_the_outcome_seen_by_the_referrer(page):
    district = District.objects.create(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.create(outward_code="CM1", district=district)
    school = TeamFactory(
        agency=AgencyFactory(name="Oakwood Primary School"), name="Safeguarding Team"
    )
    hub = TeamFactory(
        agency=AgencyFactory(name="Early Help", kind=AgencyKind.COUNCIL_EARLY_HELP),
        name="Children and Families Hub",
    )
    UserFactory(
        username="dsl",
        first_name="Dana",
        last_name="Lead",
        team=school,
        job_title="Designated Safeguarding Lead",
        roles=[Role.PRACTITIONER],
    )
    UserFactory(
        username="screener",
        first_name="Sam",
        last_name="Screener",
        team=hub,
        roles=[Role.HUB_SCREENER],
    )

    sign_in(page, "dsl", PASSWORD)
    page.goto("/hub/requests/new/")
    assert_accessible(page)
    page.get_by_role("button", name="Send to the Hub").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the child's first name.")
    assert_accessible(page)
    page.get_by_label("Child's first name").fill("Mia")
    page.get_by_label("Child's last name").fill("Fairbrother")
    fill_date(page, "Child's date of birth", "2014-06-01")
    page.get_by_label("First line of the family's address").fill("3 Mill Lane")
    page.get_by_label("Postcode").fill("CM1 2AB")
    page.get_by_role("button", name="Check if this child is known").click()
    expect(page.get_by_text("No known child matches these details")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("What are you worried about?").fill("Mia is often late and hungry.")
    page.get_by_label("What has been tried so far?").fill("Breakfast club.")
    page.get_by_label("Level 2: Additional").check()
    page.get_by_label("Yes, the family agrees to the request").check()
    page.get_by_role("button", name="Send to the Hub").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("has been sent")
    reference = page.locator("h1").inner_text().split()[0]
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "screener", PASSWORD)
    menu(page, "Hub queue")
    expect(page.get_by_role("heading", level=1, name="Hub queue")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=reference).click()
    assert_accessible(page)
    page.get_by_role("button", name="Run the checks").click()
    expect(page.get_by_text("Known to social care")).to_be_visible()
    page.get_by_role("link", name="Record the decision").click()
    assert_accessible(page)
    page.get_by_label("Level 2: Additional").check()
    page.get_by_label("Why this level applies").fill("Emerging needs: attendance and money.")
    page.get_by_label("Team Around the Family with a lead professional").check()
    page.get_by_label("Lead professional (Team Around the Family)").select_option(
        label="Dana Lead, Oakwood Primary School"
    )
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Decision recorded")
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "dsl", PASSWORD)
    menu(page, "My requests")
    expect(page.get_by_role("cell", name="Level 2: Team Around the Family")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=reference).click()
    expect(
        page.get_by_text("Dana Lead (Oakwood Primary School) as the lead professional")
    ).to_be_visible()
    assert_accessible(page)
    menu(page, "Hand-overs")
    expect(page.get_by_role("cell", name="Fairbrother household")).to_be_visible()
    assert_accessible(page)
