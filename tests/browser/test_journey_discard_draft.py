"""Journey: a practitioner starts a request, saves it as a draft, comes back to it from her
requests and discards it with the button on the draft, by clicking only."""

import pytest
from playwright.sync_api import expect

from teamaround.accounts.roles import Role
from teamaround.frontdoor.models import RequestForSupport, RequestStatus
from tests.browser.conftest import assert_accessible, menu, sign_in
from tests.factories import PASSWORD, AgencyFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_practitioner_discards_her_draft(journey):
    school = TeamFactory(agency=AgencyFactory(name="Oakwood Primary School"), name="Safeguarding")
    UserFactory(username="dsl", first_name="Dana", team=school, roles=[Role.PRACTITIONER])

    sign_in(journey, "dsl", PASSWORD)
    menu(journey, "My requests")
    assert_accessible(journey)
    journey.get_by_role("link", name="Send a new request").click()
    assert_accessible(journey)
    expect(journey.get_by_role("button", name="Discard this draft")).to_have_count(0)
    journey.get_by_label("Child's first name").fill("Mia")
    journey.get_by_role("button", name="Save as draft").click()
    expect(journey.get_by_text("Your draft has been saved.")).to_be_visible()
    reference = RequestForSupport.objects.get().reference

    menu(journey, "My requests")
    journey.get_by_role("link", name=reference).click()
    assert_accessible(journey)
    journey.get_by_role("button", name="Discard this draft").click()
    expect(journey.get_by_role("heading", level=1)).to_have_text("Discard this draft")
    assert_accessible(journey)
    journey.get_by_role("button", name="Discard the draft").click()
    expect(journey.locator(".govuk-notification-banner")).to_contain_text(
        f"Your draft {reference} has been discarded."
    )
    assert_accessible(journey)
    assert RequestForSupport.objects.get().status == RequestStatus.WITHDRAWN
