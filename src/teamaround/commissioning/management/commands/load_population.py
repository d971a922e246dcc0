"""`teamaround load_population [FILE]`: load the child population by district and age band."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teamaround.commissioning.population import ESSEX_POPULATION, load_population
from teamaround.core.errors import ValidationFailed


class Command(BaseCommand):
    help = "Load children by district and age band from a JSON file (Essex default)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(ESSEX_POPULATION))

    def handle(self, *args, file, **options):
        try:
            loaded = load_population(json.loads(Path(file).read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError) as error:
            raise CommandError(f"Cannot load {file}: {error}") from error
        except ValidationFailed as error:
            raise CommandError(f"Cannot load {file}: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Loaded {loaded} population rows."))
