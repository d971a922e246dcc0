"""Seeding for the commissioning pages: the Essex child population the rates are per 10,000
of (the casework apps' seeders make the activity the needs analysis counts)."""

from teamaround.commissioning.population import essex_population, load_population


def seed(context) -> None:
    with context.step("Child population by district"):
        load_population(essex_population())
