"""API tokens (stored as a digest only, shown once, expiring, revocable, issuing and revoking
audited) and passwords (changed by their owner, reset by an e-mailed link, Django's validators
and one against repetition)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from teamaround.accounts import services
from teamaround.accounts.models import ApiToken, User
from teamaround.accounts.roles import Role
from teamaround.core.errors import ValidationFailed
from teamaround.core.models import AuditAction, AuditEvent
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def api_with(token: str) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api


def issue(client, user) -> str:
    return client.post(reverse("accounts:user-token", args=[user.pk])).context["token"]


def test_a_token_is_kept_only_as_a_digest_and_shown_once(signed_in, administrator, make_user):
    staff = make_user(Role.PRACTITIONER)
    client = signed_in(administrator)
    token = issue(client, staff)
    assert api_with(token).get("/api/v1/agencies/").status_code == 200

    stored = ApiToken.objects.get(user=staff)
    assert stored.digest != token and token not in stored.digest
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM accounts_apitoken")
        assert not any(token in str(value) for row in cursor.fetchall() for value in row)
    # the user's page lists it by its first characters only
    detail = client.get(reverse("accounts:user-detail", args=[staff.pk])).content.decode()
    assert stored.prefix in detail and token not in detail
    assert token not in client.get(reverse("accounts:user-token", args=[staff.pk])).text


def test_issuing_is_audited_and_replaces_the_earlier_token(signed_in, administrator, make_user):
    staff = make_user(Role.PRACTITIONER)
    client = signed_in(administrator)
    first = issue(client, staff)
    second = issue(client, staff)
    assert api_with(first).get("/api/v1/agencies/").status_code == 401
    assert api_with(second).get("/api/v1/agencies/").status_code == 200
    issued = AuditEvent.objects.filter(action=AuditAction.CREATE, summary__contains="API token")
    assert issued.count() == 2 and all(e.actor == administrator for e in issued)
    assert AuditEvent.objects.filter(action=AuditAction.ARCHIVE, reason__contains="Replaced")


def test_an_expired_token_is_refused(signed_in, administrator, make_user):
    staff = make_user(Role.PRACTITIONER)
    token = issue(signed_in(administrator), staff)
    ApiToken.objects.filter(user=staff).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert api_with(token).get("/api/v1/agencies/").status_code == 401


def test_tokens_expire_after_the_configured_days(administrator, make_user, settings):
    settings.TEAMAROUND_API_TOKEN_DAYS = 30
    staff = make_user(Role.PRACTITIONER)
    services.api_token_issue(actor=administrator, user=staff)
    left = ApiToken.objects.get(user=staff).expires_at - timezone.now()
    assert timedelta(days=29) < left <= timedelta(days=30)


def test_an_administrator_revokes_a_token_with_a_reason(signed_in, administrator, make_user):
    staff = make_user(Role.PRACTITIONER)
    client = signed_in(administrator)
    token = issue(client, staff)
    stored = ApiToken.objects.get(user=staff)
    url = reverse("accounts:user-token-revoke", args=[staff.pk, stored.pk])
    assert "There is a problem" in client.post(url, {"reason": ""}).text
    assert api_with(token).get("/api/v1/agencies/").status_code == 200
    client.post(url, {"reason": "Laptop lost"})
    assert api_with(token).get("/api/v1/agencies/").status_code == 401
    event = AuditEvent.objects.get(action=AuditAction.ARCHIVE, object_id=str(stored.pk))
    assert event.reason == "Laptop lost" and event.actor == administrator


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.TEAM_MANAGER])
def test_other_roles_can_neither_issue_nor_revoke(signed_in, make_user, administrator, role):
    staff = make_user(Role.PRACTITIONER)
    services.api_token_issue(actor=administrator, user=staff)
    stored = ApiToken.objects.get(user=staff)
    client = signed_in(make_user(role))
    assert client.post(reverse("accounts:user-token", args=[staff.pk])).status_code == 403
    revoke = reverse("accounts:user-token-revoke", args=[staff.pk, stored.pk])
    assert client.post(revoke, {"reason": "x"}).status_code == 403
    stored.refresh_from_db()
    assert stored.revoked_at is None


@pytest.mark.parametrize(
    "password", ["aaaaaaaaaaaa", "abcabcabcabc", "short", "123456789012", "password1234"]
)
def test_weak_passwords_are_refused(administrator, password):
    with pytest.raises(ValidationFailed):
        services.user_create(
            actor=administrator,
            username="new.person",
            first_name="New",
            last_name="Person",
            email="new@example.org",
            team=None,
            roles=[Role.PRACTITIONER],
            password=password,
        )
    assert not User.objects.filter(username="new.person").exists()


def test_a_user_changes_their_own_password(signed_in, make_user, client):
    user = make_user(Role.PRACTITIONER, username="pat")
    page = signed_in(user)
    url = reverse("accounts:password-change")
    weak = page.post(
        url,
        {
            "old_password": PASSWORD,
            "new_password1": "aaaaaaaaaaaa",
            "new_password2": "aaaaaaaaaaaa",
        },
    )
    assert "There is a problem" in weak.text and "too few characters" in weak.text
    wrong = page.post(
        url,
        {
            "old_password": "nope",
            "new_password1": "Kettle-Harbour-71",
            "new_password2": "Kettle-Harbour-71",
        },
    )
    assert "There is a problem" in wrong.text
    done = page.post(
        url,
        {
            "old_password": PASSWORD,
            "new_password1": "Kettle-Harbour-71",
            "new_password2": "Kettle-Harbour-71",
        },
    )
    assert done.status_code == 302 and done["Location"] == reverse("accounts:password-changed")
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE, actor=user, summary="Changed their password"
    ).exists()
    user.refresh_from_db()
    assert user.check_password("Kettle-Harbour-71")


def test_a_forgotten_password_is_reset_by_an_emailed_link(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    user = UserFactory(username="quinn", email="quinn@example.org")
    sent = client.post(reverse("accounts:password-reset"), {"email": "quinn@example.org"})
    assert sent["Location"] == reverse("accounts:password-reset-sent")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["quinn@example.org"]
    link = re.search(r"https?://[^/]+(/password-reset/\S+/)", mail.outbox[0].body).group(1)

    form = client.get(link, follow=True)  # Django moves the token out of the address first
    set_url = form.redirect_chain[-1][0]
    assert "Choose a new password" in form.text
    weak = client.post(set_url, {"new_password1": "aaaaaaaaaaaa", "new_password2": "aaaaaaaaaaaa"})
    assert "There is a problem" in weak.text
    done = client.post(
        set_url, {"new_password1": "Lantern-Meadow-42", "new_password2": "Lantern-Meadow-42"}
    )
    assert done["Location"] == reverse("accounts:password-reset-done")
    user.refresh_from_db()
    assert user.check_password("Lantern-Meadow-42")
    assert AuditEvent.objects.filter(actor=user, summary__contains="e-mailed link").exists()
    # the link works once
    assert "This link does not work" in client.get(link, follow=True).text


def test_asking_for_a_reset_for_an_unknown_address_says_the_same_and_sends_nothing(
    client, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sent = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.org"})
    assert sent["Location"] == reverse("accounts:password-reset-sent")
    assert mail.outbox == []


def test_the_demo_prints_emails_on_the_console():
    from teamaround import settings as base

    assert base.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
