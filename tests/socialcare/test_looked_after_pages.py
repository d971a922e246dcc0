"""The looked-after pages through the HTTP client, reached by links from the case page: GOV.UK
date inputs and an error summary naming the fields; and who must not see or change them
(another agency, a partner whose team has no involvement, anonymous; a partner with an
involvement reads and changes nothing). Every read audited."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.models import AuditEvent
from teamaround.socialcare import services
from teamaround.socialcare.models import CarePeriod, StatutoryVisit
from tests.factories import AgencyFactory, TeamFactory

PLACEMENT = {
    "legal_status": "C2",
    "placement_type": "U4",
    "provider": "PR1",
    "provider_name": "Ms Okafor",
    "postcode": "CM1 2AB",
}


def _date(field, day):
    return {f"{field}_day": day.day, f"{field}_month": day.month, f"{field}_year": day.year}


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def case(receive, worker, today):
    referral = receive(received_on=today - timedelta(days=100))
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="assessment",
        reason="Assess",
        decided_on=referral.received_on,
    )
    referral.refresh_from_db()
    return referral


@pytest.fixture
def in_care(case, worker, today):
    services.care_start(
        actor=worker, referral=case, started_on=today - timedelta(days=60), **PLACEMENT
    )
    return case


def test_the_worker_goes_from_the_case_page_to_care_review_and_visit(
    case, worker, signed_in, today
):
    browser = signed_in(worker)
    page = browser.get(reverse("socialcare:case", args=[case.pk])).content.decode()
    looked_after_url = reverse("socialcare:looked-after", args=[case.pk])
    assert looked_after_url in page
    page = browser.get(looked_after_url).content.decode()
    start_url = reverse("socialcare:care-start", args=[case.pk])
    assert start_url in page
    form = browser.get(start_url).content.decode()
    assert 'class="govuk-date-input"' in form and 'name="started_on_day"' in form
    bad = browser.post(
        start_url, {"started_on_day": "31", "started_on_month": "2", "started_on_year": "2026"}
    )
    body = bad.content.decode()
    assert bad.status_code == 200 and "govuk-error-summary" in body
    assert 'href="#id_started_on_day"' in body and "must be a real date" in body
    assert 'href="#id_placement_type"' in body
    assert not CarePeriod.objects.exists()
    started = today - timedelta(days=30)
    done = browser.post(start_url, {**_date("started_on", started), **PLACEMENT})
    assert done.status_code == 302 and done.url == looked_after_url
    period = CarePeriod.objects.get()
    page = browser.get(looked_after_url).content.decode()
    assert "Ms Okafor" in page and "Looked-after review 1" in page and "Placement visit" in page
    review = period.reviews.get()
    review_url = reverse("socialcare:care-review", args=[case.pk, review.pk])
    assert review_url in page
    held = browser.post(
        review_url, {**_date("held_on", today - timedelta(days=10)), "chair": "IRO"}
    )
    assert held.status_code == 302
    assert period.reviews.filter(number=2).exists()
    visit_url = reverse("socialcare:visit-new", args=[case.pk])
    assert visit_url in browser.get(looked_after_url).content.decode()
    visited = browser.post(
        visit_url, {**_date("visited_on", today), "seen_alone": "on", "notes": "Happy."}
    )
    assert visited.status_code == 302 and StatutoryVisit.objects.get().seen_alone
    change_url = reverse("socialcare:placement-change", args=[case.pk, period.pk])
    changed = browser.post(
        change_url, {**_date("started_on", today), **PLACEMENT, "provider_name": "Oak House"}
    )
    assert changed.status_code == 302 and period.placements.count() == 2
    end_url = reverse("socialcare:care-end", args=[case.pk, period.pk])
    assert end_url in browser.get(looked_after_url).content.decode()
    ended = browser.post(end_url, {**_date("ended_on", today), "reason": "E4A"})
    assert ended.status_code == 302
    case.refresh_from_db()
    assert case.status == "child_in_need"


def _urls(case):
    period = case.care_periods.get()
    review = period.reviews.get()
    return [
        reverse("socialcare:looked-after", args=[case.pk]),
        reverse("socialcare:placement-change", args=[case.pk, period.pk]),
        reverse("socialcare:care-end", args=[case.pk, period.pk]),
        reverse("socialcare:care-review", args=[case.pk, review.pk]),
        reverse("socialcare:visit-new", args=[case.pk]),
    ]


def test_anonymous_is_sent_to_sign_in(in_care, client):
    for url in _urls(in_care) + [reverse("socialcare:care-start", args=[in_care.pk])]:
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:sign-in") in response.url
        assert client.post(url, {"notes": "x"}).status_code == 302
    assert StatutoryVisit.objects.count() == 0


def test_another_agency_and_a_partner_without_involvement_are_refused(
    in_care, make_user, signed_in, today
):
    other_agency = make_user(Role.PRACTITIONER, username="gp")
    uninvolved = make_user(
        Role.PRACTITIONER,
        team=TeamFactory(agency=AgencyFactory(name="Riverside Academy"), name="Pastoral"),
        username="riverside",
    )
    for stranger in (other_agency, uninvolved):
        browser = signed_in(stranger)
        for url in _urls(in_care):
            assert browser.get(url).status_code == 403
        posted = browser.post(
            reverse("socialcare:visit-new", args=[in_care.pk]),
            {**_date("visited_on", today), "notes": "x"},
        )
        assert posted.status_code == 403
        assert AuditEvent.objects.filter(actor=stranger, action="refused").exists()
    assert StatutoryVisit.objects.count() == 0


def test_an_involved_partner_reads_the_care_audited_and_changes_nothing(
    in_care, teacher, signed_in, today
):
    browser = signed_in(teacher)
    url = reverse("socialcare:looked-after", args=[in_care.pk])
    page = browser.get(url)
    assert page.status_code == 200 and "Ms Okafor" in page.content.decode()
    assert "Record a visit" not in page.content.decode()
    assert AuditEvent.objects.filter(
        actor=teacher, action="view", object_id=str(in_care.pk)
    ).exists()
    period = in_care.care_periods.get()
    for url, data in (
        (
            reverse("socialcare:visit-new", args=[in_care.pk]),
            {**_date("visited_on", today), "notes": "x"},
        ),
        (
            reverse("socialcare:care-end", args=[in_care.pk, period.pk]),
            {**_date("ended_on", today), "reason": "E8"},
        ),
        (
            reverse("socialcare:care-review", args=[in_care.pk, period.reviews.get().pk]),
            {**_date("held_on", today), "chair": "x"},
        ),
    ):
        assert browser.post(url, data).status_code == 403
    period.refresh_from_db()
    assert period.is_open and StatutoryVisit.objects.count() == 0


def test_the_caseload_shows_the_looked_after_childs_next_date(in_care, manager, signed_in):
    page = signed_in(manager).get(reverse("socialcare:caseload")).content.decode()
    assert "Looked after" in page
    assert "Looked-after review" in page or "Placement visit" in page
