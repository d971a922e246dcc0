"""A 403 page says what the person may do next: break-glass access, with a link, where it
applies (a person's or a family's record), and whom to ask otherwise; a team manager is never
told to ask her team manager. The API still answers 404 for a refused record."""

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def test_a_refused_person_record_offers_break_glass(record_family, breaker, signed_in):
    _, child, _ = record_family()
    response = signed_in(breaker).get(reverse("people:person-detail", args=[child.pk]))
    assert response.status_code == 403
    body = response.content.decode()
    assert "Ask for break-glass access to this record" in body
    assert reverse("people:break-glass", args=[child.pk]) in body
    assert "ask your team manager" in body


def test_a_refused_family_record_offers_break_glass_to_the_family(
    record_family, breaker, signed_in
):
    family, child, _ = record_family()
    client = signed_in(breaker)
    response = client.get(reverse("people:family-detail", args=[family.pk]))
    assert response.status_code == 403
    url = reverse("people:family-break-glass", args=[family.pk])
    assert url in response.content.decode()
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "short"}).status_code == 200  # too short: nothing given
    assert client.get(reverse("people:family-detail", args=[family.pk])).status_code == 403
    response = client.post(url, {"reason": "School says Jayden has not been seen for a week"})
    assert response.status_code == 302
    assert client.get(reverse("people:family-detail", args=[family.pk])).status_code == 200
    assert client.get(reverse("people:person-detail", args=[child.pk])).status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditAction.BREAK_GLASS, actor=breaker, object_id=str(family.pk)
    ).exists()


def test_nobody_signed_out_reaches_family_break_glass(record_family, client):
    family, _, _ = record_family()
    response = client.get(reverse("people:family-break-glass", args=[family.pk]))
    assert response.status_code == 302 and "sign-in" in response.url


def test_a_refusal_with_no_record_offers_no_break_glass(outsider, signed_in):
    response = signed_in(outsider).get(reverse("frontdoor:queue"))
    assert response.status_code == 403
    body = response.content.decode()
    assert "break-glass" not in body and "Go to your home page" in body


def test_a_team_manager_is_never_told_to_ask_her_team_manager(make_user, signed_in):
    manager = make_user(Role.TEAM_MANAGER)
    body = signed_in(manager).get(reverse("frontdoor:queue")).content.decode()
    assert "ask your team manager" not in body
    assert "ask an administrator" in body


def test_the_api_still_answers_404_for_a_refused_record(record_family, outsider, api_as):
    _, child, _ = record_family()
    response = api_as(outsider).get(f"/api/v1/people/persons/{child.pk}/")
    assert response.status_code == 404
