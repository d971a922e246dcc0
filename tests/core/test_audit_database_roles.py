"""On PostgreSQL the application's database role cannot UPDATE, DELETE or TRUNCATE the audit
table nor disable its trigger, however generously its grants were written, and can still add
events to the chain. Set up as the README says: migrations as the owner, the app as a role
with ordinary DML (here the worst case: every privilege on every table)."""

import uuid

import pytest
from django.db import DatabaseError, connection, transaction

from teamaround.core.audit import audit_record
from teamaround.core.audit_chain import chain_verify
from teamaround.core.audit_database import audit_table_harden, audit_table_privileges
from teamaround.core.models import AuditAction, AuditEvent

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]


@pytest.fixture
def app_role(administrator):
    """A role like the application's, created in the test's transaction (and gone with it)."""
    audit_record(action=AuditAction.VIEW, actor=administrator, object_type="test", object_id="1")
    name = f"ta_app_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE ROLE "{name}" NOLOGIN NOSUPERUSER NOINHERIT')
        cursor.execute(f'GRANT USAGE ON SCHEMA public TO "{name}"')
        cursor.execute(f'GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA public TO "{name}"')
        cursor.execute(f'GRANT ALL PRIVILEGES ON ALL SEQUENCES IN SCHEMA public TO "{name}"')
    # What `teamaround migrate` does at its end, as the owner.
    assert name in audit_table_harden()
    return name


def as_role(role, sql):
    """Run `sql` as `role`; the error PostgreSQL gives, or None if it was allowed."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f'SET LOCAL ROLE "{role}"')
            cursor.execute(sql)
    except DatabaseError as error:
        return str(error)
    return None


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE core_auditevent SET summary = 'tampered'",
        "DELETE FROM core_auditevent",
        "TRUNCATE core_auditevent",
        "ALTER TABLE core_auditevent DISABLE TRIGGER core_auditevent_append_only",
        "ALTER TABLE core_auditevent DISABLE TRIGGER ALL",
        "DROP TRIGGER core_auditevent_append_only ON core_auditevent",
        "DROP TABLE core_auditevent",
    ],
)
def test_the_application_role_is_refused(app_role, sql):
    error = as_role(app_role, sql)
    assert error is not None
    assert "permission denied" in error or "must be owner" in error
    assert AuditEvent.objects.filter(summary="tampered").count() == 0
    assert AuditEvent.objects.exists()


def test_the_application_role_still_reads_and_adds_to_the_chain(app_role, administrator):
    before = AuditEvent.objects.count()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f'SET LOCAL ROLE "{app_role}"')
        assert audit_table_privileges() == {
            "UPDATE": False,
            "DELETE": False,
            "TRUNCATE": False,
            "OWNER": False,
        }
        audit_record(action=AuditAction.VIEW, actor=administrator, object_type="t", object_id="2")
        assert AuditEvent.objects.count() == before + 1
    assert chain_verify()[1] is None


def test_the_owner_keeps_its_privileges_and_the_check_says_so(app_role):
    found = audit_table_privileges()
    assert found["OWNER"] is True
