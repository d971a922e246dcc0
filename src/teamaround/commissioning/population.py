"""Loading the child population by district and age band from a JSON file (Essex default).
Re-running replaces each district's bands; a district the council has not loaded is an error
naming it, and nothing is written unless the whole file is good."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction

from teamaround.commissioning.models import ChildPopulation
from teamaround.core.errors import ValidationFailed
from teamaround.core.models import District

ESSEX_POPULATION = Path(__file__).resolve().parent / "data" / "essex_population.json"


def essex_population() -> dict:
    return json.loads(ESSEX_POPULATION.read_text(encoding="utf-8"))


def load_population(data: dict) -> int:
    """Returns the number of rows loaded."""
    districts = {d.code: d for d in District.objects.all()}
    errors, rows = [], []
    year = data.get("year")
    if not isinstance(year, int):
        errors.append("The file must give the year of the estimate.")
    for entry in data.get("districts", []):
        district = districts.get(entry.get("code"))
        if district is None:
            errors.append(f"Unknown district {entry.get('code')!r}.")
            continue
        for band, children in (entry.get("children") or {}).items():
            if not isinstance(children, int) or children < 0:
                errors.append(f"{entry['code']} {band}: the number of children must be whole.")
                continue
            rows.append(ChildPopulation(district=district, age_band=band, children=children))
    if not rows and not errors:
        errors.append("The file has no districts.")
    if errors:
        raise ValidationFailed({"file": errors})
    with transaction.atomic():
        ChildPopulation.objects.filter(district__in={r.district for r in rows}).delete()
        for row in rows:
            row.year = year
        ChildPopulation.objects.bulk_create(rows)
    return len(rows)
