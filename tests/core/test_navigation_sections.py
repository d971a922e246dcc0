"""The service navigation groups a section's pages (Hub, Requests, Early help, Social care,
Commissioning, Administration) under one entry that opens the section's page, listing only the
pages the user may see; a user who may see one page of a section gets that page's own link.
The grouping is a convenience: each page still checks access itself."""

import pytest
from django.test import Client
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.navigation import navigation_for, pages_for


class _Request:
    def __init__(self, user, path="/"):
        self.user, self.path = user, path


def _menu(user, path="/"):
    return {item["text"]: item for item in navigation_for(_Request(user, path))}


@pytest.mark.django_db
def test_a_commissioner_gets_one_commissioning_entry_opening_its_pages(make_user, signed_in):
    commissioner = make_user(Role.COMMISSIONER)
    menu = _menu(commissioner)
    assert "Commissioning" in menu and "Needs analysis" not in menu
    section = menu["Commissioning"]["href"]
    assert section == reverse("core:section", args=["commissioning"])
    page = signed_in(commissioner).get(section).content.decode()
    for name in ("needs", "envelope", "impact-list", "board-packs", "unmet-need"):
        assert f'href="{reverse(f"commissioning:{name}")}"' in page
    # The entry is shown as current on the section's pages.
    assert _menu(commissioner, reverse("commissioning:envelope"))["Commissioning"]["current"]


@pytest.mark.django_db
def test_a_section_lists_only_what_the_user_may_see(make_user, signed_in):
    manager = make_user(Role.TEAM_MANAGER)  # the audit of their team, and the geography
    assert "Administration" in _menu(manager)
    page = signed_in(manager).get(reverse("core:section", args=["administration"]))
    text = page.content.decode()
    assert reverse("core:audit-search") in text and reverse("core:district-list") in text
    assert reverse("accounts:user-list") not in text
    assert reverse("core:bulk-read-alerts") not in text


@pytest.mark.django_db
def test_one_page_of_a_section_is_linked_directly(make_user):
    practitioner = make_user(Role.PRACTITIONER)  # of early help, only their own cases
    menu = _menu(practitioner)
    assert menu["Early help"]["href"] == reverse("earlyhelp:home")
    assert "Early help caseloads" not in menu


@pytest.mark.django_db
def test_a_team_manager_finds_the_caseloads_in_the_early_help_section(make_user, signed_in):
    manager = make_user(Role.TEAM_MANAGER)
    menu = _menu(manager)
    assert menu["Early help"]["href"] == reverse("core:section", args=["early-help"])
    page = signed_in(manager).get(menu["Early help"]["href"]).content.decode()
    assert reverse("earlyhelp:home") in page and reverse("earlyhelp:managers") in page
    assert "Early help caseloads" in pages_for(manager)


@pytest.mark.django_db
def test_requests_and_hand_overs_share_one_entry(make_user, signed_in):
    practitioner = make_user(Role.PRACTITIONER)
    menu = _menu(practitioner)
    assert "My requests" not in menu and "Hand-overs" not in menu
    page = signed_in(practitioner).get(menu["Requests"]["href"]).content.decode()
    assert reverse("frontdoor:my-requests") in page and reverse("frontdoor:hand-overs") in page
    # The Hub's own pages are not offered to a partner at all.
    assert "Hub" not in menu and "Hub queue" not in pages_for(practitioner)


@pytest.mark.django_db
def test_a_hub_screener_finds_the_queue_in_the_hub_section(make_user, signed_in):
    screener = make_user(Role.HUB_SCREENER)
    menu = _menu(screener)
    page = signed_in(screener).get(menu["Hub"]["href"]).content.decode()
    assert reverse("frontdoor:queue") in page and reverse("frontdoor:missing-list") in page
    assert reverse("frontdoor:flow") not in page  # the flow is the Hub manager's
    assert _menu(screener, reverse("frontdoor:queue"))["Hub"]["current"]


@pytest.mark.django_db
def test_a_section_with_nothing_for_the_user_is_not_found_and_anonymous_signs_in(
    make_user, signed_in
):
    practitioner = make_user(Role.PRACTITIONER)
    url = reverse("core:section", args=["commissioning"])
    assert signed_in(practitioner).get(url).status_code == 404
    assert signed_in(practitioner).get("/sections/no-such-section/").status_code == 404
    response = Client().get(url)
    assert response.status_code == 302 and "/sign-in/" in response.url
