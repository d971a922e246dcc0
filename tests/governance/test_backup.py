"""Backups that restore: `teamaround backup` then `teamaround restore` into an empty database,
compared table by table; and every way a backup can be unusable (cut short, changed, another
key, no key) is refused with nothing restored. The tests run the commands as an operator would.

They are transactional so that what they back up is committed, as it is in a live database:
pg_dump reads from its own connection and would not see a test's open transaction."""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from teamaround.core.models import AuditEvent
from teamaround.governance.backup.archive import write_backup
from teamaround.governance.backup.engines import postgres_url
from teamaround.governance.backup.sealed import new_key, parse_key
from teamaround.governance.backup.tables import manifest_tables
from teamaround.people.models import Family, Person

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def key_file(tmp_path) -> Path:
    path = tmp_path / "backup.key"
    path.write_text(new_key())
    return path


@pytest.fixture
def backup(tmp_path, key_file, family, episode) -> Path:
    """A backup of a database holding a family, its members, an open episode and its audit."""
    output = tmp_path / "county.backup"
    call_command("backup", output=str(output), key_file=str(key_file))
    return output


def _live_row_counts() -> dict:
    """Every table's row count in the live database, read through Django's own connection
    (whose type conversion would make a checksum differ from a raw reader's)."""
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - catalogue names
            counts[table] = cursor.fetchone()[0]
    return counts


def _restore(backup: Path, key_file: Path, tmp_path: Path, **options) -> str:
    from io import StringIO

    out = StringIO()
    if connection.vendor == "sqlite":
        options.setdefault("sqlite_file", str(tmp_path / "never.sqlite3"))
    call_command("restore", str(backup), key_file=str(key_file), stdout=out, **options)
    return out.getvalue()


def _flip_a_byte(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


def test_backup_is_sealed_and_says_what_it_holds(backup):
    data = backup.read_bytes()
    assert data.startswith(b"TEAMAROUND-BACKUP-1\n")
    # Encrypted: neither the database file's own header nor any name of six letters or more
    # (too long for random ciphertext to hold by chance; "Ava" is not) is readable in it.
    assert b"SQLite format 3" not in data and b"PGDMP" not in data
    names = {n for p in Person.objects.all() for n in (p.forenames, p.surname) if len(n) >= 6}
    assert names, "the family should have a name long enough to look for"
    for name in names:
        assert name.encode() not in data
    assert not backup.with_name(backup.name + ".partial").exists()
    assert AuditEvent.objects.filter(summary__startswith="Backup written").exists()


class _EmptyDatabase:
    """An empty database of the suite's own engine to restore into: a new SQLite file, or a
    new PostgreSQL database (dropped afterwards). `count(table)` reads the restored copy."""

    def __init__(self, tmp_path: Path):
        self.vendor = connection.vendor
        if self.vendor == "sqlite":
            self.path = tmp_path / "restored.sqlite3"
            self.options = {"sqlite_file": str(self.path)}
        else:
            self.name = f"ta_restore_{uuid.uuid4().hex[:8]}"
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{self.name}"')
            self.url = postgres_url(connection.settings_dict, self.name)
            self.options = {"database_url": self.url}

    def _connect(self):
        if self.vendor == "sqlite":
            return sqlite3.connect(self.path)
        import psycopg

        return psycopg.connect(self.url)

    def tables(self) -> dict:
        with closing(self._connect()) as restored:
            return manifest_tables(restored.cursor(), self.vendor)

    def count(self, table: str) -> int:
        with closing(self._connect()) as restored:
            cursor = restored.cursor()
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - fixed names
            return cursor.fetchone()[0]

    def drop(self):
        if self.vendor != "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def empty_database(tmp_path):
    database = _EmptyDatabase(tmp_path)
    yield database
    database.drop()


def test_round_trip_matches_table_by_table(backup, key_file, tmp_path, empty_database):
    """Restored into an empty database of the same engine, every table's checksum matches
    the backup's manifest (the command checks it) and every table has the live database's
    rows (but the audit trail, to which the backup itself added its event)."""
    live = _live_row_counts()
    printed = _restore(backup, key_file, tmp_path, **empty_database.options)
    assert "Restored and verified" in printed
    restored = {table: summary["rows"] for table, summary in empty_database.tables().items()}
    assert set(restored) == set(live)
    differ = {table for table in live if live[table] != restored[table]}
    assert differ <= {"core_auditevent", "core_auditchainhead"}
    assert empty_database.count("people_person") == Person.objects.count() > 0
    assert empty_database.count("people_family") == Family.objects.count() > 0
    assert empty_database.count("earlyhelp_episode") > 0


def test_restore_refuses_a_database_that_is_not_empty(backup, key_file, tmp_path, empty_database):
    _restore(backup, key_file, tmp_path, **empty_database.options)
    with pytest.raises(CommandError, match="not empty"):
        _restore(backup, key_file, tmp_path, **empty_database.options)


def test_a_backup_cut_short_is_unusable_and_nothing_is_restored(
    tmp_path, key_file, family, episode
):
    output = tmp_path / "cut.backup"
    key = parse_key(key_file.read_text())
    with pytest.raises(OSError, match="Interrupted"):
        write_backup(connection, output, key, interrupt_after=40_000)
    partial = output.with_name(output.name + ".partial")
    assert partial.exists() and not output.exists()
    with pytest.raises(CommandError, match="unusable and nothing was restored"):
        _restore(partial, key_file, tmp_path, database_url="postgresql://nowhere/never")
    assert not (tmp_path / "never.sqlite3").exists()


def test_a_changed_byte_makes_the_backup_unusable(backup, key_file, tmp_path):
    _flip_a_byte(backup, backup.stat().st_size // 2)
    with pytest.raises(CommandError, match="unusable"):
        _restore(backup, key_file, tmp_path, database_url="postgresql://nowhere/never")
    assert not (tmp_path / "never.sqlite3").exists()


def test_a_truncated_copy_of_a_finished_backup_is_unusable(backup, key_file, tmp_path):
    data = backup.read_bytes()
    backup.write_bytes(data[: len(data) - 100])
    with pytest.raises(CommandError, match="unusable"):
        _restore(backup, key_file, tmp_path, database_url="postgresql://nowhere/never")


def test_another_key_cannot_open_the_backup(backup, tmp_path):
    other = tmp_path / "other.key"
    other.write_text(new_key())
    with pytest.raises(CommandError, match="unusable"):
        _restore(backup, other, tmp_path, database_url="postgresql://nowhere/never")


def test_backup_needs_a_key(tmp_path, monkeypatch):
    monkeypatch.delenv("TEAMAROUND_BACKUP_KEY", raising=False)
    with pytest.raises(CommandError, match="TEAMAROUND_BACKUP_KEY"):
        call_command("backup", output=str(tmp_path / "x.backup"))
    bad = tmp_path / "bad.key"
    bad.write_text("not-a-key")
    with pytest.raises(CommandError, match="32 bytes|base64"):
        call_command("backup", output=str(tmp_path / "x.backup"), key_file=str(bad))
