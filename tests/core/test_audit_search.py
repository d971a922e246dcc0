"""Searching the audit trail: administrators see all of it, team managers their own team's,
and nobody else any of it (page and API)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.accounts.services import agency_create
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def trail(administrator, make_user):
    """A manager, one of their team and an outsider, each with a recorded view."""
    manager = make_user(Role.TEAM_MANAGER)
    colleague = make_user(Role.FAMILY_WORKER, team=manager.team)
    outsider = make_user(Role.PRACTITIONER)
    for actor, record in [(colleague, "record-colleague"), (outsider, "record-outsider")]:
        audit_record(
            action=AuditAction.VIEW, actor=actor, object_type="people.person", object_id=record
        )
    return manager, colleague, outsider


def test_administrator_searches_by_user_record_and_date(signed_in, administrator, trail):
    _, colleague, outsider = trail
    client = signed_in(administrator)
    page = client.get(reverse("core:audit-search"), {"username": outsider.username})
    assert page.status_code == 200
    assert "record-outsider" in page.text and "record-colleague" not in page.text

    page = client.get(reverse("core:audit-search"), {"object_id": "record-colleague"})
    assert "record-colleague" in page.text and "record-outsider" not in page.text

    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    page = client.get(reverse("core:audit-search"), {"date_from": tomorrow})
    assert "record-colleague" not in page.text
    assert "No events match" in page.text, page.text[-3000:]


def test_bad_date_range_shows_the_error_summary(signed_in, administrator):
    page = signed_in(administrator).get(
        reverse("core:audit-search"), {"date_from": "2026-11-25", "date_to": "2026-11-01"}
    )
    assert "There is a problem" in page.text
    assert "The end date must be the same as or after the start date" in page.text


def test_team_manager_sees_only_their_own_teams_activity(signed_in, trail):
    manager, _, _ = trail
    page = signed_in(manager).get(reverse("core:audit-search"))
    assert page.status_code == 200
    assert "record-colleague" in page.text
    assert "record-outsider" not in page.text


def test_searching_is_itself_recorded(signed_in, administrator):
    signed_in(administrator).get(reverse("core:audit-search"), {"username": "someone"})
    search = AuditEvent.objects.filter(action=AuditAction.SEARCH, actor=administrator).get()
    assert search.changes["filters"]["username"] == "someone"


@pytest.mark.parametrize(
    "role",
    [
        Role.PRACTITIONER,
        Role.HUB_SCREENER,
        Role.COMMISSIONER,
        Role.SOCIAL_WORKER,
        Role.DATA_ANALYST,
    ],
)
def test_other_roles_cannot_read_the_trail(signed_in, api_as, make_user, role):
    user = make_user(role)
    assert signed_in(user).get(reverse("core:audit-search")).status_code == 403
    assert api_as(user).get("/api/v1/audit-events/").status_code == 403
    assert AuditEvent.objects.filter(action=AuditAction.REFUSED, actor=user).count() == 2


def test_api_lists_events_for_administrators(api_as, administrator):
    agency_create(actor=administrator, name="Saltings School", kind=AgencyKind.SCHOOL)
    response = api_as(administrator).get("/api/v1/audit-events/", {"action": "create"})
    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert response.json()["results"][0]["object_type"] == "accounts.agency"


def test_anonymous_visitors_are_sent_to_sign_in(client, api_as):
    response = client.get(reverse("core:audit-search"))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
    assert api_as(None).get("/api/v1/audit-events/").status_code in (401, 403)
