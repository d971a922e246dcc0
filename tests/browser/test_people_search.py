"""A practitioner checks whether a child is known, with a misspelt name, picks the right
candidate, and opens the family page with its family tree; axe-core checks each page."""

from datetime import date

import pytest
from playwright.sync_api import expect

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.people import services
from tests.browser.conftest import assert_accessible, fill_date, sign_in
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _family(team):
    family = services.family_create(actor=SYSTEM, name="Whitmore household")
    child = services.person_create(
        actor=SYSTEM,
        family=family,
        forenames="Jayden",
        surname="Whitmore",
        date_of_birth=date(2015, 4, 9),
        sex="M",
        address={"line_1": "1 High Street", "postcode": "CM1 1QH"},
    )
    mother = services.person_create(
        actor=SYSTEM,
        family=family,
        role="parent",
        forenames="Kerry",
        surname="Whitmore",
        date_of_birth=date(1990, 1, 2),
        sex="F",
    )
    services.relationship_record(
        actor=SYSTEM, from_person=mother, to_person=child, kind="parent_of"
    )
    other = services.family_create(actor=SYSTEM, name="Whitman household")
    services.person_create(
        actor=SYSTEM,
        family=other,
        forenames="Jade",
        surname="Whitman",
        date_of_birth=date(2012, 8, 1),
        sex="F",
    )
    services.involvement_open(actor=SYSTEM, family=family, team=team, reason="School support")


def test_practitioner_finds_a_misspelt_child_and_opens_the_family_tree(page):
    user = UserFactory(username="pat.practitioner", first_name="Pat", roles=[Role.PRACTITIONER])
    _family(user.team)

    sign_in(page, "pat.practitioner", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Is this child known?"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Is this child already known?")
    assert_accessible(page)

    page.get_by_label("First name").fill("Jaden")
    page.get_by_label("Last name").fill("Witmore")
    fill_date(page, "Date of birth or expected date (if known)", "2015-04-09")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#results")).to_contain_text("possible match")
    expect(
        page.get_by_text("surname spelt slightly differently", exact=False).first
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Jayden Whitmore").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jayden Whitmore")
    assert_accessible(page)

    page.get_by_role("link", name="Whitmore household").click()
    tree = page.get_by_role("img", name="Family tree of Whitmore household")
    expect(tree).to_be_visible()
    expect(page.get_by_role("table", name="Relationships in Whitmore household")).to_contain_text(
        "parent of"
    )
    assert_accessible(page)
