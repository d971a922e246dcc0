"""The public sees the directory without signing in but never the professional-only fields
(referral routes, eligibility notes, capacity), in pages or the Open Referral feed."""

from __future__ import annotations

import pytest

from teamaround.accounts.roles import Role

pytestmark = pytest.mark.django_db

SECRET_ROUTE = "Email the duty manager at intake-desk"
SECRET_ELIGIBILITY = "Only families already known to MAAG"


@pytest.fixture
def service(make_service):
    return make_service(
        "Family Mentoring",
        places=["CM2"],
        referral_routes=SECRET_ROUTE,
        eligibility_notes=SECRET_ELIGIBILITY,
        capacity=37,
    )


def test_the_public_page_hides_professional_fields(client, service):
    response = client.get(f"/services/{service.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Family Mentoring" in page
    assert SECRET_ROUTE not in page and SECRET_ELIGIBILITY not in page
    assert "For professionals" not in page


def test_practitioners_see_professional_fields(signed_in, make_user, service):
    page = signed_in(make_user(Role.PRACTITIONER)).get(f"/services/{service.pk}/").content.decode()
    assert SECRET_ROUTE in page and SECRET_ELIGIBILITY in page and "37" in page


@pytest.mark.parametrize(
    "path",
    [
        "/services/oruk/services?search=mentoring",
        "/services/oruk/services/{pk}",
        "/services/oruk/service_at_locations",
        "/services/oruk/organizations/{org}",
    ],
)
def test_the_feed_never_carries_professional_fields(client, signed_in, make_user, service, path):
    url = path.format(pk=service.pk, org=service.organisation_id)
    for reader in (client, signed_in(make_user(Role.ADMINISTRATOR))):
        body = reader.get(url).content.decode()
        assert "Family Mentoring" in body
        for secret in (
            SECRET_ROUTE,
            SECRET_ELIGIBILITY,
            "referral_routes",
            "eligibility",
            "capacity",
        ):
            assert secret not in body


def test_searching_for_professional_words_finds_nothing(client, service):
    response = client.get("/services/", {"q": "duty manager"})
    assert b"0 services found" in response.content
