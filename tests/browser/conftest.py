"""Browser tests: Playwright for Python driving Debian's Chromium against a live server, with
axe-core checking every page visited. Never `playwright install`: /usr/bin/chromium is used."""

import os
from datetime import date
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run `make chromium` (make test does).")
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
    # itself (setting up data) are synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server, request):
    _restore_reference_data()
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def _restore_reference_data() -> None:
    """Browser tests run in real transactions, and the test runner empties every table
    between them, including the Windscreen levels and need domains a migration loaded."""
    from teamaround.core.models import NeedDomain, WindscreenLevel
    from teamaround.core.reference_data import essex_reference, load_reference_data

    load_reference_data(essex_reference(), level_model=WindscreenLevel, domain_model=NeedDomain)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


_axe = Axe()


def assert_accessible(page) -> None:
    """axe-core on the page as it stands: no serious or critical violations allowed."""
    results = _axe.run(page)
    bad = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert not bad, f"axe-core violations on {page.url}:\n" + "\n".join(bad)


def sign_in(page, username: str, password: str) -> None:
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


JOURNEY_START = ("/sign-in/", "/")


@pytest.fixture
def journey(page):
    """The page, for a journey: it may start at the sign-in page or the home page, and after
    that moves only by clicking links and buttons (going to an address fails the test)."""
    by_address = page.goto

    def goto(url, **kwargs):
        if url not in JOURNEY_START:
            pytest.fail(f"A journey moves by clicking: it went to {url} by address.")
        return by_address(url, **kwargs)

    page.goto = goto
    return page


def menu(page, name: str) -> None:
    """Follow a link in the service navigation, through its section's page ("Hub", "Early
    help", "Administration"...) where the navigation groups it, as a person would."""
    nav = page.get_by_role("navigation", name="Menu")
    link = nav.get_by_role("link", name=name, exact=True)
    if link.count() and not (link.get_attribute("href") or "").startswith("/sections/"):
        link.click()
        return
    sections = [a.inner_text().strip() for a in nav.locator("a[href^='/sections/']").all()]
    for section in sections:
        nav.get_by_role("link", name=section, exact=True).click()
        found = page.get_by_role("main").get_by_role("link", name=name, exact=True)
        if found.count():
            found.click()
            return
        nav = page.get_by_role("navigation", name="Menu")
    raise AssertionError(f"No link {name!r} in the service navigation or its sections")


def fill_date(page, label_or_id: str, day) -> None:
    """Enter a date in the GOV.UK date input named by its legend (or `#id`), box by box."""
    if label_or_id.startswith("#"):
        group = page.locator(label_or_id)
    else:
        group = page.get_by_role("group", name=label_or_id, exact=True)
    if isinstance(day, str):
        day = date.fromisoformat(day)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))
