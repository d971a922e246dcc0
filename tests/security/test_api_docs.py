"""The staff API's OpenAPI schema and Swagger docs: open on a demo site, signed-in staff only
in production (TEAMAROUND_API_DOCS_PUBLIC false); the ORUK API's own document stays open."""

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    settings.TEAMAROUND_API_DOCS_PUBLIC = False


def test_production_defaults_to_staff_only_docs():
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "src/teamaround/settings_production.py"
    assert 'TEAMAROUND_API_DOCS_PUBLIC = env_bool("TEAMAROUND_API_DOCS_PUBLIC", False)' in (
        source.read_text()
    )


def test_in_production_anyone_not_signed_in_is_refused(client, production):
    assert client.get("/api/schema/").status_code == 401
    docs = client.get("/api/docs/")
    assert docs.status_code == 302 and docs["Location"].startswith(reverse("accounts:sign-in"))
    script = client.get("/api/docs/", {"script": ""})
    assert script.status_code == 302


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.ADMINISTRATOR])
def test_in_production_signed_in_staff_read_them(signed_in, make_user, production, role):
    client = signed_in(make_user(role))
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"openapi" in schema.content
    assert client.get("/api/docs/").status_code == 200


def test_the_oruk_document_stays_open(client, production):
    response = client.get(reverse("directory:oruk-openapi"))
    assert response.status_code == 200 and "openapi" in response.json()


def test_a_demo_site_shows_them_to_anyone(client, settings):
    settings.TEAMAROUND_API_DOCS_PUBLIC = True
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200
