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


@pytest.fixture
def priorities(db):
    """The Essex priority areas (a migration loads them; a flush by a transactional test may
    have emptied the table, so load again, idempotently)."""
    from teamaround.commissioning.models import PriorityArea
    from teamaround.commissioning.priorities import essex_priorities, load_priorities

    load_priorities(essex_priorities(), model=PriorityArea)
    return {p.code: p for p in PriorityArea.objects.all()}


@pytest.fixture
def committed_package(db):
    """committed_package(district, provider, cost, starts_on, panel="maag"): a package of
    support agreed at a panel with one part from `provider` (built as the panels app would
    record it)."""
    from datetime import timedelta

    from django.utils import timezone

    from teamaround.core.access import SYSTEM
    from teamaround.core.models import District, NeedDomain, WindscreenLevel
    from teamaround.directory import services as directory
    from teamaround.panels import services as panels
    from teamaround.panels.models import (
        AgendaItem,
        PackageOfSupport,
        PackagePart,
        PanelDecision,
        PanelMeeting,
        PanelType,
    )
    from teamaround.panels.services.types import essex_panel_types

    panels.panel_types_load(actor=SYSTEM, data=essex_panel_types())
    made = {}

    def make(district, provider, cost, starts_on, panel="maag"):
        kind = PanelType.objects.get(code=panel)
        key = (panel, district.pk)
        if key not in made:
            made[key] = panels.panel_create(
                actor=SYSTEM,
                panel_type=kind,
                name=f"{kind.short_name} {district.name}",
                district=district if kind.scope == "district" else None,
                quadrant=district.quadrant if kind.scope == "quadrant" else None,
            )
        on = made[key]
        if provider.pk in made:
            return _package(on, made[provider.pk], provider, district, cost, starts_on)
        organisation = directory.organisation_create(
            actor=SYSTEM, name=f"{provider.name} services", description="Help.", agency=provider
        )
        service = directory.service_create(
            actor=SYSTEM,
            organisation=organisation,
            name=f"Service of {provider.name}",
            description="Help for families.",
            access_routes=["via_panel"],
            review_date=timezone.localdate() + timedelta(days=200),
            levels=list(WindscreenLevel.objects.filter(number=2)),
            needs_met=list(NeedDomain.objects.all()[:1]),
            districts=list(District.objects.all()),
        )
        made[provider.pk] = service
        return _package(on, service, provider, district, cost, starts_on)

    def _package(panel, service, provider, district, cost, starts_on):
        meeting = PanelMeeting.objects.create(panel=panel, held_on=starts_on, agenda_limit=10)
        item = AgendaItem.objects.create(meeting=meeting, position=1)
        decision = PanelDecision.objects.create(item=item, kind="package", summary="Package")
        package = PackageOfSupport.objects.create(
            decision=decision,
            panel=panel,
            district=district,
            starts_on=starts_on,
            duration_weeks=12,
            review_on=starts_on + timedelta(weeks=12),
        )
        PackagePart.objects.create(package=package, service=service, provider=provider, cost=cost)
        return package

    return make
