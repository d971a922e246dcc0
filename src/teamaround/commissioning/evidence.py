"""The evidence base's rating scale, loaded from a JSON file (the Early Intervention
Foundation guidebook's levels as the default). Used by a data migration on a fresh install;
re-running updates levels by their code and never duplicates. A council edits the scale on
the evidence base page afterwards."""

import json
from pathlib import Path

EIF_LEVELS = Path(__file__).resolve().parent / "data" / "eif_evidence_levels.json"


def eif_levels() -> dict:
    return json.loads(EIF_LEVELS.read_text(encoding="utf-8"))


def load_levels(data: dict, *, model) -> int:
    """`model` is passed in so a migration can use its historical model."""
    for order, level in enumerate(data.get("levels", [])):
        model.objects.update_or_create(
            code=level["code"],
            defaults={
                "name": level["name"],
                "description": level.get("description", ""),
                "display_order": order,
            },
        )
    return len(data.get("levels", []))
