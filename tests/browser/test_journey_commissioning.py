"""Journey: the commissioner, by clicking only, opens the needs analysis, filters it to a
district, downloads a table as CSV, opens a service's impact page and records a recommission
decision, reads the Hub's and panels' performance, and builds the quadrant's board pack (the
service recommended for recommissioning is in it); every page passes axe-core."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from teamaround.accounts.roles import Role
from teamaround.commissioning.models import BoardPack, ChildPopulation, ServiceJudgement
from teamaround.core.access import SYSTEM
from teamaround.core.models import District, NeedDomain, WindscreenLevel
from teamaround.directory import services as directory
from teamaround.directory.models import ServiceReferral
from teamaround.frontdoor.models import RequestForSupport
from teamaround.people import services as people_services
from tests.browser.conftest import assert_accessible, menu, sign_in
from tests.factories import PASSWORD, DistrictFactory, QuadrantFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_commissioner_reads_need_and_recommissions_a_service(journey):
    District.objects.update(kind="neighbouring_unitary")
    north = QuadrantFactory(code="north", name="North")
    alpha = DistrictFactory(code="alpha", name="Alpha", quadrant=north)
    beta = DistrictFactory(code="beta", name="Beta", quadrant=north)
    for district in (alpha, beta):
        ChildPopulation.objects.create(district=district, age_band="0-17", children=9000, year=2025)
    now = timezone.now()
    organisation = directory.organisation_create(
        actor=SYSTEM, name="Family Support Trust", description="Helps families."
    )
    service = directory.service_create(
        actor=SYSTEM,
        organisation=organisation,
        name="Parenting Together",
        description="A parenting programme.",
        access_routes=["via_panel"],
        review_date=timezone.localdate() + timedelta(days=200),
        levels=list(WindscreenLevel.objects.filter(number=2)),
        needs_met=list(NeedDomain.objects.all()[:1]),
        districts=[alpha, beta],
    )
    for n in range(8):
        family = people_services.family_create(actor=SYSTEM, name=f"Family {n}")
        ServiceReferral.objects.create(service=service, family=family, reason="Help")
        RequestForSupport.objects.create(
            reference=f"J{n}",
            source="professional",
            family=family,
            district=alpha if n < 6 else beta,
            submitted_at=now - timedelta(days=n),
        )
    UserFactory(username="comm", first_name="Cara", roles=[Role.COMMISSIONER])

    sign_in(journey, "comm", PASSWORD)
    menu(journey, "Needs analysis")
    expect(journey.get_by_role("heading", level=1, name="Needs analysis: Essex")).to_be_visible()
    assert_accessible(journey)
    journey.get_by_label("Area").select_option(label="Alpha")
    journey.get_by_role("button", name="Show").click()
    expect(journey.get_by_role("heading", level=1, name="Needs analysis: Alpha")).to_be_visible()
    assert_accessible(journey)
    with journey.expect_download() as download:
        journey.get_by_role("link", name="Requests for support by district").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.splitlines()[1] == "Alpha,6,6.7"

    menu(journey, "Impact of services")
    assert_accessible(journey)
    journey.get_by_role("link", name="Parenting Together").click()
    expect(journey.get_by_role("heading", level=1, name="Parenting Together")).to_be_visible()
    assert_accessible(journey)
    journey.get_by_label("Recommission").check()
    journey.get_by_label("Reason").fill("Too few families improve for the cost.")
    journey.get_by_role("button", name="Record judgement").click()
    expect(journey.get_by_text("Too few families improve for the cost.")).to_be_visible()
    assert_accessible(journey)
    judgement = ServiceJudgement.objects.get()
    assert judgement.judgement == "recommission"
    assert ["Referrals", "8"] in judgement.evidence["indicators"]

    menu(journey, "Hub and panel performance")
    expect(
        journey.get_by_role("heading", level=1, name="Hub and panel performance: Essex")
    ).to_be_visible()
    assert_accessible(journey)

    menu(journey, "Board packs")
    assert_accessible(journey)
    journey.get_by_label("Board", exact=True).select_option(
        label="North Local Children's Commissioning and Delivery Board"
    )
    journey.get_by_label("Your summary for the board").fill("Demand is rising in Alpha.")
    journey.get_by_role("button", name="Build the board pack").click()
    expect(journey.get_by_text("The board pack is ready")).to_be_visible()
    assert_accessible(journey)
    journey.get_by_role("link", name="Open the board pack (web page)").click()
    expect(
        journey.get_by_role(
            "heading", level=1, name="North Local Children's Commissioning and Delivery Board"
        )
    ).to_be_visible()
    expect(journey.get_by_text("Too few families improve for the cost.")).to_be_visible()
    assert_accessible(journey)
    pack = BoardPack.objects.get()
    assert pack.status == "done" and bytes(pack.pdf).startswith(b"%PDF")
