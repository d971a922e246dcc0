"""Sending a request for support: drafts, every problem at once, linking a known child rather
than recording them twice, consent and safeguarding, re-referrals, withdrawal, the pages."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.core.errors import AccessDenied, ValidationFailed
from teamaround.frontdoor import services
from teamaround.frontdoor.models import RequestEventKind, RequestStatus
from teamaround.people.models import FamilyEvent, FamilyEventKind, Person

pytestmark = pytest.mark.django_db


def test_a_draft_needs_nothing_and_sending_lists_every_problem(school_lead):
    draft = services.request_for_support_save_draft(actor=school_lead, values={})
    assert draft.status == RequestStatus.DRAFT and draft.referrer == school_lead
    assert draft.referrer_agency == school_lead.team.agency
    with pytest.raises(ValidationFailed) as failed:
        services.request_for_support_submit(actor=school_lead, request=draft)
    assert set(failed.value.errors) == {
        "child_forenames",
        "child_surname",
        "child_date_of_birth",
        "concern",
        "tried",
        "level_suggested",
        "consent",
    }
    draft.refresh_from_db()
    assert draft.status == RequestStatus.DRAFT


def test_sending_records_a_new_child_starts_the_clock_and_notes_the_chronology(sent_request):
    rfs = sent_request()
    assert rfs.status == RequestStatus.SUBMITTED
    assert rfs.person.surname == "Fairbrother" and rfs.family is not None
    assert rfs.district.code == "chelmsford"
    assert rfs.due_on > timezone.localdate() - timedelta(days=1)
    kinds = list(rfs.events.values_list("kind", flat=True))
    assert kinds == [RequestEventKind.DRAFT_SAVED, RequestEventKind.SUBMITTED]
    event = FamilyEvent.objects.get(family=rfs.family, kind=FamilyEventKind.REQUEST_FOR_SUPPORT)
    assert rfs.reference in event.summary and "Fairbrother" not in event.summary
    assert event.actor == rfs.referrer  # the chronology names who sent it, not "system"
    assert not rfs.is_re_referral


def test_a_known_child_is_linked_not_recorded_again(known_child, school_lead, request_values):
    family, child = known_child()
    before = Person.objects.count()
    rfs = services.request_for_support_send(
        actor=school_lead,
        values=request_values(person=child, child_forenames="Jaden", child_surname="Whitmore"),
    )
    assert Person.objects.count() == before
    assert rfs.person == child and rfs.family == family


def test_no_consent_is_refused_unless_there_is_a_safeguarding_concern(sent_request):
    with pytest.raises(ValidationFailed) as failed:
        sent_request(consent="no", no_consent_reason="Mum does not want the Hub involved.")
    assert "safeguarding concern needs no consent" in failed.value.errors["consent"][0]
    with pytest.raises(ValidationFailed) as failed:
        sent_request(consent="no")
    assert "no_consent_reason" in failed.value.errors
    rfs = sent_request(consent="no", safeguarding_concern=True)
    assert rfs.status == RequestStatus.SUBMITTED and rfs.safeguarding_concern


def test_a_second_request_within_twelve_months_is_a_re_referral(sent_request, known_child):
    _, child = known_child()
    first = sent_request(person=child)
    second = sent_request(person=child)
    assert not first.is_re_referral and second.is_re_referral


def test_the_referrer_can_withdraw_and_nobody_else_can(sent_request, make_user):
    from teamaround.accounts.roles import Role

    rfs = sent_request()
    with pytest.raises(AccessDenied):
        services.request_for_support_withdraw(
            actor=make_user(Role.PRACTITIONER), request=rfs, reason="Not mine"
        )
    services.request_for_support_withdraw(
        actor=rfs.referrer, request=rfs, reason="The family moved away"
    )
    assert rfs.status == RequestStatus.WITHDRAWN


def test_the_form_shows_the_windscreen_descriptors_and_the_error_summary(signed_in, school_lead):
    client = signed_in(school_lead)
    page = client.get(reverse("frontdoor:request-new")).content.decode()
    assert "Level 2: Additional" in page
    assert "Emerging concerns about health, development, behaviour or attendance" in page
    response = client.post(reverse("frontdoor:request-new"), {"action": "submit"})
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "Enter the child&#x27;s first name." in body and 'href="#id_concern"' in body


def test_the_form_finds_a_known_child_and_sends_the_request(
    signed_in, school_lead, known_child, level
):
    _, child = known_child()
    client = signed_in(school_lead)
    data = {
        "child_forenames": "Jayden",
        "child_surname": "Whitmore",
        "child_date_of_birth": "2015-04-09",
        "address_line_1": "1 High Street",
        "postcode": "CM1 1QH",
        "action": "search",
    }
    response = client.post(reverse("frontdoor:request-new"), data)
    assert response.status_code == 200
    assert f'value="{child.pk}"' in response.content.decode()
    draft = school_lead.requests_for_support.get()
    data |= {
        "action": "submit",
        "person": str(child.pk),
        "concern": "Attendance has fallen.",
        "tried": "Meetings with dad.",
        "level_suggested": level(2).pk,
        "consent": "yes",
        "version": draft.version,  # the page carries the version of the draft it showed
    }
    assert f'name="version" value="{draft.version}"' in response.content.decode()
    response = client.post(reverse("frontdoor:request-edit", args=[draft.pk]), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == RequestStatus.SUBMITTED and draft.person == child


def test_a_family_asks_for_help_without_signing_in(client, chelmsford):
    url = reverse("frontdoor_public:ask")
    response = client.post(
        url, {"action": "draft", "referrer_name": "Sam Parent", "child_forenames": "Ellis"}
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Keep it safe" in page
    code = page.split('govuk-!-font-size-24">')[1].split("<")[0]
    other_browser = client.__class__()
    response = other_browser.post(reverse("frontdoor_public:resume"), {"code": code})
    assert response.status_code == 302
    response = other_browser.post(
        url,
        {
            "action": "submit",
            "referrer_name": "Sam Parent",
            "public_relationship": "parent",
            "referrer_phone": "07700 900000",
            "child_forenames": "Ellis",
            "child_surname": "Parent",
            "child_date_of_birth": "2016-02-02",
            "concern": "Ellis will not go to school.",
        },
    )
    assert response.status_code == 302
    sent = other_browser.get(reverse("frontdoor_public:sent")).content.decode()
    assert "RFS-" in sent
    bad = client.post(reverse("frontdoor_public:resume"), {"code": code})
    assert "cannot find a draft" in bad.content.decode()


def test_the_public_form_shows_every_problem(client):
    response = client.post(
        reverse("frontdoor_public:ask"), {"action": "submit", "child_date_of_birth": "2099-01-01"}
    )
    body = response.content.decode()
    assert "There is a problem" in body
    for message in (
        "Enter your name.",
        "Say how you know the child.",
        "Date of birth must be today or in the past",
    ):
        assert message in body


def test_dates_of_birth_in_the_future_are_refused(sent_request):
    with pytest.raises(ValidationFailed) as failed:
        sent_request(child_date_of_birth=date.today() + timedelta(days=3))
    assert "child_date_of_birth" in failed.value.errors


def test_a_referrer_cannot_link_a_request_to_any_person_id(
    known_child, school_lead, request_values, api_as
):
    """Linking needs the record to be one the referrer may open, or one found by the date of
    birth they searched with: an id on its own attaches nothing to anyone."""
    from teamaround.core.models import AuditEvent

    _, child = known_child()  # not involved with the school: the referrer cannot open it
    body = request_values() | {"person": str(child.pk), "draft": True}
    body["level_suggested"] = body["level_suggested"].pk
    refused = api_as(school_lead).post("/api/v1/hub/requests/", body, format="json")
    assert refused.status_code == 400 and "person" in refused.json()
    assert AuditEvent.objects.filter(action="refused", object_id=str(child.pk)).exists()
    body["child_date_of_birth"] = child.date_of_birth.isoformat()
    linked = api_as(school_lead).post("/api/v1/hub/requests/", body, format="json")
    assert linked.status_code == 201


def test_a_consent_answer_that_is_not_a_choice_is_refused_not_stored(sent_request):
    """The service checks the answer itself: an unknown value (which PostgreSQL could not
    even store in the column) is a form error, with or without a safeguarding concern."""
    for extra in ({}, {"safeguarding_concern": True}):
        with pytest.raises(ValidationFailed) as refused:
            sent_request(consent="no_safeguarding", **extra)
        assert "consent" in refused.value.errors
