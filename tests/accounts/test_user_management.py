"""Administrators add staff, change their roles, deactivate them and issue API tokens."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from teamaround.accounts.models import User
from teamaround.accounts.roles import Role
from teamaround.core.models import AuditAction, AuditEvent
from tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def user_form(team, **overrides):
    data = {
        "username": "lena.hub",
        "first_name": "Lena",
        "last_name": "Marsh",
        "email": "lena@example.org",
        "team": str(team.pk),
        "roles": [Role.HUB_SCREENER],
        "password": "A-long-enough-passphrase-1",
    }
    data.update(overrides)
    return data


def test_administrator_adds_a_user_with_roles(signed_in, administrator):
    team = TeamFactory()
    response = signed_in(administrator).post(reverse("accounts:user-create"), user_form(team))
    assert response.status_code == 302
    user = User.objects.get(username="lena.hub")
    assert user.role_set == {Role.HUB_SCREENER}
    assert user.check_password("A-long-enough-passphrase-1")
    created = AuditEvent.objects.get(action=AuditAction.CREATE, object_id=str(user.pk))
    assert created.changes["roles"] == [[], [Role.HUB_SCREENER]]
    assert "passphrase" not in str(created.changes)


def test_a_weak_password_is_refused_and_nothing_is_written(signed_in, administrator):
    team = TeamFactory()
    response = signed_in(administrator).post(
        reverse("accounts:user-create"), user_form(team, password="password")
    )
    assert "There is a problem" in response.text
    assert not User.objects.filter(username="lena.hub").exists()


def test_roles_are_changed_and_the_change_is_audited(signed_in, administrator, make_user):
    user = make_user(Role.PRACTITIONER)
    data = user_form(user.team, roles=[Role.PANEL_CHAIR, Role.PRACTITIONER])
    data.pop("password")
    signed_in(administrator).post(reverse("accounts:user-edit", args=[user.pk]), data)
    user = User.objects.get(pk=user.pk)
    assert user.role_set == {Role.PANEL_CHAIR, Role.PRACTITIONER}
    assert user.username != "lena.hub"  # the username cannot be changed
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(user.pk)).get()
    assert event.changes["roles"][1] == [Role.PANEL_CHAIR, Role.PRACTITIONER]


def test_deactivation_needs_a_reason_and_ends_api_access(signed_in, administrator, make_user):
    user = make_user(Role.PRACTITIONER)
    client = signed_in(administrator)
    page = client.post(reverse("accounts:user-token", args=[user.pk]))
    token = page.context["token"]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/v1/agencies/").status_code == 200

    refused = client.post(reverse("accounts:user-deactivate", args=[user.pk]), {"reason": ""})
    assert "There is a problem" in refused.text
    client.post(reverse("accounts:user-deactivate", args=[user.pk]), {"reason": "Left"})
    user.refresh_from_db()
    assert not user.is_active
    assert api.get("/api/v1/agencies/").status_code == 401


def test_administrators_cannot_deactivate_themselves(signed_in, administrator):
    response = signed_in(administrator).post(
        reverse("accounts:user-deactivate", args=[administrator.pk]), {"reason": "Oops"}
    )
    assert "cannot deactivate your own account" in response.text
    administrator.refresh_from_db()
    assert administrator.is_active


@pytest.mark.parametrize("role", [Role.TEAM_MANAGER, Role.PRACTITIONER, Role.HUB_SCREENER])
def test_other_roles_cannot_manage_users(signed_in, make_user, role):
    user = make_user(role)
    target = make_user(Role.PRACTITIONER)
    client = signed_in(user)
    assert client.get(reverse("accounts:user-list")).status_code == 403
    assert client.post(reverse("accounts:user-create"), user_form(user.team)).status_code == 403
    assert client.post(reverse("accounts:user-token", args=[target.pk])).status_code == 403
    deactivate = reverse("accounts:user-deactivate", args=[target.pk])
    assert client.post(deactivate, {"reason": "x"}).status_code == 403
    target.refresh_from_db()
    assert target.is_active
    assert not User.objects.filter(username="lena.hub").exists()
