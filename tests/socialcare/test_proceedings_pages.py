"""The pre-proceedings, FGDM and family network pages through the HTTP client, reached by
links from the case page: the manager starts pre-proceedings, the worker records the letter,
the meeting and the FGDM offer; recording the application to court before the meeting is
refused with the gate's message in the GOV.UK error summary; after the meeting it is
recorded. Who must not see or change them: a partner whose team works with the family (reads
the case page, not these), another agency, anonymous; another team's social worker reads and
changes nothing; a worker cannot reach the manager's pages. Every read audited."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.models import AuditEvent
from teamaround.socialcare import services
from teamaround.socialcare.models import (
    CareProceedings,
    FamilyNetworkMember,
    FgdmException,
    FgdmOffer,
    PreProceedings,
)
from teamaround.socialcare.services.proceedings import GATE_MESSAGE


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


def _link(page, name, *args):
    url = reverse(name, args=args)
    assert url in page, f"{name} is not linked"
    return url


def test_the_journey_to_court_through_the_gate(case, worker, manager, signed_in, today):
    page_url = reverse("socialcare:proceedings", args=[case.pk])
    browser = signed_in(manager)
    case_page = browser.get(reverse("socialcare:case", args=[case.pk])).content.decode()
    _link(case_page, "socialcare:proceedings", case.pk)
    start_url = _link(
        browser.get(page_url).content.decode(), "socialcare:pre-proceedings-start", case.pk
    )
    bad = browser.post(start_url, {"reason": ""}).content.decode()
    assert "govuk-error-summary" in bad and 'href="#id_legal_planning_meeting_on_day"' in bad
    started = browser.post(
        start_url,
        {
            **_date("legal_planning_meeting_on", today - timedelta(days=14)),
            **_date("decided_on", today - timedelta(days=14)),
            "reason": "Neglect continues despite the plan.",
        },
    )
    assert started.status_code == 302 and started.url == page_url
    plo = PreProceedings.objects.get()

    browser = signed_in(worker)
    page = browser.get(page_url).content.decode()
    assert "Start pre-proceedings" not in page  # a manager's decision
    assert reverse("socialcare:plo-meeting", args=[case.pk, plo.pk]) not in page  # no letter yet
    letter_url = _link(page, "socialcare:plo-letter", case.pk, plo.pk)
    sent = browser.post(
        letter_url, {**_date("sent_on", today - timedelta(days=10)), "sent_to": "Kerry Whitmore"}
    )
    assert sent.status_code == 302
    page = browser.get(page_url).content.decode()
    meeting_url = _link(page, "socialcare:plo-meeting", case.pk, plo.pk)
    held = browser.post(
        meeting_url,
        {
            **_date("held_on", today - timedelta(days=7)),
            "attendees": "Kerry Whitmore\nHer solicitor",
            "outcome": "Written agreement for 6 weeks",
        },
    )
    assert held.status_code == 302 and plo.meetings.count() == 1

    offer_url = _link(page, "socialcare:fgdm-offer", case.pk)
    offered = browser.post(
        offer_url,
        {
            **_date("offered_on", today - timedelta(days=6)),
            "offered_to": "Kerry Whitmore",
            "response": "awaiting",
        },
    )
    assert offered.status_code == 302
    offer = FgdmOffer.objects.get()
    page = browser.get(page_url).content.decode()
    assert "Before applying to court, offer the family" in page

    issue_url = _link(page, "socialcare:proceedings-issue", case.pk)
    issue = {
        **_date("issued_on", today),
        "court": "Chelmsford Family Court",
        "order_sought": "care",
    }
    refused = browser.post(issue_url, issue)
    body = refused.content.decode()
    assert refused.status_code == 200 and "govuk-error-summary" in body
    assert GATE_MESSAGE in body
    assert not CareProceedings.objects.exists()

    answer_url = _link(page, "socialcare:fgdm-answer", case.pk, offer.pk)
    answered = browser.post(
        answer_url, {"response": "accepted", **_date("responded_on", today - timedelta(days=5))}
    )
    assert answered.status_code == 302
    page = browser.get(page_url).content.decode()
    fgdm_url = _link(page, "socialcare:fgdm-meeting", case.pk, offer.pk)
    bad = browser.post(
        fgdm_url, {**_date("held_on", today), "attended": "Kerry", "plan_agreed": "on"}
    )
    assert "Record the plan the family agreed." in bad.content.decode()
    browser.post(
        fgdm_url,
        {
            **_date("held_on", today - timedelta(days=2)),
            "attended": "Kerry Whitmore\nJean Whitmore (grandmother)",
            "plan_agreed": "on",
            "plan": "Grandmother cares at weekends.",
        },
    )
    page = browser.get(page_url).content.decode()
    assert "Grandmother cares at weekends." in page
    assert "the application to court can be recorded" in page
    issued = browser.post(issue_url, issue)
    assert issued.status_code == 302
    proceedings = CareProceedings.objects.get()
    plo.refresh_from_db()
    assert plo.outcome == "issue" and proceedings.pre_proceedings == plo
    page = browser.get(page_url).content.decode()
    assert "Chelmsford Family Court" in page and "Care proceedings (26 weeks)" in page
    case_page = browser.get(reverse("socialcare:case", args=[case.pk])).content.decode()
    assert "Care proceedings issued" in case_page


def test_the_manager_authorises_an_exception_and_the_worker_cannot(
    case, worker, manager, signed_in, today
):
    page_url = reverse("socialcare:proceedings", args=[case.pk])
    exception_url = reverse("socialcare:fgdm-exception", args=[case.pk])
    worker_browser = signed_in(worker)
    assert exception_url not in worker_browser.get(page_url).content.decode()
    assert worker_browser.get(exception_url).status_code == 200  # the form; the service refuses
    assert worker_browser.post(exception_url, {"reason": "Emergency"}).status_code == 403
    assert not FgdmException.objects.exists()
    browser = signed_in(manager)
    assert exception_url in browser.get(page_url).content.decode()
    empty = browser.post(exception_url, {"reason": ""}).content.decode()
    assert "govuk-error-summary" in empty
    assert browser.post(exception_url, {"reason": "Emergency protection order"}).status_code == 302
    assert FgdmException.objects.get().authorised_by == manager


def test_the_network_page_records_each_members_consent(case, worker, signed_in, today):
    page_url = reverse("socialcare:proceedings", args=[case.pk])
    browser = signed_in(worker)
    new_url = _link(browser.get(page_url).content.decode(), "socialcare:network-new", case.pk)
    bad = browser.post(new_url, {"name": "Lisa"}).content.decode()
    assert 'href="#id_relationship"' in bad and 'href="#id_consent_on_day"' in bad
    added = browser.post(
        new_url,
        {
            "name": "Lisa Whitmore",
            "relationship": "Aunt",
            "contact": "07700 900001",
            "consent": "given",
            **_date("consent_on", today),
        },
    )
    assert added.status_code == 302
    member = FamilyNetworkMember.objects.get()
    page = browser.get(page_url).content.decode()
    assert "Lisa Whitmore" in page and "Consent given" in page
    consent_url = _link(page, "socialcare:network-consent", case.pk, member.pk)
    same = browser.post(consent_url, {"status": "given", **_date("on", today)}).content.decode()
    assert "already recorded as given" in same
    browser.post(consent_url, {"status": "withdrawn", **_date("on", today)})
    assert "Consent withdrawn" in browser.get(page_url).content.decode()


def _urls(case, plo, offer, member):
    return [
        reverse("socialcare:proceedings", args=[case.pk]),
        reverse("socialcare:pre-proceedings-start", args=[case.pk]),
        reverse("socialcare:plo-letter", args=[case.pk, plo.pk]),
        reverse("socialcare:plo-meeting", args=[case.pk, plo.pk]),
        reverse("socialcare:plo-outcome", args=[case.pk, plo.pk]),
        reverse("socialcare:proceedings-issue", args=[case.pk]),
        reverse("socialcare:fgdm-offer", args=[case.pk]),
        reverse("socialcare:fgdm-answer", args=[case.pk, offer.pk]),
        reverse("socialcare:fgdm-meeting", args=[case.pk, offer.pk]),
        reverse("socialcare:fgdm-exception", args=[case.pk]),
        reverse("socialcare:network-new", args=[case.pk]),
        reverse("socialcare:network-consent", args=[case.pk, member.pk]),
    ]


@pytest.fixture
def records(case, worker, manager, today):
    plo = services.pre_proceedings_start(
        actor=manager,
        referral=case,
        legal_planning_meeting_on=today,
        decided_on=today,
        reason="Neglect",
    )
    offer = services.fgdm_offer_record(
        actor=worker, referral=case, offered_on=today, offered_to="Kerry"
    )
    member = services.network_member_add(
        actor=worker,
        referral=case,
        name="Lisa Whitmore",
        relationship="Aunt",
        contact="07700 900001",
        consent="given",
        consent_on=today,
    )
    return plo, offer, member


def test_anonymous_is_sent_to_sign_in(case, records, client):
    for url in _urls(case, *records):
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:sign-in") in response.url
        assert client.post(url, {"reason": "x"}).status_code == 302


@pytest.mark.parametrize("who", ["teacher", "outsider", "other_agency", "commissioner"])
def test_partners_and_other_agencies_see_and_change_none_of_it(
    case, records, who, request, make_user, signed_in, today
):
    """The school works with the family and reads the case page, but not its legal
    planning or the wider family's contact details."""
    if who == "other_agency":
        actor = make_user(Role.PRACTITIONER, username="gp")
    elif who == "commissioner":
        actor = make_user(Role.COMMISSIONER, username="commissioner")
    else:
        actor = request.getfixturevalue(who)
    browser = signed_in(actor)
    if who == "teacher":
        case_page = browser.get(reverse("socialcare:case", args=[case.pk]))
        assert case_page.status_code == 200
        assert reverse("socialcare:proceedings", args=[case.pk]) not in case_page.content.decode()
    for url in _urls(case, *records):
        response = browser.get(url)
        assert response.status_code == 403 and "Lisa Whitmore" not in response.content.decode()
        assert browser.post(url, {"reason": "x", "name": "x"}).status_code == 403
    assert AuditEvent.objects.filter(actor=actor, action="refused").exists()
    assert FamilyNetworkMember.objects.count() == 1 and not FgdmException.objects.exists()


def test_another_teams_social_worker_reads_audited_and_changes_nothing(
    case, records, other_worker, other_manager, signed_in, today
):
    plo, offer, member = records
    browser = signed_in(other_worker)
    url = reverse("socialcare:proceedings", args=[case.pk])
    page = browser.get(url)
    assert page.status_code == 200 and "Lisa Whitmore" in page.content.decode()
    assert reverse("socialcare:network-new", args=[case.pk]) not in page.content.decode()
    assert AuditEvent.objects.filter(
        actor=other_worker, action="view", object_id=str(case.pk)
    ).exists()
    posts = [
        (
            reverse("socialcare:network-consent", args=[case.pk, member.pk]),
            {"status": "withdrawn", **_date("on", today)},
        ),
        (
            reverse("socialcare:plo-letter", args=[case.pk, plo.pk]),
            {"sent_to": "x", **_date("sent_on", today)},
        ),
        (
            reverse("socialcare:fgdm-offer", args=[case.pk]),
            {"offered_to": "x", "response": "awaiting", **_date("offered_on", today)},
        ),
    ]
    for actor in (other_worker, other_manager):
        browser = signed_in(actor)
        for post_url, data in posts:
            assert browser.post(post_url, data).status_code == 403
        assert (
            browser.post(
                reverse("socialcare:fgdm-exception", args=[case.pk]), {"reason": "x"}
            ).status_code
            == 403
        )
    assert member.consent().status == "given" and plo.letters.count() == 0
    assert FgdmOffer.objects.count() == 1
