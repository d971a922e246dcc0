"""A provider editor's change to a public field waits for an administrator's approval, shown
field by field, unless the council turns approval off; what is not public is saved at once."""

from __future__ import annotations

import pytest

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied, DomainError
from teamaround.core.models import NeedDomain
from teamaround.directory import services
from teamaround.directory.models import ChangeStatus, PendingChange, Service
from tests.directory.test_editor_permissions import _form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_and_service(make_service, make_organisation, make_user):
    provider = make_organisation("Our Trust")
    editor = make_user(Role.PRACTITIONER)
    services.directory_editor_grant(actor=SYSTEM, user=editor, organisation=provider)
    return editor, make_service("Our Club", organisation=provider)


def test_a_provider_editors_public_change_waits_for_approval(editor_and_service, signed_in, client):
    editor, service = editor_and_service
    page = signed_in(editor)
    response = page.post(
        f"/services/manage/{service.pk}/",
        _form_data(service, name="Our Big Club", eligibility_notes="Ask for Sam first"),
        follow=True,
    )
    assert "will show once an administrator approves them" in response.content.decode()
    service.refresh_from_db()
    assert service.name == "Our Club"  # the public still sees what was approved
    assert service.eligibility_notes == "Ask for Sam first"  # professional-only: at once
    assert client.get(f"/services/oruk/services/{service.pk}").json()["name"] == "Our Club"
    change = PendingChange.objects.get(service=service)
    assert change.shown == {"Name": ["Our Club", "Our Big Club"]}
    assert change.status == ChangeStatus.PENDING and change.created_by == editor


def test_an_administrator_sees_it_field_by_field_and_approves(
    editor_and_service, signed_in, make_user
):
    editor, service = editor_and_service
    parenting = NeedDomain.objects.get(code="parenting")
    services.service_update(
        actor=editor, service=service, name="Our Big Club", needs_met=[parenting]
    )
    admin = signed_in(make_user(Role.ADMINISTRATOR))
    html = admin.get("/services/manage/approvals/").content.decode()
    assert "Our Big Club" in html and "Needs it meets" in html and parenting.name in html
    change = PendingChange.objects.get(service=service)
    response = admin.post(f"/services/manage/approvals/{change.pk}/", {"decision": "approve"})
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "Our Big Club"
    assert list(service.needs_met.all()) == [parenting]
    change.refresh_from_db()
    assert change.status == ChangeStatus.APPROVED and change.decided_by is not None


def test_not_approving_needs_a_reason_and_changes_nothing(editor_and_service, administrator):
    editor, service = editor_and_service
    held = services.service_update(actor=editor, service=service, name="Hijacked").held_change
    with pytest.raises(DomainError):
        services.pending_change_decide(actor=administrator, change=held, approve=False)
    services.pending_change_decide(
        actor=administrator, change=held, approve=False, reason="Not this provider's name"
    )
    held.refresh_from_db()
    assert held.status == ChangeStatus.REJECTED and held.reason == "Not this provider's name"
    assert Service.objects.get(pk=service.pk).name == "Our Club"


def test_only_administrators_decide(editor_and_service, signed_in):
    editor, service = editor_and_service
    held = services.service_update(actor=editor, service=service, name="Mine").held_change
    with pytest.raises(AccessDenied):
        services.pending_change_decide(actor=editor, change=held, approve=True)
    assert signed_in(editor).get("/services/manage/approvals/").status_code == 403
    response = signed_in(editor).post(
        f"/services/manage/approvals/{held.pk}/", {"decision": "approve"}
    )
    assert response.status_code == 403
    assert Service.objects.get(pk=service.pk).name == "Our Club"


def test_administrators_changes_and_a_council_without_approval_apply_at_once(
    editor_and_service, administrator, settings
):
    editor, service = editor_and_service
    services.service_update(actor=administrator, service=service, name="Admin's Name")
    assert Service.objects.get(pk=service.pk).name == "Admin's Name"
    settings.TEAMAROUND_DIRECTORY_APPROVAL = False
    updated = services.service_update(actor=editor, service=service, name="Editor's Name")
    assert updated.held_change is None
    assert Service.objects.get(pk=service.pk).name == "Editor's Name"
    assert not PendingChange.objects.exists()


def test_a_held_change_is_checked_first(editor_and_service):
    editor, service = editor_and_service
    with pytest.raises(DomainError):
        services.service_update(actor=editor, service=service, needs_met=[])
    assert not PendingChange.objects.exists()
