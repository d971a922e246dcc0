"""Rate limits (core.ratelimits): sign-in, two-factor, the public form, the public directory
and its ORUK API per address; the staff API per token. Over the limit, a page is the GOV.UK
429 page and the API DRF's 429; below it nothing changes. Rates come from settings, so each
test sets a small one; the cache holding the counts is emptied before every test."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from teamaround.accounts import services as accounts_services
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(settings):
    def set_rate(**values):
        settings.TEAMAROUND_RATE_LIMITS = {**settings.TEAMAROUND_RATE_LIMITS, **values}

    return set_rate


def assert_429_page(response):
    assert response.status_code == 429
    assert response["Retry-After"]
    text = response.content.decode()
    assert "too many attempts" in text and "govuk-heading-l" in text


def test_sign_in_is_limited_per_address(client, rates):
    rates(sign_in="3/m")
    UserFactory(username="ann")
    for _ in range(3):
        client.post("/sign-in/", {"username": "ann", "password": "wrong"})
    # the right password is refused too while the address is over its limit
    assert_429_page(client.post("/sign-in/", {"username": "ann", "password": PASSWORD}))
    # another address is not affected
    other = client.post(
        "/sign-in/", {"username": "ann", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert other.status_code == 302


def test_reading_the_sign_in_page_is_not_counted(client, rates):
    rates(sign_in="2/m")
    for _ in range(5):
        assert client.get("/sign-in/").status_code == 200


def test_a_spoofed_forwarded_for_header_does_not_reset_the_count(client, rates, settings):
    rates(sign_in="2/m")
    settings.TEAMAROUND_TRUSTED_PROXIES = 1
    for n in range(2):
        client.post(
            "/sign-in/",
            {"username": "x", "password": "y"},
            HTTP_X_FORWARDED_FOR=f"1.1.1.{n}, 9.9.9.9",
        )
    # the proxy (trusted) saw 9.9.9.9 each time: the client's own header entries do not count
    response = client.post(
        "/sign-in/", {"username": "x", "password": "y"}, HTTP_X_FORWARDED_FOR="2.2.2.2, 9.9.9.9"
    )
    assert response.status_code == 429


def test_two_factor_codes_are_limited_per_user(signed_in, rates, settings):
    rates(two_factor="3/m")
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = UserFactory(roles=[Role.PRACTITIONER])
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = signed_in(user)
    url = reverse("accounts:two-factor-verify")
    for _ in range(3):
        assert client.post(url, {"code": "000000"}).status_code == 200
    assert_429_page(client.post(url, {"code": "000000"}))


def test_the_public_form_is_limited_per_address(client, rates):
    rates(public_form="2/m")
    url = reverse("frontdoor_public:ask")
    for _ in range(2):
        assert client.post(url, {"action": "save"}).status_code in (200, 302)
    assert_429_page(client.post(url, {"action": "save"}))
    assert_429_page(client.post(reverse("frontdoor_public:resume"), {"code": "ABC"}))


def test_the_public_directory_is_limited_per_address(client, rates):
    rates(directory="3/m")
    for _ in range(3):
        assert client.get(reverse("directory:search")).status_code == 200
    assert_429_page(client.get(reverse("directory:search"), {"q": "parenting"}))


def test_the_oruk_api_is_limited_per_address(client, rates):
    rates(public_api="2/m")
    for _ in range(2):
        assert client.get("/services/oruk/services").status_code == 200
    response = client.get("/services/oruk/taxonomies")
    assert response.status_code == 429 and response["Retry-After"]


def test_the_staff_api_is_limited_per_token(client, rates):
    rates(api_staff="3/m")
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    first = accounts_services.api_token_issue(actor=SYSTEM, user=admin)
    for _ in range(3):
        response = client.get("/api/v1/agencies/", HTTP_AUTHORIZATION=f"Token {first}")
        assert response.status_code == 200
    response = client.get("/api/v1/agencies/", HTTP_AUTHORIZATION=f"Token {first}")
    assert response.status_code == 429 and response["Retry-After"]
    assert "throttled" in response.json()["detail"].lower()

    # another caller's token has its own count
    analyst = UserFactory(roles=[Role.ADMINISTRATOR])
    second = accounts_services.api_token_issue(actor=SYSTEM, user=analyst)
    assert client.get("/api/v1/agencies/", HTTP_AUTHORIZATION=f"Token {second}").status_code == 200
