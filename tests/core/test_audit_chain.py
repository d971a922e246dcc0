"""The audit trail is a hash chain: every event carries the hash of the one before it, whichever
way it was written (audit_record, audit_record_many), and `teamaround audit verify` finds the
first broken link when the trail is changed behind the application's back with raw SQL."""

import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections, transaction

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.services import agency_create, agency_update
from teamaround.core.audit import audit_record, audit_record_many
from teamaround.core.audit_chain import GENESIS, chain_verify, event_hash
from teamaround.core.models import AuditAction, AuditChainHead, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def trail(administrator):
    """Nine events: three agencies created and changed one by one, then viewed in one go."""
    agencies = []
    for n in range(3):
        agency = agency_create(actor=administrator, name=f"Trust {n}", kind=AgencyKind.VOLUNTARY)
        agency_update(actor=administrator, agency=agency, name=f"Trust {n} (renamed)")
        agencies.append(agency)
    audit_record_many(action=AuditAction.VIEW, actor=administrator, objects=agencies)
    return list(AuditEvent.objects.order_by("sequence"))


def verify():
    """(succeeded, what the command said)."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("audit", "verify", stdout=out, stderr=err)
    except CommandError as error:
        assert error.returncode == 1
        return False, err.getvalue()
    return True, out.getvalue()


def raw(sql, params=()):
    """Run SQL as the database's owner would, with the append-only trigger out of the way
    (inside the test's transaction, so it is back afterwards)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE core_auditevent DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS core_auditevent_append_only")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE core_auditevent ENABLE TRIGGER USER")


def stored(pk):
    return pk.hex if connection.vendor == "sqlite" else pk


def test_every_event_links_to_the_one_before(trail):
    assert len(trail) == 9
    assert [e.sequence for e in trail] == list(range(1, 10))
    assert trail[0].previous_hash == GENESIS
    for before, after in zip(trail, trail[1:], strict=False):
        assert after.previous_hash == before.hash
    assert all(event_hash(e) == e.hash for e in trail)
    head = AuditChainHead.objects.get()
    assert (head.sequence, head.hash) == (9, trail[-1].hash)
    assert verify() == (True, "The audit trail is intact: 9 events.\n")


def test_changing_an_event_with_raw_sql_is_reported_at_that_event(trail):
    target = trail[4]
    raw("UPDATE core_auditevent SET summary = %s WHERE id = %s", ["nothing", stored(target.pk)])
    ok, said = verify()
    assert not ok
    assert f"event 5 ({target.pk}): its contents have changed" in said


def test_rewriting_an_events_hash_too_is_reported_at_the_next_event(trail):
    target = trail[2]
    target.reason = "made up"
    forged = event_hash(target)
    raw(
        "UPDATE core_auditevent SET reason = %s, hash = %s WHERE id = %s",
        ["made up", forged, stored(target.pk)],
    )
    ok, said = verify()
    assert not ok
    assert f"event 4 ({trail[3].pk}): it does not carry the hash of the event before it" in said


def test_removing_an_event_is_reported_where_it_was(trail):
    raw("DELETE FROM core_auditevent WHERE id = %s", [stored(trail[6].pk)])
    ok, said = verify()
    assert not ok
    assert f"event 8 ({trail[7].pk}): expected event 7 here" in said


def test_removing_the_last_events_is_reported_by_the_head(trail):
    raw("DELETE FROM core_auditevent WHERE sequence > 7")
    ok, said = verify()
    assert not ok
    assert "the head names event 9 but the trail ends at event 7" in said


def test_writing_goes_on_after_a_break_and_the_break_stays_reported(trail, administrator):
    raw("UPDATE core_auditevent SET summary = 'x' WHERE id = %s", [stored(trail[0].pk)])
    audit_record(action=AuditAction.VIEW, actor=administrator, object_type="test", object_id="1")
    checked, broken = chain_verify()
    assert broken is not None and broken.sequence == 1


def test_an_empty_trail_is_intact(db):
    assert AuditEvent.objects.count() == 0
    assert verify() == (True, "The audit trail is intact: 0 events.\n")


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_on_postgresql_never_fork_the_chain(administrator):
    """Four threads, each with its own connection, writing single and many-at-once events in
    their own transactions at the same time: every event lands in one unbroken chain."""
    start = threading.Barrier(4)
    failures = []

    def write(n):
        try:
            start.wait()
            for i in range(10):
                with transaction.atomic():
                    audit_record(
                        action=AuditAction.VIEW,
                        actor=administrator,
                        object_type="test.thread",
                        object_id=f"{n}-{i}",
                    )
                    audit_record_many(
                        action=AuditAction.VIEW,
                        actor=administrator,
                        object_type="test.thread",
                        ids=[f"{n}-{i}-a", f"{n}-{i}-b"],
                    )
        except Exception as error:  # reported below
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert AuditEvent.objects.filter(object_type="test.thread").count() == 120
    checked, broken = chain_verify()
    assert broken is None and checked == AuditEvent.objects.count()
