"""The audit trail: written for every kind of action, and impossible to change or remove."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.services import agency_archive, agency_create, agency_update
from teamaround.core.models import AuditAction, AuditEvent
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def events(action, **filters):
    return AuditEvent.objects.filter(action=action, **filters)


def test_create_update_archive_are_recorded_with_who_what_and_why(administrator):
    agency = agency_create(actor=administrator, name="Harbour Surgery", kind=AgencyKind.GP_PRACTICE)
    agency_update(actor=administrator, agency=agency, name="Harbour Medical Centre")
    agency_archive(actor=administrator, agency=agency, reason="Practice merged")

    trail = AuditEvent.objects.filter(object_id=str(agency.pk)).order_by("occurred_at")
    assert [e.action for e in trail] == ["create", "update", "archive"]
    assert {e.actor_id for e in trail} == {administrator.pk}
    assert trail[1].changes == {"name": ["Harbour Surgery", "Harbour Medical Centre"]}
    assert trail[2].reason == "Practice merged"
    assert all(e.object_type == "accounts.agency" for e in trail)


def test_refused_access_is_recorded(practitioner):
    with pytest.raises(Exception, match="do not have access"):
        agency_create(actor=practitioner, name="Rogue", kind=AgencyKind.VOLUNTARY)
    refused = events(AuditAction.REFUSED, actor=practitioner).get()
    assert "create an agency" in refused.summary


def test_web_request_details_are_recorded(client, practitioner):
    client.force_login(practitioner, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(reverse("accounts:user-list"), HTTP_X_REQUEST_ID="req-123")
    assert response.status_code == 403
    refused = events(AuditAction.REFUSED, actor=practitioner).get()
    assert refused.request_id == "req-123"
    assert refused.request_path == "/users/"
    assert refused.request_method == "GET"
    assert refused.ip_address == "127.0.0.1"


def test_sign_in_sign_out_and_failed_sign_in_are_recorded(client):
    user = UserFactory(username="carol")
    client.post(reverse("accounts:sign-in"), {"username": "carol", "password": "wrong"})
    client.post(reverse("accounts:sign-in"), {"username": "carol", "password": PASSWORD})
    client.post(reverse("accounts:sign-out"))
    assert events(AuditAction.SIGN_IN_FAILED, summary__contains="carol").count() == 1
    assert events(AuditAction.SIGN_IN, actor=user).count() == 1
    assert events(AuditAction.SIGN_OUT, actor=user).count() == 1
    # The password tried is never stored.
    assert not AuditEvent.objects.filter(summary__contains="wrong").exists()


def test_events_cannot_be_changed_or_deleted_through_the_orm(administrator):
    agency_create(actor=administrator, name="Tidal Trust", kind=AgencyKind.VOLUNTARY)
    event = AuditEvent.objects.first()
    event.summary = "tampered"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(summary="tampered")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).summary != "tampered"


def test_the_database_refuses_updates_even_with_raw_sql(administrator):
    agency_create(actor=administrator, name="Estuary Trust", kind=AgencyKind.VOLUNTARY)
    event = AuditEvent.objects.first()
    stored_id = event.pk.hex if connection.vendor == "sqlite" else event.pk
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE core_auditevent SET summary = %s WHERE id = %s", ["tampered", stored_id]
        )
    assert AuditEvent.objects.get(pk=event.pk).summary != "tampered"


@pytest.mark.postgresql
def test_postgresql_refuses_deletes_with_raw_sql(administrator):
    agency_create(actor=administrator, name="Creek Trust", kind=AgencyKind.VOLUNTARY)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent")
    assert AuditEvent.objects.exists()


def test_the_api_offers_no_way_to_change_the_trail(api_as, administrator):
    agency_create(actor=administrator, name="Marsh Trust", kind=AgencyKind.VOLUNTARY)
    event = AuditEvent.objects.first()
    api = api_as(administrator)
    assert api.post("/api/v1/audit-events/", {"summary": "x"}).status_code == 405
    assert api.put(f"/api/v1/audit-events/{event.pk}/", {}).status_code in (404, 405)
    assert api.delete(f"/api/v1/audit-events/{event.pk}/").status_code in (404, 405)
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_many_views_are_recorded_in_one_go(administrator):
    from teamaround.core.audit import audit_record_many

    agencies = [
        agency_create(actor=administrator, name=f"Lagoon Trust {n}", kind=AgencyKind.VOLUNTARY)
        for n in range(3)
    ]
    assert audit_record_many(action=AuditAction.VIEW, actor=administrator, objects=agencies) == 3
    viewed = AuditEvent.objects.filter(action=AuditAction.VIEW, actor=administrator)
    assert sorted(viewed.values_list("object_id", flat=True)) == sorted(str(a.pk) for a in agencies)
    assert {e.actor_username for e in viewed} == {administrator.username}
