"""`teamaround load_panel_types [file]`: load a council's panel types (Essex by default).

The file has the shape of data/essex_panel_types.json. It lands whole or reports every bad row.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teamaround.core.access import SYSTEM
from teamaround.core.errors import DomainError
from teamaround.panels.services import panel_types_load
from teamaround.panels.services.types import ESSEX_PANEL_TYPES


class Command(BaseCommand):
    help = "Load panel types from a JSON file (default: the Essex panel types)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(ESSEX_PANEL_TYPES))

    def handle(self, *args, path, **options):
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            loaded = panel_types_load(actor=SYSTEM, data=data)
        except (OSError, ValueError) as error:
            raise CommandError(f"Could not read {path}: {error}") from error
        except DomainError as error:
            lines = [f"{key}: {'; '.join(msgs)}" for key, msgs in error.errors.items()]
            raise CommandError("Nothing loaded:\n" + "\n".join(lines)) from error
        self.stdout.write(f"Loaded {len(loaded)} panel types.")
