"""The manifest: every table's row count and a checksum of its rows in a fixed order, read
through a DB-API cursor (SQLite or PostgreSQL), so a restored database can be compared with
the one that was backed up, table by table."""

from __future__ import annotations

import hashlib


def table_names(cursor, vendor: str) -> list[str]:
    if vendor == "sqlite":
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return sorted(row[0] for row in cursor.fetchall())


def _plain(value) -> str:
    if isinstance(value, bytes | memoryview | bytearray):
        return bytes(value).hex()
    return repr(value)


def table_summary(cursor, table: str) -> dict:
    cursor.execute(f'SELECT * FROM "{table}" LIMIT 0')  # noqa: S608 - names from the catalogue
    width = len(cursor.description)
    order = ", ".join(str(n) for n in range(1, width + 1))
    cursor.execute(f'SELECT * FROM "{table}" ORDER BY {order}')  # noqa: S608
    digest, rows = hashlib.sha256(), 0
    while True:
        batch = cursor.fetchmany(5000)
        if not batch:
            break
        for row in batch:
            digest.update("\x1f".join(_plain(v) for v in row).encode() + b"\x1e")
            rows += 1
    return {"rows": rows, "sha256": digest.hexdigest()}


def manifest_tables(cursor, vendor: str) -> dict:
    return {table: table_summary(cursor, table) for table in table_names(cursor, vendor)}


def compare(expected: dict, actual: dict) -> list[str]:
    """The tables that differ, each with what differs (empty: identical)."""
    problems = []
    for table in sorted(set(expected) | set(actual)):
        want, got = expected.get(table), actual.get(table)
        if want is None:
            problems.append(f"{table}: not in the backup")
        elif got is None:
            problems.append(f"{table}: missing after restore")
        elif want["rows"] != got["rows"]:
            problems.append(f"{table}: {got['rows']} rows, expected {want['rows']}")
        elif want["sha256"] != got["sha256"]:
            problems.append(f"{table}: contents differ")
    return problems
