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


def at(y, m, d, hour=10):
    from datetime import datetime

    from django.utils import timezone

    return timezone.make_aware(datetime(y, m, d, hour, 0))


@pytest.fixture
def hub_requests(county):
    """Alpha: 5 sent Friday 6 March decided Monday 9th (on time; one escalated again on 20
    April, which does not restart the clock), 5 sent Thursday 2 April decided Tuesday 7th
    (on time over Easter), 5 sent 2 April decided Wednesday 8th (late).
    Beta: 5 sent Monday 1 June decided the 2nd (on time), 5 sent 1 June not decided (overdue).
    One sent in Alpha in May 2025, before the period."""
    from teamaround.core.models import WindscreenLevel
    from teamaround.frontdoor.models import HubDecision, RequestForSupport

    a, b = county["a"], county["b"]
    level = WindscreenLevel.objects.get(number=2)
    n = 0

    def request(district, sent, decided=(), status="decided"):
        nonlocal n
        n += 1
        made = RequestForSupport.objects.create(
            reference=f"RFS{n:05d}",
            source="professional",
            status=status,
            district=district,
            submitted_at=sent,
        )
        for when in decided:
            HubDecision.objects.create(
                request=made,
                level=level,
                route="advice_signposting",
                rationale="Worked example",
                outcome_message="Worked example",
                decided_at=when,
            )
        return made

    for i in range(5):
        request(a, at(2026, 3, 6), [at(2026, 3, 9, 16)] + ([at(2026, 4, 20)] if i == 0 else []))
        request(a, at(2026, 4, 2), [at(2026, 4, 7, 16)])
        request(a, at(2026, 4, 2), [at(2026, 4, 8, 9)])
        request(b, at(2026, 6, 1), [at(2026, 6, 2, 16)])
        request(b, at(2026, 6, 1), status="submitted")
    request(a, at(2025, 5, 20), [at(2025, 5, 30)])
    return county


@pytest.fixture
def panel_activity(county):
    """MAAG Alpha (a district panel): held 12 May 2026, 10 cases, 5 heard and decided, 5
    carried over; closed 9 June, 6 heard, 5 decided; planned 30 June with 3 (not counted).
    MACE 2 South (a quadrant panel): held 14 April, 5 heard and decided, 5 carried over.
    Packages: MAAG's 10 decisions, 5 with their review past (1 June), 5 due 1 July; MACE 2's
    5 reviews past (14 June); one decommissioned package with a past review (not counted)."""
    from datetime import date, timedelta

    from teamaround.core.access import SYSTEM
    from teamaround.panels import services as panels
    from teamaround.panels.models import (
        AgendaItem,
        PackageOfSupport,
        PanelDecision,
        PanelMeeting,
        PanelType,
    )
    from teamaround.panels.services.types import essex_panel_types

    panels.panel_types_load(actor=SYSTEM, data=essex_panel_types())
    maag = panels.panel_create(
        actor=SYSTEM,
        panel_type=PanelType.objects.get(code="maag"),
        name="MAAG Alpha",
        district=county["a"],
    )
    mace = panels.panel_create(
        actor=SYSTEM,
        panel_type=PanelType.objects.get(code="mace2"),
        name="MACE 2 South",
        quadrant=county["c"].quadrant,
    )
    decisions = {"maag": [], "mace2": []}

    def meeting(panel, held_on, status, heard, decided, carried):
        held = PanelMeeting.objects.create(
            panel=panel, held_on=held_on, agenda_limit=20, status=status
        )
        for i in range(heard + carried):
            item = AgendaItem.objects.create(meeting=held, position=i + 1, heard=i < heard)
            if i < decided:
                decisions[panel.panel_type.code].append(
                    PanelDecision.objects.create(item=item, kind="package", summary="Package")
                )

    meeting(maag, date(2026, 5, 12), "held", 5, 5, 5)
    meeting(maag, date(2026, 6, 9), "closed", 6, 5, 0)
    meeting(maag, date(2026, 6, 30), "planned", 0, 0, 3)
    meeting(mace, date(2026, 4, 14), "held", 5, 5, 5)
    meeting(mace, date(2026, 1, 1), "planned", 0, 0, 0)

    def package(decision, panel, district, review_on, status="active"):
        PackageOfSupport.objects.create(
            decision=decision,
            panel=panel,
            district=district,
            starts_on=review_on - timedelta(weeks=12),
            duration_weeks=12,
            review_on=review_on,
            status=status,
        )

    for i, decision in enumerate(decisions["maag"]):
        package(decision, maag, county["a"], date(2026, 6, 1) if i < 5 else date(2026, 7, 1))
    for decision in decisions["mace2"]:
        package(decision, mace, county["c"], date(2026, 6, 14))
    spare = PanelMeeting.objects.create(panel=maag, held_on=date(2026, 2, 1), agenda_limit=5)
    item = AgendaItem.objects.create(meeting=spare, position=1, kind="package_review")
    package(
        PanelDecision.objects.create(item=item, kind="package", summary="Ended"),
        maag,
        county["a"],
        date(2026, 3, 1),
        status="decommissioned",
    )
    return county
