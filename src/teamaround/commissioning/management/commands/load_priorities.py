"""`teamaround load_priorities [FILE]`: load the Resource Envelope's priority areas."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teamaround.commissioning.models import PriorityArea
from teamaround.commissioning.priorities import ESSEX_PRIORITIES, load_priorities


class Command(BaseCommand):
    help = "Load the Resource Envelope's priority areas from a JSON file (Essex default)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(ESSEX_PRIORITIES))

    def handle(self, *args, file, **options):
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
            loaded = load_priorities(data, model=PriorityArea)
        except (OSError, json.JSONDecodeError, KeyError) as error:
            raise CommandError(f"Cannot load {file}: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Loaded {loaded} priority areas."))
