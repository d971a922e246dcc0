"""A service past its review date is flagged to editors at once and hidden from the public
after a grace period (default 30 days, TEAMAROUND_DIRECTORY_REVIEW_GRACE_DAYS)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.directory.selectors import ServiceSearch, service_search

pytestmark = pytest.mark.django_db


def _due(days_ago: int):
    return timezone.localdate() - timedelta(days=days_ago)


@pytest.fixture
def overdue(make_service):
    return {
        "recent": make_service("Recently Due", review_date=_due(10), places=["CM1"]),
        "stale": make_service("Long Overdue", review_date=_due(45), places=["CM1"]),
    }


def test_within_the_grace_period_the_public_still_sees_it(client, overdue):
    assert [s.name for s in service_search(ServiceSearch()).page] == ["Recently Due"]
    assert client.get(f"/services/{overdue['recent'].pk}/").status_code == 200


def test_after_the_grace_period_it_is_hidden_everywhere_public(client, overdue):
    stale = overdue["stale"]
    assert client.get(f"/services/{stale.pk}/").status_code == 404
    assert client.get(f"/services/oruk/services/{stale.pk}").status_code == 404
    listed = client.get("/services/oruk/services").json()["contents"]
    assert [s["name"] for s in listed] == ["Recently Due"]


def test_the_grace_period_is_configurable(settings, overdue):
    settings.TEAMAROUND_DIRECTORY_REVIEW_GRACE_DAYS = 60
    assert len(service_search(ServiceSearch()).page) == 2
    settings.TEAMAROUND_DIRECTORY_REVIEW_GRACE_DAYS = 5
    assert len(service_search(ServiceSearch()).page) == 0


def test_editors_see_both_flagged(signed_in, make_user, overdue):
    client = signed_in(make_user(Role.ADMINISTRATOR))
    page = client.get("/services/manage/").content.decode()
    assert "Review overdue" in page and "Hidden from public" in page
    assert client.get(f"/services/{overdue['stale'].pk}/").status_code == 200
    only = client.get("/services/manage/", {"overdue": "1"}).content.decode()
    assert "Long Overdue" in only


def test_setting_a_new_review_date_brings_it_back(client, overdue):
    from teamaround.directory.services import service_update

    stale = overdue["stale"]
    service_update(actor=SYSTEM, service=stale, review_date=timezone.localdate() + timedelta(90))
    assert client.get(f"/services/{stale.pk}/").status_code == 200
