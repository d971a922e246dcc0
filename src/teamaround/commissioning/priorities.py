"""Loading the Resource Envelope's priority areas from a JSON file (Essex default). Used by a
data migration on a fresh install and by `teamaround load_priorities FILE`; re-running
updates rows by their code and never duplicates."""

import json
from pathlib import Path

ESSEX_PRIORITIES = Path(__file__).resolve().parent / "data" / "essex_priorities.json"


def essex_priorities() -> dict:
    return json.loads(ESSEX_PRIORITIES.read_text(encoding="utf-8"))


def load_priorities(data: dict, *, model) -> int:
    """`model` is passed in so a migration can use its historical model."""
    for order, area in enumerate(data.get("priority_areas", [])):
        model.objects.update_or_create(
            code=area["code"],
            defaults={
                "name": area["name"],
                "description": area.get("description", ""),
                "panel_types": area.get("panel_types", []),
                "display_order": order,
            },
        )
    return len(data.get("priority_areas", []))
