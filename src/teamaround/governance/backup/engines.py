"""Taking a consistent copy of the database and putting it back, for each engine.

SQLite: the online backup API copies the live database page by page into a new file, which
is consistent by construction; the manifest is read from that copy. PostgreSQL: one
REPEATABLE READ transaction exports its snapshot; `pg_dump --snapshot` (custom format) dumps
exactly that snapshot and the manifest is read inside the same transaction, so both describe
the same moment while the service keeps running.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore, with fixed arguments
from pathlib import Path
from urllib.parse import quote

from teamaround.governance.backup.tables import manifest_tables, table_names


def vendor_of(settings_dict: dict) -> str:
    engine = settings_dict["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise ValueError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def postgres_url(settings_dict: dict, name: str | None = None) -> str:
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or 5432
    return f"postgresql://{auth}{host}:{port}/{name or settings_dict['NAME']}"


def copy_sqlite(connection, target: Path) -> dict:
    """Copy the live SQLite database (Django's connection) to `target`; manifest from the copy."""
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
        return manifest_tables(destination.cursor(), "sqlite")
    finally:
        destination.close()


def dump_postgres(settings_dict: dict, target: Path) -> dict:
    import psycopg

    url = postgres_url(settings_dict)
    with psycopg.connect(url) as conn:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
        subprocess.run(  # noqa: S603
            [
                _tool("pg_dump"),
                "--format=custom",
                f"--snapshot={snapshot}",
                "--no-owner",
                f"--file={target}",
                f"--dbname={url}",
            ],
            check=True,
            capture_output=True,
        )
        tables = manifest_tables(conn.cursor(), "postgresql")
        conn.rollback()
    return tables


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} is needed to back up or restore PostgreSQL.")
    return found


def restore_sqlite(payload: Path, target: Path) -> dict:
    if target.exists() and target.stat().st_size:
        existing = sqlite3.connect(target)
        try:
            if table_names(existing.cursor(), "sqlite"):
                raise FileExistsError(
                    f"{target} is not empty: restore only into an empty database."
                )
        finally:
            existing.close()
    shutil.copyfile(payload, target)
    restored = sqlite3.connect(target)
    try:
        return manifest_tables(restored.cursor(), "sqlite")
    finally:
        restored.close()


def restore_postgres(payload: Path, url: str) -> dict:
    import psycopg

    with psycopg.connect(url) as conn:
        if table_names(conn.cursor(), "postgresql"):
            raise FileExistsError("The database is not empty: restore only into an empty one.")
    subprocess.run(  # noqa: S603
        [_tool("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={url}", str(payload)],
        check=True,
        capture_output=True,
        env=os.environ.copy(),
    )
    with psycopg.connect(url) as conn:
        return manifest_tables(conn.cursor(), "postgresql")
