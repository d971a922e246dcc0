"""`teamaround restore FILE`: restore a backup into an EMPTY database and check every table's
row count and checksum against the backup's manifest. An incomplete, changed or wrongly keyed
backup is reported as unusable and nothing is restored.

SQLite restores into --sqlite-file (default: the configured database file); PostgreSQL into
--database-url (default: DATABASE_URL), which must be an empty database."""

import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from teamaround.governance.backup.archive import restore_backup
from teamaround.governance.backup.sealed import UnusableBackup
from teamaround.governance.management.commands.backup import backup_key


class Command(BaseCommand):
    help = "Restore a backup into an empty database and verify it against its manifest."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--key-file")
        parser.add_argument("--sqlite-file", help="The SQLite file to restore into.")
        parser.add_argument("--database-url", help="The empty PostgreSQL database to restore into.")

    def handle(self, *args, **options):
        key = backup_key(options["key_file"])
        settings = connections["default"].settings_dict
        sqlite_file = options["sqlite_file"] or (
            settings["NAME"] if settings["ENGINE"].endswith("sqlite3") else None
        )
        started = time.perf_counter()
        try:
            result = restore_backup(
                Path(options["file"]),
                key,
                sqlite_file=Path(sqlite_file) if sqlite_file else None,
                postgres_url=options["database_url"] or os.environ.get("DATABASE_URL"),
            )
        except UnusableBackup as error:
            raise CommandError(
                f"The backup is unusable and nothing was restored: {error}"
            ) from error
        except (FileExistsError, FileNotFoundError, ValueError) as error:
            raise CommandError(str(error)) from error
        seconds = time.perf_counter() - started
        if result["problems"]:
            raise CommandError(
                "Restored, but it does not match the manifest: " + "; ".join(result["problems"])
            )
        rows = sum(table["rows"] for table in result["tables"].values())
        self.stdout.write(
            f"Restored and verified: {len(result['tables'])} tables, {rows:,} rows match the "
            f"manifest of {result['manifest']['created_at']}, in {seconds:.1f} s."
        )
