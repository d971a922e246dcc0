"""Every role's main pages reflow at 320 CSS pixels (WCAG 2.2, 1.4.10: nothing scrolls sideways
but a wide table inside its own scroll container) and stay axe-clean there.

A small county is seeded once, so that the pages have the tables and long names a council's
would. Each demo user signs in and opens their home page and every page their service
navigation links to (through a section's page where the navigation groups its pages)."""

from io import StringIO

import pytest
from django.core.management import call_command

from teamaround.accounts.models import User
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

NARROW = {"width": 320, "height": 720}
NAV_LINKS = "nav[aria-label='Menu'] .govuk-service-navigation__link"


def _sign_in(context, live_server, user) -> None:
    """The test client's session cookie, so that the browser is signed in as `user`."""
    from django.test import Client

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def _demo_users():
    return list(User.objects.filter(username__startswith="demo.").order_by("username"))


def _overflow(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


def _widest(page) -> str:
    """What sticks out beyond the viewport, to say in the failure."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                  && !e.closest(".ta-table-scroll"))
        .slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))
        .join(', ')"""
    )


@pytest.fixture
def county(db):
    call_command("seed", "--children", "40", "--county", "small", "--seed", "5", stdout=StringIO())


def test_every_roles_main_pages_reflow_at_320_pixels_and_stay_accessible(
    chromium, live_server, county
):
    too_wide = []
    for user in _demo_users():
        context = chromium.new_context(base_url=live_server.url, viewport=NARROW)
        _sign_in(context, live_server, user)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto("/")
        pages = ["/"] + [
            link.get_attribute("href") for link in page.locator(f"{NAV_LINKS}[href]").all()
        ]
        for href in _each_once(pages):
            page.goto(href)
            if href.startswith("/sections/"):  # the section's pages are main pages too
                section = page.locator("main a.govuk-link[href]").all()
                pages += [a.get_attribute("href") for a in section if a.get_attribute("href")]
            width = _overflow(page)
            if width > NARROW["width"]:
                too_wide.append(f"{user.username} {href}: {width}px ({_widest(page)})")
            assert_accessible(page)
        context.close()
    assert not too_wide, "Scrolls sideways at 320px:\n" + "\n".join(too_wide)


def _each_once(pages: list):
    """The pages in order, each once, including those added while going through them."""
    seen = set()
    index = 0
    while index < len(pages):
        if pages[index] not in seen:
            seen.add(pages[index])
            yield pages[index]
        index += 1
