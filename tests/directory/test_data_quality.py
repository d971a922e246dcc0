"""Keeping the data good: the council's required fields, a completeness score and a staleness
flag per service, shown to its editors and on the administrators' data-quality page (worst
first), and applied to what an import brings in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.directory import services
from teamaround.directory.models import Service
from teamaround.directory.oruk.feed import oruk_feed_import
from teamaround.directory.quality import service_quality

pytestmark = pytest.mark.django_db


@pytest.fixture
def good_and_bad(make_service):
    good = make_service(
        "Worry Busters",
        phone="",
        places=["CM1"],
        email="hello@worry.example.org",
        minimum_age=5,
        maximum_age=11,
        description="Small groups for children aged 5 to 11 who worry, with their parents.",
    )
    bare = make_service("Bare Entry", description="Help.", phone="", minimum_age=None)
    overdue = make_service("Overdue Club", email="club@example.org", minimum_age=8, places=["CO1"])
    Service.objects.filter(pk=overdue.pk).update(
        review_date=timezone.localdate() - timedelta(days=3)
    )
    overdue.refresh_from_db()
    return good, bare, overdue


def test_required_fields_score_and_staleness(good_and_bad):
    good, bare, overdue = good_and_bad
    assert service_quality(good).missing_required == ()
    assert service_quality(bare).missing_required == (
        "An address, or an online or phone place",
        "A way to contact it (email, phone or website)",
        "Who it is for (an age range)",
    )
    assert service_quality(bare).score < service_quality(good).score
    assert service_quality(overdue).stale and not service_quality(good).stale
    assert "A review date that has not passed" in service_quality(overdue).missing_required


def test_the_data_quality_page_lists_the_worst_first(signed_in, make_user, good_and_bad):
    page = signed_in(make_user(Role.ADMINISTRATOR)).get("/services/manage/quality/")
    assert page.status_code == 200
    html = page.content.decode()
    assert html.index("Bare Entry") < html.index("Overdue Club") < html.index("Worry Busters")
    assert "Review overdue" in html and "Who it is for (an age range)" in html


def test_only_administrators_see_the_data_quality_page(signed_in, make_user, good_and_bad):
    assert (
        signed_in(make_user(Role.PRACTITIONER)).get("/services/manage/quality/").status_code == 403
    )


def test_editors_see_completeness_on_their_list(signed_in, make_user, good_and_bad):
    good, bare, _ = good_and_bad
    editor = make_user(Role.PRACTITIONER)
    services.directory_editor_grant(actor=SYSTEM, user=editor, organisation=bare.organisation)
    html = signed_in(editor).get("/services/manage/").content.decode()
    assert "Bare Entry" in html and "Worry Busters" not in html
    assert f"{service_quality(bare).score}%" in html and "Missing: An address" in html


def test_an_import_reports_services_missing_required_fields(essex, oruk_feed):
    report = oruk_feed_import(actor=SYSTEM, feed=oruk_feed, source="parents.example.org")
    assert any("required fields are missing" in note for note in report.notes)


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,hi", "ftp://x.org/a"])
def test_only_http_links_are_stored_by_editors_too(make_service, make_organisation, link):
    from teamaround.core.errors import DomainError

    with pytest.raises(DomainError):
        make_service("Linked Service", url=link)
    with pytest.raises(DomainError):
        make_organisation("Linked Provider", website=link)
    service = make_service("Plain Service")
    with pytest.raises(DomainError):
        services.service_update(actor=SYSTEM, service=service, url=link)
    service.refresh_from_db()
    assert service.url == ""
