"""Hostile input gets a 400 (or a 404 for a route that does not exist), never a 500: `.json`
suffixes on every API route, JSON too large, too deep, with NaN/Infinity or NUL, NUL in an
address or a form, and wrong files on every upload page."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from teamaround.accounts.roles import Role

pytestmark = pytest.mark.django_db
ZERO = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def admin_client(make_user):
    client = Client(raise_request_exception=False)
    client.force_login(
        make_user(Role.ADMINISTRATOR), backend="django.contrib.auth.backends.ModelBackend"
    )
    return client


def api_paths():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    paths = []
    for path in schema["paths"]:
        filled = path
        while "{" in filled:
            start, end = filled.index("{"), filled.index("}")
            filled = filled[:start] + ZERO + filled[end + 1 :]
        paths.append(filled)
    return paths


def test_every_api_route_with_a_format_suffix_is_not_found_not_a_500(admin_client):
    paths = api_paths()
    assert len(paths) > 30
    for path in paths:
        for suffixed in (path.rstrip("/") + ".json", path.rstrip("/") + ".api"):
            response = admin_client.get(suffixed, follow=True)  # APPEND_SLASH may redirect first
            assert response.status_code == 404, (suffixed, response.status_code)


def post_json(client, body: str):
    return client.post("/api/v1/families/", data=body, content_type="application/json")


@pytest.mark.parametrize(
    "body",
    [
        '{"name": NaN}',
        '{"name": Infinity}',
        '{"name": -Infinity}',
        '{"name": "Whit\\u0000more"}',
        "[" * 100_000 + "]" * 100_000,
        '{"name": ' * 50_000 + "1" + "}" * 50_000,
        '{"name": "unterminated',
    ],
    ids=["nan", "infinity", "minus-infinity", "nul", "deep-list", "deep-object", "broken"],
)
def test_hostile_json_is_a_400(admin_client, body):
    response = post_json(admin_client, body)
    assert response.status_code == 400
    assert "detail" in response.json()


def test_json_over_the_size_limit_is_a_400(admin_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = post_json(admin_client, json.dumps({"name": "x" * 20_000}))
    assert response.status_code == 400 and "larger than" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/people/", "/services/", "/api/v1/persons/"])
def test_nul_in_the_address_is_a_400(admin_client, path):
    assert admin_client.get(path, {"q": "Whit\x00more"}).status_code == 400


def test_nul_in_a_form_is_a_400_and_changes_nothing(client):
    response = client.post(reverse("frontdoor_public:ask"), {"child_first_name": "A\x00"})
    assert response.status_code == 400


def csv_upload(name: str, content: bytes):
    return SimpleUploadedFile(name, content, content_type="text/csv")


@pytest.mark.parametrize(
    ("url_name", "field", "kind"),
    [
        ("frontdoor:missing-upload", "file", "csv"),
        ("core:geography-upload", "file", "json"),
        ("directory:import", "feed", "json"),
    ],
)
@pytest.mark.parametrize(
    ("problem", "name", "content"),
    [
        ("wrong type", "picture.png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("binary renamed", "data.{kind}", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"),
        ("NUL bytes", "data.{kind}", b"a,b\x00,c\n"),
    ],
)
def test_wrong_files_are_refused_on_every_upload(
    admin_client, make_user, url_name, field, kind, problem, name, content
):
    client = admin_client
    if url_name.startswith("frontdoor"):
        client.force_login(
            make_user(Role.HUB_SCREENER), backend="django.contrib.auth.backends.ModelBackend"
        )
    upload = csv_upload(name.format(kind=kind), content)
    response = client.post(reverse(url_name), {field: upload})
    assert response.status_code == 200, problem
    assert "There is a problem" in response.content.decode()


@pytest.mark.parametrize(
    ("url_name", "field"), [("core:geography-upload", "file"), ("directory:import", "feed")]
)
def test_too_large_and_too_deep_json_files_are_refused(admin_client, settings, url_name, field):
    settings.TEAMAROUND_UPLOAD_MAX_BYTES = 1000
    big = csv_upload("big.json", b'{"a": "' + b"x" * 2000 + b'"}')
    response = admin_client.post(reverse(url_name), {field: big})
    assert "smaller than" in response.content.decode()
    settings.TEAMAROUND_UPLOAD_MAX_BYTES = 10**7
    deep = csv_upload("deep.json", b"[" * 100_000 + b"]" * 100_000)
    response = admin_client.post(reverse(url_name), {field: deep})
    assert response.status_code == 200 and "nested too deeply" in response.content.decode()
