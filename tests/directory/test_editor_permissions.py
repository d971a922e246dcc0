"""Administrators edit every service; a provider's nominated editor edits only their own
organisation's, and is refused (403, audited) on anyone else's, in pages and the API."""

from __future__ import annotations

import pytest

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.directory import services
from teamaround.directory.forms import ServiceForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_providers(make_service, make_organisation, make_user):
    ours, theirs = make_organisation("Our Trust"), make_organisation("Their Trust")
    editor = make_user(Role.PRACTITIONER)
    services.directory_editor_grant(actor=SYSTEM, user=editor, organisation=ours)
    return (
        editor,
        make_service("Our Club", organisation=ours),
        make_service("Their Club", organisation=theirs),
    )


def _form_data(service, **changes) -> dict:
    initial = ServiceForm.initial_for(service)
    data = {k: v for k, v in initial.items() if v is not None}
    for name in ("levels", "needs_met", "districts"):
        data[name] = [row.pk for row in initial[name]]
    data["review_date"] = initial["review_date"].isoformat()
    data.update(changes)
    return data


def test_an_editor_changes_their_own_organisations_service(two_providers, signed_in, settings):
    settings.TEAMAROUND_DIRECTORY_APPROVAL = False  # the council trusts its providers
    editor, ours, _ = two_providers
    client = signed_in(editor)
    assert client.get(f"/services/manage/{ours.pk}/").status_code == 200
    response = client.post(f"/services/manage/{ours.pk}/", _form_data(ours, name="Our Big Club"))
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.name == "Our Big Club"
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(ours.pk)).exists()


def test_an_editor_cannot_change_another_organisations_service_in_a_page(two_providers, signed_in):
    editor, _, theirs = two_providers
    client = signed_in(editor)
    assert client.get(f"/services/manage/{theirs.pk}/").status_code == 403
    response = client.post(f"/services/manage/{theirs.pk}/", _form_data(theirs, name="Hijacked"))
    assert response.status_code == 403
    assert client.get(f"/services/manage/{theirs.pk}/opening-times/").status_code == 403
    theirs.refresh_from_db()
    assert theirs.name == "Their Club"
    assert AuditEvent.objects.filter(
        action=AuditAction.REFUSED, object_id=str(theirs.pk), actor=editor
    ).exists()


def test_an_editor_cannot_change_another_organisations_service_in_the_api(two_providers, api_as):
    editor, ours, theirs = two_providers
    api = api_as(editor)
    assert (
        api.patch(
            f"/api/v1/directory-services/{ours.pk}/",
            {"waiting_time_weeks": 3, "version": ours.version},
            format="json",
        ).status_code
        == 200
    )
    response = api.patch(
        f"/api/v1/directory-services/{theirs.pk}/",
        {"name": "Hijacked", "version": theirs.version},
        format="json",
    )
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.name == "Their Club"
    listed = [row["name"] for row in api.get("/api/v1/directory-services/").json()["results"]]
    assert listed == ["Our Club"]


def test_the_service_itself_refuses_whoever_calls_it(two_providers):
    editor, _, theirs = two_providers
    with pytest.raises(AccessDenied):
        services.service_update(actor=editor, service=theirs, name="Hijacked")


def test_administrators_edit_everything_and_others_nothing(
    two_providers, make_user, signed_in, api_as
):
    _, _, theirs = two_providers
    admin = make_user(Role.ADMINISTRATOR)
    assert signed_in(admin).get(f"/services/manage/{theirs.pk}/").status_code == 200
    assert (
        api_as(admin)
        .patch(
            f"/api/v1/directory-services/{theirs.pk}/",
            {"capacity": 9, "version": theirs.version},
            format="json",
        )
        .status_code
        == 200
    )
    stranger = make_user(Role.PRACTITIONER)
    assert (
        api_as(stranger)
        .patch(
            f"/api/v1/directory-services/{theirs.pk}/",
            {"capacity": 1, "version": theirs.version},
            format="json",
        )
        .status_code
        == 403
    )
    assert api_as(None).get("/api/v1/directory-services/").status_code in (401, 403)


def test_a_withdrawn_editor_can_no_longer_edit(two_providers, signed_in):
    editor, ours, _ = two_providers
    grant = editor.directory_grants.get()
    services.directory_editor_revoke(actor=SYSTEM, grant=grant, reason="Left the trust")
    assert signed_in(editor).get(f"/services/manage/{ours.pk}/").status_code == 403


def test_administrators_nominate_editors_by_username(make_organisation, make_user, signed_in):
    organisation = make_organisation("Harlow Family Hub")
    nominee = make_user(Role.PRACTITIONER, username="pat.provider")
    client = signed_in(make_user(Role.ADMINISTRATOR))
    response = client.post(
        f"/services/manage/organisations/{organisation.pk}/editors/", {"username": "pat.provider"}
    )
    assert response.status_code == 302
    assert nominee.directory_grants.get().organisation == organisation
    again = client.post(
        f"/services/manage/organisations/{organisation.pk}/editors/", {"username": "nobody.here"}
    )
    assert b"There is no member of staff with that username" in again.content
