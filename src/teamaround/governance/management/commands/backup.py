"""`teamaround backup --output FILE`: a consistent, encrypted backup of the database with a
manifest of every table's row count and checksum. The key comes from TEAMAROUND_BACKUP_KEY
(or --key-file); `--new-key` prints a fresh one to keep safe, apart from the backups."""

import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from teamaround.core.access import SYSTEM
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.governance.backup.archive import write_backup
from teamaround.governance.backup.sealed import new_key, parse_key


def backup_key(key_file: str | None) -> bytes:
    text = Path(key_file).read_text() if key_file else os.environ.get("TEAMAROUND_BACKUP_KEY", "")
    if not text.strip():
        raise CommandError(
            "Set TEAMAROUND_BACKUP_KEY or give --key-file (make one with --new-key)."
        )
    try:
        return parse_key(text)
    except ValueError as error:
        raise CommandError(str(error)) from error


class Command(BaseCommand):
    help = "Write a consistent, encrypted backup of the database, with a manifest."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="The backup file to write.")
        parser.add_argument("--key-file", help="A file holding the backup key.")
        parser.add_argument("--database", default="default")
        parser.add_argument("--new-key", action="store_true", help="Print a new key and stop.")

    def handle(self, *args, **options):
        if options["new_key"]:
            self.stdout.write(new_key())
            return
        if not options["output"]:
            raise CommandError("Say where to write the backup: --output FILE.")
        key = backup_key(options["key_file"])
        output = Path(options["output"])
        started = time.perf_counter()
        manifest = write_backup(connections[options["database"]], output, key)
        seconds = time.perf_counter() - started
        rows = sum(table["rows"] for table in manifest["tables"].values())
        audit_record(
            action=AuditAction.EXPORT,
            actor=SYSTEM,
            summary=f"Backup written: {len(manifest['tables'])} tables, {rows} rows",
        )
        self.stdout.write(
            f"Backup written to {output}: {manifest['engine']}, {len(manifest['tables'])} "
            f"tables, {rows:,} rows, {output.stat().st_size:,} bytes, in {seconds:.1f} s."
        )
