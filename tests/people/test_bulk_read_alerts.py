"""Reading more records about people than the council's threshold within the window raises one
alert per user per window, for the information governance lead and administrators only."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import BulkReadAlert
from teamaround.people import services
from teamaround.people.models import MemberRole


@pytest.fixture
def family_of_four(record_family, involved_worker):
    family, child, mother = record_family(team=involved_worker.team)
    for name in ("Ava", "Noah"):
        services.person_create(
            actor=SYSTEM,
            family=family,
            role=MemberRole.CHILD,
            forenames=name,
            surname="Whitmore",
            date_of_birth=date(2018, 6, 1),
        )
    return family


@pytest.mark.parametrize(("threshold", "raised"), [(5, False), (4, False), (3, True)])
def test_an_alert_is_raised_only_over_the_threshold(
    family_of_four, involved_worker, api_as, settings, threshold, raised
):
    settings.TEAMAROUND_BULK_READ_THRESHOLD = threshold
    assert api_as(involved_worker).get("/api/v1/persons/").json()["count"] == 4
    alerts = list(BulkReadAlert.objects.all())
    assert bool(alerts) is raised
    if raised:
        (alert,) = alerts
        assert alert.user == involved_worker and alert.records == 4 and alert.threshold == 3
        assert alert.window_end - alert.window_start == timedelta(hours=1)


def test_reading_the_same_records_again_does_not_count_twice(
    family_of_four, involved_worker, api_as, settings
):
    settings.TEAMAROUND_BULK_READ_THRESHOLD = 4
    for _ in range(3):
        api_as(involved_worker).get("/api/v1/persons/")
    assert not BulkReadAlert.objects.exists()


def test_one_alert_per_user_per_window(family_of_four, involved_worker, api_as, settings):
    settings.TEAMAROUND_BULK_READ_THRESHOLD = 3
    api = api_as(involved_worker)
    for _ in range(3):
        api.get("/api/v1/persons/")
        api.get("/api/v1/families/")
        api.get("/api/v1/relationships/")
    assert BulkReadAlert.objects.count() == 1
    # Once that window is over, reading in bulk again raises a new alert.
    BulkReadAlert.objects.update(
        window_end=BulkReadAlert.objects.get().window_end - timedelta(hours=2)
    )
    api.get("/api/v1/persons/")
    assert BulkReadAlert.objects.count() == 2


def test_the_threshold_of_zero_turns_the_alert_off(
    family_of_four, involved_worker, api_as, settings
):
    settings.TEAMAROUND_BULK_READ_THRESHOLD = 0
    api_as(involved_worker).get("/api/v1/persons/")
    assert not BulkReadAlert.objects.exists()


def test_the_information_governance_lead_and_administrators_see_the_alerts_page(
    family_of_four, involved_worker, api_as, make_user, signed_in, settings, client
):
    settings.TEAMAROUND_BULK_READ_THRESHOLD = 3
    api_as(involved_worker).get("/api/v1/persons/")
    alert = BulkReadAlert.objects.get()
    url = reverse("core:bulk-read-alerts")
    for role in (Role.INFORMATION_GOVERNANCE, Role.ADMINISTRATOR):
        lead = make_user(role)
        page = signed_in(lead).get(url)
        assert page.status_code == 200
        text = page.content.decode()
        assert involved_worker.username in text and ">4 <" in text
        search = (
            f"/audit/?username={involved_worker.username}&amp;action=view"
            f"&amp;date_from={alert.window_start:%Y-%m-%d}"
        )
        assert search in text
        # The navigation's Administration entry opens the section's page, which links it.
        section = reverse("core:section", args=["administration"])
        assert section in signed_in(lead).get("/").content.decode()
        assert 'href="/audit/alerts/"' in signed_in(lead).get(section).content.decode()
        # The link opens the audit search, which shows what was read.
        link = search.replace("&amp;", "&")
        assert signed_in(lead).get(link).status_code == 200
        client.logout()


@pytest.mark.parametrize(
    "role",
    [
        Role.TEAM_MANAGER,
        Role.PRACTITIONER,
        Role.HUB_SCREENER,
        Role.SOCIAL_WORKER,
        Role.COMMISSIONER,
    ],
)
def test_no_one_else_may_see_the_alerts(make_user, signed_in, role):
    user = make_user(role)
    response = signed_in(user).get(reverse("core:bulk-read-alerts"))
    assert response.status_code == 403
    assert 'href="/audit/alerts/"' not in signed_in(user).get("/").content.decode()


def test_the_alerts_page_needs_a_signed_in_user(client):
    response = client.get(reverse("core:bulk-read-alerts"))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
