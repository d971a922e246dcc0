"""The service navigation fits one line at 1280 x 800 for every role: each demo user the seed
prints signs in through the sign-in page, and every link of the navigation has its top within
4 px of the others' (a wrapped navigation puts some a line lower). Sections ("Hub", "Early
help", "Administration"...) and the 1200 px page width are what make it fit; a role that gains
pages must still fit, or its pages go into a section."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 800}
DEMO_PASSWORD = "Demo-Password-2026"
NAV_LINKS = "nav[aria-label='Menu'] .govuk-service-navigation__link"


@pytest.fixture
def demo_users(db) -> list[str]:
    """The demo users the seed prints, one per role (the Hub's manager too)."""
    out = StringIO()
    call_command("seed", "--children", "5", "--county", "small", "--seed", "7", stdout=out)
    names = [line.split()[0] for line in out.getvalue().splitlines() if line.strip()]
    return [name for name in names if name.startswith("demo.")]


def test_the_service_navigation_fits_one_line_at_1280_pixels_for_every_role(
    chromium, live_server, demo_users
):
    assert len(demo_users) >= 12, demo_users  # every role has its demo user
    wrapped = []
    for username in demo_users:
        context = chromium.new_context(base_url=live_server.url, viewport=DESKTOP)
        page = context.new_page()
        page.set_default_timeout(15000)
        sign_in(page, username, DEMO_PASSWORD)
        links = page.locator(NAV_LINKS)
        assert links.count() >= 3, f"{username} did not sign in or has no navigation"
        tops = [round(link.bounding_box()["y"]) for link in links.all()]
        if max(tops) - min(tops) > 4:
            wrapped.append(f"{username}: {', '.join(links.all_inner_texts())} at tops {tops}")
        assert_accessible(page)
        context.close()
    assert not wrapped, "The service navigation wraps at 1280px:\n" + "\n".join(wrapped)
