"""`teamaround import_oruk FILE`: import an Open Referral UK JSON feed, all or nothing."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teamaround.core.access import SYSTEM
from teamaround.directory.oruk.feed import FeedRejected, oruk_feed_import


class Command(BaseCommand):
    help = "Import an Open Referral UK (HSDS 3.0 UK profile) JSON feed into the directory."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A JSON file: a list of services or a page")

    def handle(self, *args, file: Path, **options):
        try:
            feed = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {file}") from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{file} is not JSON: {error}") from error
        self.stdout.write(f"Checking {file}...")

        def progress(done: int, total: int) -> None:
            step = max(1, total // 20)
            if done == total or done % step == 0:
                self.stdout.write(
                    f"  imported {done:,} of {total:,} services ({done * 100 // total}%)"
                )

        try:
            report = oruk_feed_import(actor=SYSTEM, feed=feed, progress=progress)
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
                f"added; {report.locations_created} places added."
            )
        )
