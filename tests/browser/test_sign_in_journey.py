"""A member of staff signs in, looks around and signs out, in a real browser, with axe-core
checking each page."""

import re

import pytest
from playwright.sync_api import expect

from teamaround.accounts.roles import Role
from tests.browser.conftest import assert_accessible, menu, sign_in
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_administrator_signs_in_browses_and_signs_out(page):
    UserFactory(username="ada.admin", first_name="Ada", roles=[Role.ADMINISTRATOR])

    page.goto("/sign-in/")
    assert_accessible(page)
    sign_in(page, "ada.admin", PASSWORD)
    expect(page.get_by_role("heading", name="Hello, Ada")).to_be_visible()
    assert_accessible(page)

    for link, heading in [
        ("Agencies", "Agencies"),
        ("Users", "Users"),
        ("Geography", "Quadrants and districts"),
        ("Audit trail", "Audit trail"),
    ]:
        menu(page, link)
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="You have signed out")).to_be_visible()
    assert_accessible(page)
    page.goto("/agencies/")
    expect(page).to_have_url(re.compile(r"/sign-in/\?next=/agencies/"))


def test_wrong_password_shows_the_error_summary(page):
    UserFactory(username="bob.practitioner", roles=[Role.PRACTITIONER])
    sign_in(page, "bob.practitioner", "not-the-password")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a correct username and password")
    assert_accessible(page)
