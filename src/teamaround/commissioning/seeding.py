"""Seeding for the commissioning pages: the Essex child population the rates are per 10,000
of (the casework apps' seeders make the activity the needs analysis counts). A small county
(`teamaround seed --county small`) gets the figures of the districts it has."""

from teamaround.commissioning.models import PriorityArea
from teamaround.commissioning.population import essex_population, load_population
from teamaround.commissioning.priorities import essex_priorities, load_priorities
from teamaround.core.models import District


def seed(context) -> None:
    with context.step("Child population by district"):
        data = essex_population()
        seeded = set(District.objects.values_list("code", flat=True))
        data["districts"] = [d for d in data.get("districts", []) if d.get("code") in seeded]
        load_population(data)
    with context.step("Resource Envelope priority areas"):
        load_priorities(essex_priorities(), model=PriorityArea)
