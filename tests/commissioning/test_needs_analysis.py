"""The needs analysis against ten families worked by hand: exact counts, rates per 10,000
children, trends by month, primary and secondary suppression, and the CSV as published."""

import csv
import io
from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.commissioning import selectors
from teamaround.commissioning.selectors import needs as needs_module
from teamaround.core.access import SYSTEM
from teamaround.core.models import AuditAction, AuditEvent, WindscreenLevel
from teamaround.earlyhelp.models import Episode
from teamaround.frontdoor.models import HubDecision, RequestForSupport
from teamaround.people import services as people_services

TODAY = date(2026, 6, 15)  # the period is July 2025 to June 2026


def at(y, m, d):
    return timezone.make_aware(datetime(y, m, d, 10, 0))


@pytest.fixture
def ten_families(county, make_user):
    """Families 1-6 in Alpha, 7-9 in Beta, 10 in Gamma.

    Requests: Alpha 6 (4 in March, 2 in April 2026; families 1 and 2 are re-referrals), Beta 3
    (April), Gamma 1 (May); and one in Alpha in May 2025, before the period.
    Hub decisions (April): Alpha level 2 x2 (TAF) and level 3 x2 (Family Solutions); Beta level
    2 x3 (advice and signposting).
    Episodes: Alpha families 1-6 at level 3 from 10 January 2026, family 6 closed 20 April;
    Beta families 7 and 8 at level 2 from 1 February."""
    a, b, c = county["a"], county["b"], county["c"]
    lead = make_user()
    families = [
        people_services.family_create(actor=SYSTEM, name=f"Family {n}") for n in range(1, 11)
    ]
    places = [a] * 6 + [b] * 3 + [c]
    months = [3, 3, 3, 3, 4, 4, 4, 4, 4, 5]
    requests = []
    for n, (family, district, month) in enumerate(zip(families, places, months, strict=True)):
        requests.append(
            RequestForSupport.objects.create(
                reference=f"RFS{n:05d}",
                source="professional",
                status="decided",
                family=family,
                district=district,
                submitted_at=at(2026, month, 2 + n),
                is_re_referral=n < 2,
            )
        )
    RequestForSupport.objects.create(
        reference="RFSOLD",
        source="professional",
        family=families[0],
        district=a,
        submitted_at=at(2025, 5, 20),
    )
    level = {n: WindscreenLevel.objects.get(number=n) for n in (2, 3)}
    for request, lv, route in (
        (requests[0], 2, "team_around_family"),
        (requests[1], 2, "team_around_family"),
        (requests[2], 3, "family_solutions"),
        (requests[3], 3, "family_solutions"),
        (requests[6], 2, "advice_signposting"),
        (requests[7], 2, "advice_signposting"),
        (requests[8], 2, "advice_signposting"),
    ):
        HubDecision.objects.create(
            request=request,
            level=level[lv],
            route=route,
            rationale="Worked example",
            outcome_message="Worked example",
            decided_at=at(2026, 4, 20),
        )
    for n, family in enumerate(families[:8]):
        in_alpha = n < 6
        Episode.objects.create(
            family=family,
            level=level[3 if in_alpha else 2],
            status="closed" if n == 5 else "open",
            source="hub",
            lead_professional=lead,
            lead_team=lead.team,
            district=a if in_alpha else b,
            started_on=date(2026, 1, 10) if in_alpha else date(2026, 2, 1),
            family_agreed_on=date(2026, 1, 10),
            family_agreed_by="Parent",
            closed_on=date(2026, 4, 20) if n == 5 else None,
        )
    return county


def analysis(actor, code="", compare=()):
    area = selectors.area_for(code, compare)
    return selectors.needs_analysis(actor=actor, area=area, months=12, today=TODAY)


def breakdown(result, code):
    return next(b for b in result.breakdowns if b.measure.code == code)


def district_rows(b):
    return {
        name: ([str(c) for c in cells], str(total), rate)
        for name, cells, total, rate, _ in b.by_district
    }


def test_requests_by_district_with_rates_and_primary_suppression(ten_families, commissioner):
    result = analysis(commissioner)
    assert result.population == 35_000
    assert (result.start, result.end) == (date(2025, 7, 1), date(2026, 6, 30))
    rows = district_rows(breakdown(result, "requests"))
    # 6 of 10,000 children in Alpha; Beta's 3 and Gamma's 1 are small, so hidden. The county's
    # 10 less Alpha's 6 would say they are 4 between them (so 3 and 1, or 2 and 2): Alpha's 6
    # is withheld too, and so is its rate.
    assert rows["Alpha"] == (["[c]"], "[c]", "[c]")
    assert rows["Beta"] == (["<5"], "<5", "<5")
    assert rows["Gamma"] == (["<5"], "<5", "<5")
    requests = breakdown(result, "requests")
    assert str(requests.area_total) == "10"  # the May 2025 request is outside the period
    assert requests.area_rate == "2.9"  # 10 * 10,000 / 35,000
    by_month = {m: str(total) for m, _, total, _ in requests.by_month}
    assert by_month[date(2026, 3, 1)] == "<5"  # 4 in March (families 1-4)
    assert by_month[date(2026, 4, 1)] == "5"
    assert by_month[date(2026, 5, 1)] == "<5"
    assert by_month[date(2025, 7, 1)] == "0"
    re_referrals = breakdown(result, "re_referrals")
    assert str(re_referrals.area_total) == "<5"


def test_decisions_by_level_with_secondary_suppression(ten_families, commissioner):
    b = breakdown(analysis(commissioner), "decision_levels")
    assert b.columns[:4] == [
        "Level 1: Universal",
        "Level 2: Additional",
        "Level 3: Intensive",
        "Level 4: Specialist",
    ]
    rows = district_rows(b)
    assert rows["Alpha"][:2] == (["0", "<5", "<5", "0"], "<5")
    assert rows["Beta"][:2] == (["0", "<5", "0", "0"], "<5")
    # The county's level 3 total (2) is small; beside it level 2's 5 would give it away from
    # the grand total of 7, so it is withheld too.
    assert [str(c) for c in b.district_totals] == ["0", "[c]", "<5", "0"]
    assert str(b.area_total) == "7"
    assert b.area_rate == "2.0"
    april = next(row for row in b.by_month if row[0] == date(2026, 4, 1))
    assert [str(c) for c in april[1]] == ["0", "[c]", "<5", "0"]
    assert str(april[2]) == "7"
    routes = breakdown(analysis(commissioner), "decision_routes")
    assert str(routes.area_total) == "7"


def test_open_episodes_are_counted_at_each_months_end(ten_families, commissioner):
    b = breakdown(analysis(commissioner), "open_episodes")
    rows = district_rows(b)
    # At the end of June: Alpha 5 at level 3 (family 6 closed), Beta 2 at level 2. Beta's 2 is
    # small; the county's level-3 total of 5 would then give away level 2 from the grand total
    # 7, so it is withheld, then Alpha's 5 (its column), then Alpha's total (its row).
    assert rows["Alpha"][:2] == (["0", "0", "[c]", "0"], "[c]")
    assert rows["Beta"][:2] == (["0", "<5", "0", "0"], "<5")
    assert [str(c) for c in b.district_totals] == ["0", "<5", "[c]", "0"]
    assert str(b.area_total) == "7"
    months = {m: ([str(c) for c in cells], str(total)) for m, cells, total, _ in b.by_month}
    assert months[date(2026, 1, 1)] == (["0", "0", "6", "0"], "6")
    assert months[date(2026, 3, 1)] == (["0", "<5", "[c]", "0"], "8")
    assert months[date(2026, 4, 1)] == (["0", "<5", "[c]", "0"], "7")
    assert months[date(2025, 12, 1)] == (["0", "0", "0", "0"], "0")
    assert b.month_totals is None  # a stock is not summed over months


def test_a_quadrant_and_a_district_and_a_comparison(ten_families, analyst):
    north = analysis(analyst, "q:north")
    assert north.area.label == "North quadrant" and north.population == 15_000
    rows = district_rows(breakdown(north, "requests"))
    assert set(rows) == {"Alpha", "Beta"}
    # Alpha 6, Beta 3: Beta is small, so Alpha is withheld to keep the quadrant total of 9.
    assert rows["Alpha"] == (["[c]"], "[c]", "[c]")
    assert str(breakdown(north, "requests").area_total) == "9"
    assert breakdown(north, "requests").area_rate == "6.0"
    alpha = analysis(analyst, "alpha")
    assert alpha.population == 10_000
    assert str(breakdown(alpha, "requests").area_total) == "6"
    compared = analysis(analyst, compare=["alpha", "gamma"])
    assert set(district_rows(breakdown(compared, "requests"))) == {"Alpha", "Gamma"}
    assert str(breakdown(compared, "requests").area_total) == "7"


def test_the_page_shows_every_chart_as_a_figure_with_its_table(
    ten_families, commissioner, signed_in, settings
):
    response = signed_in(commissioner).get(reverse("commissioning:needs"), {"area": "alpha"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<figure") == 20 and html.count("<figcaption") == 20
    assert html.count('<svg role="img"') == 20 and "pygal" in html
    assert "<script" not in html.split("<main")[1].split("</main>")[0]
    assert "Needs analysis: Alpha" in html


def test_the_csv_is_the_published_table_and_its_download_is_audited(
    ten_families, commissioner, signed_in, monkeypatch
):
    monkeypatch.setattr(needs_module.timezone, "localdate", lambda: TODAY)
    client = signed_in(commissioner)
    url = reverse("commissioning:needs-csv", args=["decision_levels", "district"])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "District" and rows[0][-2:] == ["Total", "Rate per 10,000 children"]
    assert rows[1] == ["Alpha", "0", "<5", "<5", "0", "<5", "<5"]
    assert rows[-1] == ["Essex", "0", "[c]", "<5", "0", "7", "2.0"]
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, object_id="decision_levels")
    assert event.actor == commissioner and "county" in event.summary
    monthly = client.get(reverse("commissioning:needs-csv", args=["requests", "month"]))
    rows = list(csv.reader(io.StringIO(monthly.content.decode())))
    assert rows[0] == ["Month", "Number", "Rate per 10,000 children"]
    assert ["2026-04", "5", "1.4"] in rows
    assert client.get("/commissioning/needs/nonsense/by-district.csv").status_code == 404
    assert client.get("/commissioning/needs/requests/by-week.csv").status_code == 404
