"""Discarding a draft is a button on the draft: the referrer discards it without having to give
a reason (the Hub never saw it); a sent request still needs one; nobody else can do either."""

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied, DomainError
from teamaround.frontdoor import services
from teamaround.frontdoor.models import RequestStatus


@pytest.fixture
def draft(school_lead):
    return services.request_for_support_save_draft(
        actor=school_lead, request=None, values={"child_forenames": "Mia"}
    )


def test_the_draft_page_has_a_discard_button(draft, school_lead, signed_in):
    page = signed_in(school_lead).get(reverse("frontdoor:request-edit", args=[draft.pk]))
    body = page.content.decode()
    assert "Discard this draft" in body
    assert reverse("frontdoor:request-withdraw", args=[draft.pk]) in body


def test_a_new_request_has_nothing_to_discard(school_lead, signed_in):
    body = signed_in(school_lead).get(reverse("frontdoor:request-new")).content.decode()
    assert "Discard this draft" not in body


def test_the_referrer_discards_a_draft_without_a_reason(draft, school_lead, signed_in):
    client = signed_in(school_lead)
    url = reverse("frontdoor:request-withdraw", args=[draft.pk])
    page = client.get(url).content.decode()
    assert "Discard this draft" in page and "(optional)" in page
    response = client.post(url, {"reason": ""})
    assert response.status_code == 302 and response.url == reverse("frontdoor:my-requests")
    draft.refresh_from_db()
    assert draft.status == RequestStatus.WITHDRAWN
    assert "has been discarded" in client.get(response.url).content.decode()


def test_a_sent_request_still_needs_a_reason(sent_request):
    rfs = sent_request()
    with pytest.raises(DomainError):
        services.request_for_support_withdraw(actor=rfs.referrer, request=rfs, reason=" ")
    rfs.refresh_from_db()
    assert rfs.status == RequestStatus.SUBMITTED


def test_nobody_else_discards_the_draft(draft, make_user, screener, signed_in):
    other = make_user(Role.PRACTITIONER)
    with pytest.raises(AccessDenied):
        services.request_for_support_withdraw(actor=other, request=draft, reason="")
    for user in (other, screener):
        client = signed_in(user)
        url = reverse("frontdoor:request-withdraw", args=[draft.pk])
        assert client.get(url).status_code in (403, 404)
        assert client.post(url, {"reason": "x"}).status_code in (403, 404)
    draft.refresh_from_db()
    assert draft.status == RequestStatus.DRAFT
