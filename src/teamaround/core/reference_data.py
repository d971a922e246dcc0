"""Loading the Windscreen levels and need domains from a reference file (Essex by default).

Used by a data migration on a fresh install and by `teamaround load_reference_data FILE` for a
council's own list. Re-running updates rows by their number or code and never duplicates.
"""

import json
from pathlib import Path

ESSEX_REFERENCE = Path(__file__).resolve().parent / "data" / "essex_reference.json"


def load_reference_data(data: dict, *, level_model, domain_model) -> tuple[int, int]:
    """Models are passed in so a migration can use its historical models."""
    for level in data.get("windscreen_levels", []):
        level_model.objects.update_or_create(
            number=level["number"],
            defaults={
                "name": level["name"],
                "summary": level.get("summary", ""),
                "descriptors": level.get("descriptors", []),
                "typical_response": level.get("typical_response", ""),
            },
        )
    for order, domain in enumerate(data.get("need_domains", [])):
        domain_model.objects.update_or_create(
            code=domain["code"],
            defaults={
                "name": domain["name"],
                "description": domain.get("description", ""),
                "display_order": order,
            },
        )
    return len(data.get("windscreen_levels", [])), len(data.get("need_domains", []))


def essex_reference() -> dict:
    return json.loads(ESSEX_REFERENCE.read_text(encoding="utf-8"))
