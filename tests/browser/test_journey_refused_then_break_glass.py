"""Journey: a practitioner follows a task on her home page to a family her team is not
involved with; the 403 page says what she can do and links to break-glass access, which she
takes with a reason, and the family's record opens. By clicking only."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.work import work_item_create
from teamaround.people import services as people_services
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_refused_record_leads_to_break_glass(journey):
    UserFactory(username="admin", roles=[Role.ADMINISTRATOR])  # reviews the access
    pat = UserFactory(username="pat", first_name="Pat", roles=[Role.FAMILY_WORKER])
    family = people_services.family_create(actor=SYSTEM, name="Whitmore household")
    people_services.person_create(
        actor=SYSTEM,
        family=family,
        forenames="Jayden",
        surname="Whitmore",
        date_of_birth=date(2015, 4, 9),
    )
    work_item_create(
        actor=SYSTEM,
        title="Bring the school's attendance figures to the panel",
        source_type="people.family",
        source_id=str(family.pk),
        assigned_to=pat,
        link=reverse("people:family-detail", args=[family.pk]),
    )

    sign_in(journey, "pat", PASSWORD)
    journey.get_by_role("link", name="Bring the school's attendance figures").click()
    expect(journey.get_by_role("heading", level=1)).to_have_text(
        "You do not have access to this page"
    )
    assert_accessible(journey)
    journey.get_by_role("link", name="Ask for break-glass access to this record").click()
    assert_accessible(journey)
    journey.get_by_label("Why do you need to see this record now?").fill(
        "The panel asked me for the attendance figures today."
    )
    journey.get_by_role("button", name="Open the record").click()
    expect(journey.get_by_text("Break-glass access recorded for 24 hours.")).to_be_visible()
    expect(journey.get_by_role("heading", level=1)).to_have_text("Whitmore household")
    assert_accessible(journey)
