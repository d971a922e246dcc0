"""Who may read and change the commissioning records (tests/matrix.py explains the table).

Commissioning holds counts, never a person's record, but what it shows is drawn from every
casework app, so its reads are as closed as theirs: only commissioners and data analysts.
A data analyst records any agency's spend, a commissioner only their own agency's; only a
commissioner judges a service, builds a board pack or changes the evidence base and the
Families First outcomes. Everyone else, another agency's practitioner and anonymous are
refused everything."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.commissioning import selectors, services
from teamaround.commissioning.models import EvidenceLevel, FamiliesFirstOutcome, PriorityArea
from teamaround.commissioning.selectors.needs import area_for
from teamaround.core.access import SYSTEM
from teamaround.core.models import NeedDomain, WindscreenLevel
from teamaround.directory import services as directory
from tests.factories import AgencyFactory, DistrictFactory, TeamFactory
from tests.matrix import allowed, built_once, cast, cells

pytestmark = pytest.mark.django_db

TABLE = {
    #                            prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "needs_analysis":           "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "performance":              "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "unmet_need":               "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "families_first":           "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "envelope":                 "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "service_impact":           "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "board_packs":              "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "interventions":            "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "spend_own_agency":         "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "spend_another_agency":     "-    -    -    -    -    -    -     -    Y    -     -   -   | -     -",
    "spend_import":             "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "service_judgement":        "-    -    -    -    -    -    -     Y    -    -     -   -   | -     -",
    "board_pack_request":       "-    -    -    -    -    -    -     Y    -    -     -   -   | -     -",
    "intervention_save":        "-    -    -    -    -    -    -     Y    -    -     -   -   | -     -",
    "evidence_level_save":      "-    -    -    -    -    -    -     Y    -    -     -   -   | -     -",
    "families_first_outcome":   "-    -    -    -    -    -    -     Y    -    -     -   -   | -     -",
}  # fmt: skip


def build():
    team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.COUNCIL_EARLY_HELP))
    other_team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL))
    matrix = cast(team, other_team, prefix="commissioning")
    district = DistrictFactory()
    provider = AgencyFactory(name="Family Trust", kind=AgencyKind.VOLUNTARY)
    organisation = directory.organisation_create(
        actor=SYSTEM, name="Family Trust services", description="Help.", agency=provider
    )
    service = directory.service_create(
        actor=SYSTEM,
        organisation=organisation,
        name="Parenting together",
        description="Help for families.",
        access_routes=["via_panel"],
        review_date=timezone.localdate() + timedelta(days=200),
        levels=list(WindscreenLevel.objects.filter(number=2)),
        needs_met=list(NeedDomain.objects.all()[:1]),
        districts=[district],
    )
    return SimpleNamespace(
        matrix=matrix,
        own_agency=team.agency,
        other_agency=other_team.agency,
        district=district,
        priority=PriorityArea.objects.filter(is_active=True).first(),
        service=service,
        level=EvidenceLevel.objects.first(),
        outcome=FamiliesFirstOutcome.objects.first(),
    )


world = built_once(build)


def _spend(w, agency):
    return lambda a: services.spend_record(
        actor=a,
        agency=agency,
        priority=w.priority,
        district=w.district,
        financial_year=2026,
        amount=Decimal("1200.00"),
    )


def _operations(w):
    county = area_for("")
    spend_file = (
        f"Priority,District,Financial year,Amount\n{w.priority.code},{w.district.code},2026,500\n"
    ).encode()
    return {
        "needs_analysis": lambda a: selectors.needs_analysis(actor=a, area=county),
        "performance": lambda a: selectors.performance_figures(actor=a, area=county),
        "unmet_need": lambda a: selectors.unmet_need(actor=a, area=county),
        "families_first": lambda a: selectors.families_first_figures(actor=a, area=county),
        "envelope": lambda a: selectors.envelope(actor=a, area=county, year=2026),
        "service_impact": lambda a: selectors.service_impact(actor=a, service=w.service),
        "board_packs": lambda a: list(selectors.board_packs(actor=a)) or True,
        "interventions": lambda a: list(selectors.interventions(actor=a)) or True,
        "spend_own_agency": _spend(w, w.own_agency),
        "spend_another_agency": _spend(w, w.other_agency),
        "spend_import": lambda a: services.spend_import(
            actor=a, agency=w.own_agency, name="spend.csv", content=spend_file
        ),
        "service_judgement": lambda a: services.service_judgement_record(
            actor=a, service=w.service, judgement="improve", reason="Too few families finish."
        ),
        "board_pack_request": lambda a: services.board_pack_request(
            actor=a, quadrant=None, quarter_start=_this_quarter()
        ),
        "intervention_save": lambda a: services.intervention_save(
            actor=a, name="Incredible Years", evidence_level=w.level, services=[w.service]
        ),
        "evidence_level_save": lambda a: services.evidence_level_save(
            actor=a, level=w.level, name="Level 3: established"
        ),
        "families_first_outcome": lambda a: services.families_first_outcome_save(
            actor=a, outcome=w.outcome, name="Getting a good education"
        ),
    }


def _this_quarter():
    from teamaround.commissioning.board_packs import quarter_of

    return quarter_of(timezone.localdate())


@pytest.mark.parametrize(("operation", "who", "expected"), cells(TABLE))
def test_permission_matrix(world, operation, who, expected):
    actor = world.matrix[who]
    run = _operations(world)[operation]
    assert allowed(lambda: run(actor)) is expected
