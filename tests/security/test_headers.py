"""Strict Content-Security-Policy, Permissions-Policy and Referrer-Policy on every page, and
`Cache-Control: no-store` on every response the application answers (pages, API, errors):
anonymous and signed in."""

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from tests.security.headers import assert_security_headers

pytestmark = pytest.mark.django_db

ANONYMOUS = [
    "/sign-in/",
    "/services/",
    "/ask-for-help/",
    "/services/oruk/services",
    "/healthz",
    "/no-such-page/",
    "/api/v1/persons/",  # 401
]
STAFF = ["/", "/people/", "/agencies/", "/hub/", "/api/v1/persons/", "/api/v1/agencies/"]


@pytest.mark.parametrize("path", ANONYMOUS)
def test_anonymous_responses_carry_the_headers(client, path):
    assert_security_headers(client.get(path))


@pytest.mark.parametrize("path", STAFF)
def test_staff_responses_carry_the_headers(signed_in, make_user, path):
    response = signed_in(make_user(Role.HUB_SCREENER)).get(path)
    assert response.status_code in (200, 302)
    assert_security_headers(response)


def test_the_policy_allows_no_inline_script_and_pages_use_none(signed_in, administrator):
    page = signed_in(administrator).get(reverse("accounts:user-list")).content.decode()
    assert "<script>" not in page and "javascript:" not in page
    assert " style=" not in page


def test_the_api_docs_load_their_script_from_a_file(signed_in, administrator):
    client = signed_in(administrator)
    page = client.get("/api/docs/")
    assert page.status_code == 200
    assert "<script>" not in page.content.decode()
    assert "script-src 'self'" in page["Content-Security-Policy"]
    script = client.get("/api/docs/", {"script": ""})
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
