"""Unmet need worked by hand: families' assessed needs by domain and district against the
running directory services meeting them there (and their places), suppressed, and the CSV as
published (audited)."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.commissioning import selectors
from teamaround.commissioning.selectors import unmet as unmet_module
from teamaround.core.access import SYSTEM
from teamaround.core.models import AuditAction, AuditEvent, NeedDomain, WindscreenLevel
from teamaround.directory import services as directory
from teamaround.directory.models import Service
from teamaround.earlyhelp.models import AssessedNeed, Episode
from teamaround.earlyhelp.models.assessment import SharedFamilyAssessment
from teamaround.people import services as people_services

TODAY = date(2026, 6, 15)  # the period is July 2025 to June 2026


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(unmet_module.timezone, "localdate", lambda: TODAY)


@pytest.fixture
def need_and_services(county, make_user):
    """Assessed in March 2026: Alpha 6 families with a housing need and 5 with domestic abuse;
    Beta 7 housing, 5 domestic abuse, 2 substance use; Gamma 8 housing and 6 domestic abuse.
    Services: a housing service in Alpha and Beta (10 places); a housing service in Gamma that
    is not running; a domestic abuse service in Alpha (no capacity stated)."""
    a, b, c = county["a"], county["b"], county["c"]
    lead = make_user()
    level = WindscreenLevel.objects.get(number=2)
    domain = {d.code: d for d in NeedDomain.objects.all()}
    sent = timezone.make_aware(datetime(2026, 3, 2, 10))
    n = 0
    for district, code, families in (
        (a, "housing", 6),
        (a, "domestic-abuse", 5),
        (b, "housing", 7),
        (b, "domestic-abuse", 5),
        (b, "substance-use", 2),
        (c, "housing", 8),
        (c, "domestic-abuse", 6),
    ):
        for _ in range(families):
            n += 1
            episode = Episode.objects.create(
                family=people_services.family_create(actor=SYSTEM, name=f"Family {n}"),
                level=level,
                source="hub",
                lead_professional=lead,
                lead_team=lead.team,
                district=district,
                started_on=sent.date(),
                family_agreed_on=sent.date(),
                family_agreed_by="Parent",
            )
            assessment = SharedFamilyAssessment.objects.create(
                episode=episode, status="submitted", submitted_at=sent
            )
            AssessedNeed.objects.create(
                assessment=assessment, domain=domain[code], description="Worked example"
            )
    organisation = directory.organisation_create(
        actor=SYSTEM, name="Help Ltd", description="Helps families."
    )

    def service(name, code, districts, capacity=None, status="active"):
        made = directory.service_create(
            actor=SYSTEM,
            organisation=organisation,
            name=name,
            description="Help for families.",
            access_routes=["via_panel"],
            review_date=TODAY + timedelta(days=200),
            levels=[level],
            needs_met=[domain[code]],
            districts=districts,
        )
        Service.objects.filter(pk=made.pk).update(capacity=capacity, status=status)

    service("Homes North", "housing", [a, b], capacity=10)
    service("Homes South", "housing", [c], capacity=30, status="inactive")
    service("Safe at Home", "domestic-abuse", [a])
    return county


def test_families_with_a_need_and_no_service_by_district(need_and_services, commissioner):
    result = selectors.unmet_need(actor=commissioner, area=selectors.area_for(), today=TODAY)
    table = result.table("unmet-by-district")
    assert table.columns == [
        "Domestic abuse",
        "Housing",
        "Substance use",
        "Family-needs without a service",
    ]
    #                 DA  housing substance
    # Alpha           0     0      0   (both met)                    0
    # Beta            5     0      2   (no DA or substance service)  7
    # Gamma           6     8      0   (Gamma's housing not running) 14
    # County         11     8      2                                 21
    # Beta's 2 is primary; its row then takes the 5; column DA the 6; Gamma's row the 8;
    # housing's column its total. Beta's 2 is then 1 or 2 (7 less a [c] of at least 5), and
    # each makes a table that fits, so it cannot be worked out.
    assert table.rows == [
        ["Alpha", "0", "0", "0", "0"],
        ["Beta", "[c]", "0", "<5", "7"],
        ["Gamma", "[c]", "[c]", "0", "14"],
    ]
    assert table.total == ["Essex", "11", "[c]", "<5", "21"]


def test_need_and_services_by_domain(need_and_services, commissioner):
    result = selectors.unmet_need(actor=commissioner, area=selectors.area_for(), today=TODAY)
    rows = {row[0]: row[1:] for row in result.table("need-and-services").rows}
    assert rows["Domestic abuse"] == ["[c]", "1", "Not stated", "2"]
    assert rows["Housing"] == ["21", "1", "10", "1"]  # the service not running is not counted
    assert rows["Substance use"] == ["<5", "0", "Not stated", "1"]


def test_for_one_district(need_and_services, commissioner):
    area = selectors.area_for("gamma")
    result = selectors.unmet_need(actor=commissioner, area=area, today=TODAY)
    assert result.table("unmet-by-district").rows == [["Gamma", "6", "8", "0", "14"]]
    rows = {row[0]: row[1:] for row in result.table("need-and-services").rows}
    assert rows["Housing"] == ["8", "0", "Not stated", "1"]


def test_the_page_has_its_chart_and_tables_and_the_csv_is_audited(
    need_and_services, analyst, signed_in
):
    client = signed_in(analyst)
    page = client.get(reverse("commissioning:unmet-need")).content.decode()
    assert page.count("<figure") == 2 and page.count("<svg") == 1
    assert "Families with a need no running service meets in their district" in page
    response = client.get(reverse("commissioning:unmet-need-csv", args=["unmet-by-district"]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["District", "Domestic abuse", "Housing", "Substance use"] + [
        "Family-needs without a service"
    ]
    assert rows[2] == ["Beta", "[c]", "0", "<5", "7"]
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, actor=analyst)
    assert event.object_type == "commissioning.unmet_need"
    assert client.get(reverse("commissioning:unmet-need-csv", args=["nope"])).status_code == 404
