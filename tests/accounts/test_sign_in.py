"""Signing in and out, locking out after repeated failures, and two-factor sign-in."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from teamaround.accounts.roles import Role
from teamaround.core.models import AuditAction, AuditEvent
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
SIGN_IN = "/sign-in/"


def sign_in(client, username, password=PASSWORD):
    return client.post(SIGN_IN, {"username": username, "password": password})


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_staff_sign_in_and_out(client):
    UserFactory(username="dina")
    response = sign_in(client, "dina")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    response = client.post(reverse("accounts:sign-out"))
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_sign_out_needs_a_post(client):
    UserFactory(username="ed")
    sign_in(client, "ed")
    assert client.get(reverse("accounts:sign-out")).status_code == 405
    assert client.get("/").status_code == 200


def test_wrong_password_shows_the_error_summary_and_signs_nobody_in(client):
    UserFactory(username="fay")
    response = sign_in(client, "fay", "wrong-password")
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Enter a correct username and password" in response.text
    assert client.get("/").status_code == 302


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, settings):
    UserFactory(username="gus")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "gus", "wrong-password")
    response = sign_in(client, "gus")
    assert response.status_code == 429
    assert "Your account is locked" in response.text
    assert client.get("/").status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.LOCKED_OUT).exists()


def test_a_deactivated_user_cannot_sign_in(client):
    UserFactory(username="hal", is_active=False)
    response = sign_in(client, "hal")
    assert response.status_code == 200
    assert client.get("/").status_code == 302


def test_two_factor_is_optional_unless_the_role_requires_it(client, settings):
    settings.TEAMAROUND_TWO_FACTOR_REQUIRED_ROLES = [Role.HUB_SCREENER]
    UserFactory(username="ivy", roles=[Role.PRACTITIONER])
    sign_in(client, "ivy")
    assert client.get("/").status_code == 200


def test_required_two_factor_sends_the_user_to_set_it_up_then_lets_them_in(client, settings):
    settings.TEAMAROUND_TWO_FACTOR_REQUIRED_ROLES = ["all"]
    user = UserFactory(username="jo", roles=[Role.HUB_SCREENER])
    sign_in(client, "jo")
    response = client.get("/agencies/")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:two-factor-setup")
    assert client.get("/api/v1/agencies/").status_code == 403

    page = client.get(reverse("accounts:two-factor-setup"))
    assert "<svg" in page.text and "QR code" in page.text
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    wrong = client.post(reverse("accounts:two-factor-setup"), {"code": "000000"})
    assert "The code is not right" in wrong.text
    response = client.post(reverse("accounts:two-factor-setup"), {"code": current_code(device)})
    assert response.status_code == 302
    assert client.get("/agencies/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_a_user_with_an_app_must_enter_a_code_at_every_sign_in(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no back-off between the wrong and the right code
    user = UserFactory(username="kit", roles=[Role.PRACTITIONER])
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    sign_in(client, "kit")
    response = client.get("/")
    assert response["Location"] == reverse("accounts:two-factor-verify")

    client.post(reverse("accounts:two-factor-verify"), {"code": "123"})
    assert client.get("/").status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.REFUSED, actor=user).exists()

    response = client.post(reverse("accounts:two-factor-verify"), {"code": current_code(device)})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_production_requires_two_factor_for_every_staff_role():
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "src/teamaround/settings_production.py"
    assert 'TEAMAROUND_TWO_FACTOR_REQUIRED_ROLES", "all"' in source.read_text()


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "https:evil.example",
        "javascript:alert(1)",
        " https://evil.example/",
    ],
)
def test_two_factor_never_sends_the_user_off_site(client, settings, target):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = UserFactory(username="lou", roles=[Role.PRACTITIONER])
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    sign_in(client, "lou")
    url = reverse("accounts:two-factor-verify")
    response = client.post(url, {"code": current_code(device)}, query_params={"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_two_factor_keeps_a_next_page_on_this_site(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = UserFactory(username="mo", roles=[Role.PRACTITIONER])
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    sign_in(client, "mo")
    url = reverse("accounts:two-factor-verify") + "?next=/agencies/"
    response = client.post(url, {"code": current_code(device)})
    assert response["Location"] == "/agencies/"


def test_sign_in_never_sends_the_user_off_site(client):
    UserFactory(username="ned")
    response = client.post(
        SIGN_IN + "?next=https://evil.example/", {"username": "ned", "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/"
