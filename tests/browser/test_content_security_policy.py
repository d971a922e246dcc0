"""Pages work under the strict Content-Security-Policy in a real browser: no violation is
reported on the way through sign-in, the home page, the directory, the public form, the
family search and the Hub."""

import pytest

from teamaround.accounts.roles import Role
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_page_breaks_the_content_security_policy(page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    UserFactory(username="cy.screener", roles=[Role.HUB_SCREENER])
    page.goto("/services/")
    page.goto("/ask-for-help/")
    sign_in(page, "cy.screener", PASSWORD)
    page.wait_for_url("**/")
    for path in ("/", "/people/", "/hub/", "/services/", "/agencies/"):
        page.goto(path)
        page.wait_for_load_state("load")
    assert violations == []
