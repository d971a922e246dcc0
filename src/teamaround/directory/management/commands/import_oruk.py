"""`teamaround import_oruk FILE [--source NAME]`: import an Open Referral UK document (JSON
or NDJSON), all or nothing, namespaced by its source (by default the file's name)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teamaround.core.access import SYSTEM
from teamaround.directory.oruk.feed import FeedRejected, oruk_feed_import, read_document


class Command(BaseCommand):
    help = "Import an Open Referral UK (HSDS 3.0 UK profile) JSON feed into the directory."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", type=Path, help="JSON or NDJSON: a record, a page, a list or a bundle"
        )
        parser.add_argument(
            "--source",
            default="",
            help="Who publishes it (e.g. their API's address). Records are namespaced by it: "
            "importing from the same source again updates the same records. Default: the "
            "file's name.",
        )

    def handle(self, *args, file: Path, source: str = "", **options):
        source = source or file.name
        try:
            text = file.read_text(encoding="utf-8")
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {file}") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{file} is not UTF-8 text: {error}") from error
        self.stdout.write(f"Checking {file} (source: {source})...")

        def progress(done: int, total: int) -> None:
            step = max(1, total // 20)
            if done == total or done % step == 0:
                self.stdout.write(
                    f"  imported {done:,} of {total:,} services ({done * 100 // total}%)"
                )

        try:
            report = oruk_feed_import(
                actor=SYSTEM, feed=read_document(text), source=source, progress=progress
            )
        except FeedRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(str(rejected)) from rejected
        for note in report.notes:
            self.stdout.write(f"  note: {note}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {report.services_created} services added, "
                f"{report.services_updated} updated; {report.organisations_created} organisations "
                f"added; {report.locations_created} places added; {report.taxonomy_terms} "
                "taxonomy terms."
            )
        )
