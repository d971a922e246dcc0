"""`teamaround load_reference_data [FILE]`: load a council's Windscreen levels and need domains."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teamaround.core.models import NeedDomain, WindscreenLevel
from teamaround.core.reference_data import ESSEX_REFERENCE, load_reference_data


class Command(BaseCommand):
    help = "Load Windscreen levels and need domains from a JSON file (Essex default)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(ESSEX_REFERENCE))

    def handle(self, *args, file, **options):
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
            levels, domains = load_reference_data(
                data, level_model=WindscreenLevel, domain_model=NeedDomain
            )
        except (OSError, json.JSONDecodeError, KeyError) as error:
            raise CommandError(f"Cannot load {file}: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Loaded {levels} levels and {domains} need domains."))
