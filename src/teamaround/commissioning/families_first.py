"""The Families First outcomes, loaded from a JSON file (default: the ten headline outcomes of
DfE's Supporting Families outcome framework, each mapped from the need domains). Used by a data
migration on a fresh install; re-running updates outcomes by their code and never duplicates.
The commissioner edits them afterwards on the Families First outcomes page."""

import json
from pathlib import Path

DEFAULT_OUTCOMES = Path(__file__).resolve().parent / "data" / "families_first_outcomes.json"


def default_outcomes() -> dict:
    return json.loads(DEFAULT_OUTCOMES.read_text(encoding="utf-8"))


def load_outcomes(data: dict, *, model, domain_model) -> int:
    """`model` and `domain_model` are passed in so a migration can use its historical models.
    A need domain the council does not have is left out of the mapping."""
    for order, item in enumerate(data.get("outcomes", [])):
        outcome, _ = model.objects.update_or_create(
            code=item["code"],
            defaults={
                "name": item["name"],
                "description": item.get("description", ""),
                "display_order": order,
            },
        )
        outcome.need_domains.set(domain_model.objects.filter(code__in=item.get("need_domains", [])))
    return len(data.get("outcomes", []))
