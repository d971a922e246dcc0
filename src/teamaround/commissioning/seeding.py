"""Seeding for the commissioning pages: the Essex child population the rates are per 10,000
of (the casework apps' seeders make the activity the needs analysis counts)."""

from teamaround.commissioning.models import PriorityArea
from teamaround.commissioning.population import essex_population, load_population
from teamaround.commissioning.priorities import essex_priorities, load_priorities


def seed(context) -> None:
    with context.step("Child population by district"):
        load_population(essex_population())
    with context.step("Resource Envelope priority areas"):
        load_priorities(essex_priorities(), model=PriorityArea)
