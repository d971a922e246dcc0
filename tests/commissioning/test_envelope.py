"""The Resource Envelope: spend by agency, priority and district, the cost committed at panels
added automatically, beside need, and the cost per family helped (suppressed with its count)."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.commissioning import selectors, services
from teamaround.commissioning.models import Spend
from teamaround.core.models import AuditAction, AuditEvent
from tests.factories import AgencyFactory


@pytest.fixture
def spending(county, priorities, committed_package, make_user):
    analyst = make_user(Role.DATA_ANALYST)
    trust, council = AgencyFactory(name="Wellbeing Trust"), AgencyFactory(name="County Council")
    for agency, priority, district, amount in (
        (trust, "emotional-health-wellbeing", "a", "10000"),
        (trust, "emotional-health-wellbeing", "b", "5000"),
        (council, "parenting-family-support", "a", "20000"),
        (council, "health", "c", "7000"),
    ):
        services.spend_record(
            actor=analyst,
            agency=agency,
            priority=priorities[priority],
            district=county[district],
            financial_year=2025,
            amount=Decimal(amount),
        )
    # Another year, not counted in 2025-26.
    services.spend_record(
        actor=analyst,
        agency=trust,
        priority=priorities["health"],
        district=county["a"],
        financial_year=2024,
        amount=Decimal("999"),
    )
    # MAAG packages count under parenting and family support; EARP under vulnerable children.
    committed_package(county["a"], trust, Decimal("1200.00"), date(2025, 6, 1))
    committed_package(county["b"], council, Decimal("800.00"), date(2026, 1, 5), panel="earp")
    committed_package(county["b"], council, Decimal("5000.00"), date(2026, 4, 1))  # next year
    return analyst


def test_spend_by_district_priority_and_agency_with_committed_costs(spending):
    result = selectors.envelope(actor=spending, area=selectors.area_for(), year=2025)
    assert result.label == "2025-26"
    names = result.priorities
    rows = {name: dict(zip(names, amounts, strict=True)) for name, amounts, _ in result.by_district}
    assert rows["Alpha"]["Emotional health and wellbeing"] == 10000
    assert rows["Alpha"]["Parenting and family support"] == 21200  # 20,000 + the MAAG package
    assert rows["Beta"]["Vulnerable children"] == 800  # the EARP package
    assert rows["Gamma"]["Health"] == 7000
    assert result.total == Decimal("44000.00")
    agencies = {name: total for name, _, total in result.by_agency}
    assert agencies == {"Wellbeing Trust": Decimal("16200"), "County Council": Decimal("27800")}


def test_correcting_spend_replaces_the_amount_and_is_audited(spending, priorities, county):
    entry = Spend.objects.get(district=county["c"])
    services.spend_record(
        actor=spending,
        agency=entry.agency,
        priority=priorities["health"],
        district=county["c"],
        financial_year=2025,
        amount=Decimal("7500"),
    )
    entry.refresh_from_db()
    assert entry.amount == Decimal("7500")
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(entry.pk)).get()
    assert event.changes["amount"] == ["7000.00", "7500"]


def test_the_pages_and_csv_for_commissioners_only(spending, signed_in, make_user, client):
    page = signed_in(spending).get(reverse("commissioning:envelope"), {"year": "2025"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<figure" in html and '<svg role="img"' in html and "Cost per family helped" in html
    response = signed_in(spending).get(
        reverse("commissioning:envelope-csv", args=["district"]), {"year": "2025"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "District" and rows[-1][-1] == "44000.00"
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_id="district").exists()
    for role in (Role.PRACTITIONER, Role.TEAM_MANAGER, Role.ADMINISTRATOR):
        denied = signed_in(make_user(role))
        assert denied.get(reverse("commissioning:envelope")).status_code == 403
        assert denied.get(reverse("commissioning:spend-record")).status_code == 403
    client.logout()
    assert client.get(reverse("commissioning:envelope")).status_code == 302


def test_recording_spend_on_the_form(county, priorities, make_user, signed_in):
    commissioner = make_user(Role.COMMISSIONER)
    client = signed_in(commissioner)
    url = reverse("commissioning:spend-record")
    data = {
        "agency": commissioner.agency.pk,
        "priority": priorities["health"].pk,
        "district": county["a"].pk,
        "financial_year": "2025",
        "amount": "-1",
    }
    assert client.post(url, data).status_code == 200  # negative: shown again, nothing saved
    assert not Spend.objects.exists()
    other = AgencyFactory()
    assert client.post(url, {**data, "amount": "10", "agency": other.pk}).status_code == 200
    assert not Spend.objects.exists()  # not an agency they may choose
    assert client.post(url, {**data, "amount": "2500.50"}).status_code == 302
    assert Spend.objects.get().amount == Decimal("2500.50")


def test_importing_a_return_on_the_page_shows_every_problem(
    county, priorities, make_user, signed_in
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    analyst = make_user(Role.DATA_ANALYST)
    agency = AgencyFactory()
    bad = SimpleUploadedFile(
        "r.csv", b"Priority,District,Financial year,Amount\nHealth,Nowhere,2025,x\n"
    )
    response = signed_in(analyst).post(
        reverse("commissioning:spend-import"), {"agency": agency.pk, "file": bad}
    )
    html = response.content.decode()
    assert "row 2, column B (District)" in html and "row 2, column D (Amount)" in html
    assert not Spend.objects.exists()
