"""`teamaround load_geography [FILE]`: load a council's quadrants, districts and postcodes.

Without a file it loads the Essex default. Safe to re-run: existing codes are updated.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teamaround.core.access import SYSTEM
from teamaround.core.errors import ValidationFailed
from teamaround.core.services import geography_load

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "essex_geography.json"


class Command(BaseCommand):
    help = "Load quadrants, districts and postcode outward codes from a JSON geography file."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE))

    def handle(self, *args, file, **options):
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        try:
            geography = geography_load(actor=SYSTEM, data=data)
        except ValidationFailed as failure:
            for where, messages in failure.errors.items():
                for message in messages:
                    self.stderr.write(f"{where}: {message}")
            raise CommandError("Nothing was loaded.") from failure
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {geography.council}: {len(geography.quadrants)} quadrants, "
                f"{len(geography.districts)} districts."
            )
        )
