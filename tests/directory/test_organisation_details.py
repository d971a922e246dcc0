"""An organisation's logo and persistent URI: kept by administrators (http(s) links only),
published in the ORUK feed, and read from an imported one."""

from __future__ import annotations

import copy

import pytest

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied, DomainError
from teamaround.directory import services
from teamaround.directory.models import Organisation
from teamaround.directory.oruk.feed import FeedRejected, oruk_feed_import
from tests.directory.oruk_checks import assert_valid, validator

pytestmark = pytest.mark.django_db

LOGO = "https://trust.example.org/logo.png"
URI = "https://find-that-charity.example.org/orgid/GB-CHC-1234567"


def test_an_administrator_gives_the_logo_and_uri_and_the_feed_publishes_them(
    make_user, signed_in, client
):
    admin = signed_in(make_user(Role.ADMINISTRATOR))
    response = admin.post(
        "/services/manage/organisations/add/",
        {"name": "Essex Trust", "description": "A trust.", "logo": LOGO, "uri": URI},
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Essex Trust")
    assert (organisation.logo, organisation.uri) == (LOGO, URI)
    data = client.get(f"/services/oruk/organizations/{organisation.pk}").json()
    assert (data["logo"], data["uri"]) == (LOGO, URI)
    assert_valid(validator("schema", "compiled", "organization.json"), data)
    listed = client.get("/services/oruk/organizations").json()["contents"][0]
    assert listed["logo"] == LOGO
    edit = admin.get(f"/services/manage/organisations/{organisation.pk}/change/")
    assert LOGO in edit.content.decode()


@pytest.mark.parametrize("field", ["logo", "uri", "website"])
def test_only_http_links_are_kept(field, make_organisation, make_user):
    admin = make_user(Role.ADMINISTRATOR)
    with pytest.raises(DomainError) as caught:
        services.organisation_create(
            actor=admin, name="Bad Links", description="x", **{field: "javascript:alert(1)"}
        )
    assert field in caught.value.errors
    organisation = make_organisation("Good Links")
    with pytest.raises(DomainError):
        services.organisation_update(
            actor=admin, organisation=organisation, **{field: "data:text/html,hi"}
        )
    organisation.refresh_from_db()
    assert getattr(organisation, field) == ""


def test_a_provider_editor_cannot_change_another_organisations_logo(make_organisation, make_user):
    ours, theirs = make_organisation("Ours"), make_organisation("Theirs")
    editor = make_user(Role.PRACTITIONER)
    services.directory_editor_grant(actor=SYSTEM, user=editor, organisation=ours)
    with pytest.raises(AccessDenied):
        services.organisation_update(actor=editor, organisation=theirs, logo=LOGO)
    theirs.refresh_from_db()
    assert theirs.logo == ""


def test_an_imported_organisations_logo_and_uri_are_kept(essex, oruk_feed, client):
    feed = copy.deepcopy(oruk_feed)
    feed["organizations"][0] |= {"logo": LOGO, "uri": URI}
    oruk_feed_import(actor=SYSTEM, feed=feed, source="parents.example.org")
    organisation = Organisation.objects.get(source_id=feed["organizations"][0]["id"])
    assert (organisation.logo, organisation.uri) == (LOGO, URI)
    data = client.get(f"/services/oruk/organizations/{organisation.pk}").json()
    assert (data["logo"], data["uri"]) == (LOGO, URI)


def test_an_imported_logo_that_is_not_http_or_too_long_is_reported(essex, oruk_feed):
    feed = copy.deepcopy(oruk_feed)
    feed["organizations"][0]["logo"] = "javascript:alert(1)"
    feed["organizations"][1]["uri"] = "https://example.org/" + "x" * 200
    with pytest.raises(FeedRejected) as caught:
        oruk_feed_import(actor=SYSTEM, feed=feed, source="parents.example.org")
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith("organizations[0].logo") for p in found), found
    assert any(p.startswith("organizations[1].uri: is 220 characters long") for p in found)
    assert not Organisation.objects.exists()
