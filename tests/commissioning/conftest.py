"""Commissioning fixtures: a small county of three districts with a known child population,
and the commissioner and data analyst who read it."""

import pytest

from teamaround.accounts.roles import Role
from teamaround.commissioning.models import ChildPopulation
from teamaround.core.models import District
from tests.factories import DistrictFactory, QuadrantFactory

BANDS = {"0-4": 0.25, "5-10": 0.35, "11-15": 0.28, "16-17": 0.12}


def populate(district, children):
    for band, share in BANDS.items():
        ChildPopulation.objects.create(
            district=district, age_band=band, children=round(children * share), year=2025
        )


@pytest.fixture
def county(db):
    """Districts A and B in the North quadrant (10,000 and 5,000 children), C in the South
    (20,000). Any districts a migration made are left out of the county."""
    District.objects.update(kind="neighbouring_unitary")
    north, south = (
        QuadrantFactory(code="north", name="North"),
        QuadrantFactory(code="south", name="South"),
    )
    a = DistrictFactory(code="alpha", name="Alpha", quadrant=north, display_order=1)
    b = DistrictFactory(code="beta", name="Beta", quadrant=north, display_order=2)
    c = DistrictFactory(code="gamma", name="Gamma", quadrant=south, display_order=3)
    for district, children in ((a, 10_000), (b, 5_000), (c, 20_000)):
        populate(district, children)
    return {"a": a, "b": b, "c": c}


@pytest.fixture
def commissioner(make_user):
    return make_user(Role.COMMISSIONER, username="commissioner")


@pytest.fixture
def analyst(make_user):
    return make_user(Role.DATA_ANALYST, username="analyst")
