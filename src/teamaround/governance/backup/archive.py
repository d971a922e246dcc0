"""Writing and reading a backup file: a sealed tar stream holding the manifest and the
database copy. A backup is written to `<file>.partial` and renamed only when it is complete,
so an interrupted backup never takes a finished one's name (and restoring the partial file is
refused: it has no sealed end)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.utils import timezone

from teamaround.governance.backup import engines
from teamaround.governance.backup.sealed import SealedReader, SealedWriter, UnusableBackup
from teamaround.governance.backup.tables import compare

PAYLOAD = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def write_backup(connection, output: Path, key: bytes, *, interrupt_after: int | None = None):
    """Back up Django's `connection` to `output`; returns the manifest.
    `interrupt_after` (bytes) is for tests: stop there, as a crash would."""
    vendor = engines.vendor_of(connection.settings_dict)
    with tempfile.TemporaryDirectory() as work:
        payload = Path(work) / PAYLOAD[vendor]
        if vendor == "sqlite":
            tables = engines.copy_sqlite(connection, payload)
        else:
            tables = engines.dump_postgres(connection.settings_dict, payload)
        manifest = {
            "format": 1,
            "engine": vendor,
            "created_at": timezone.now().isoformat(),
            "payload": {
                "name": payload.name,
                "sha256": _sha256(payload),
                "bytes": payload.stat().st_size,
            },
            "tables": tables,
        }
        partial = output.with_name(output.name + ".partial")
        with partial.open("wb") as raw:
            sink = _Cut(raw, interrupt_after) if interrupt_after is not None else raw
            sealed = SealedWriter(sink, key)
            with tarfile.open(fileobj=sealed, mode="w|") as archive:
                data = json.dumps(manifest, indent=1).encode()
                info = tarfile.TarInfo("manifest.json")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
                archive.add(payload, arcname=payload.name)
            sealed.close()
            raw.flush()
            os.fsync(raw.fileno())
        partial.replace(output)
    return manifest


class _Cut:
    def __init__(self, raw, limit: int):
        self.raw, self.left = raw, limit

    def write(self, data) -> int:
        if len(data) > self.left:
            self.raw.write(data[: self.left])
            self.raw.flush()
            raise OSError("Interrupted (test)")
        self.left -= len(data)
        return self.raw.write(data)

    def flush(self):
        self.raw.flush()


def read_backup(path: Path, key: bytes, work: Path) -> tuple[dict, Path]:
    """Open and check a backup into `work`: (manifest, payload path). Raises UnusableBackup
    for anything cut short, changed, sealed with another key or not matching its manifest."""
    with path.open("rb") as raw:
        sealed = SealedReader(raw, key)
        manifest, payload = None, None
        try:
            with tarfile.open(fileobj=sealed, mode="r|") as archive:
                for member in archive:
                    if member.name == "manifest.json":
                        manifest = json.loads(archive.extractfile(member).read())
                    elif member.name in PAYLOAD.values() and member.isfile():
                        payload = work / member.name
                        with payload.open("wb") as out:
                            shutil.copyfileobj(archive.extractfile(member), out, 1024 * 1024)
            sealed.finish()
        except tarfile.TarError as error:
            raise UnusableBackup(f"The backup's contents are damaged ({error}).") from error
    if manifest is None or payload is None:
        raise UnusableBackup("The backup has no manifest or no database in it.")
    if _sha256(payload) != manifest["payload"]["sha256"]:
        raise UnusableBackup("The database in the backup does not match its manifest.")
    return manifest, payload


def restore_backup(
    path: Path, key: bytes, *, sqlite_file: Path | None = None, postgres_url: str | None = None
) -> dict:
    """Restore into an empty database and compare it with the manifest, table by table.
    Returns {"manifest", "tables", "problems"}; nothing is restored from an unusable file."""
    with tempfile.TemporaryDirectory() as work:
        manifest, payload = read_backup(path, key, Path(work))
        if manifest["engine"] == "sqlite":
            if sqlite_file is None:
                raise ValueError("Say which SQLite file to restore into.")
            tables = engines.restore_sqlite(payload, sqlite_file)
        else:
            if postgres_url is None:
                raise ValueError("Say which PostgreSQL database to restore into.")
            tables = engines.restore_postgres(payload, postgres_url)
    return {"manifest": manifest, "tables": tables, "problems": compare(manifest["tables"], tables)}
