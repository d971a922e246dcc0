"""Performance of the Hub and panels against a small dataset worked by hand: the timeliness
of Hub decisions against the one-working-day standard (over a weekend and Easter), panel
throughput (heard, decided, carried over) and package reviews overdue, with suppression and
the CSV as published."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.commissioning import selectors
from teamaround.commissioning.selectors.performance import (
    LATE,
    NOT_DUE,
    ON_TIME,
    OVERDUE,
    timeliness,
)
from teamaround.core.access import SYSTEM
from teamaround.core.models import AuditAction, AuditEvent, WindscreenLevel
from teamaround.frontdoor.models import HubDecision, RequestForSupport

TODAY = date(2026, 6, 15)  # a Monday; the period is July 2025 to June 2026


def at(y, m, d, hour=10):
    return timezone.make_aware(datetime(y, m, d, hour, 0))


def test_the_one_working_day_standard_skips_weekends_and_bank_holidays():
    cache = {}
    friday, thursday_before_easter = date(2026, 3, 6), date(2026, 4, 2)
    assert timeliness(friday, date(2026, 3, 9), TODAY, cache) == ON_TIME  # Monday
    assert timeliness(friday, date(2026, 3, 10), TODAY, cache) == LATE
    # Good Friday 3 April and Easter Monday 6 April are bank holidays: due Tuesday 7 April.
    assert timeliness(thursday_before_easter, date(2026, 4, 7), TODAY, cache) == ON_TIME
    assert timeliness(thursday_before_easter, date(2026, 4, 8), TODAY, cache) == LATE
    assert timeliness(friday, date(2026, 3, 6), TODAY, cache) == ON_TIME  # the same day
    assert timeliness(date(2026, 6, 12), None, TODAY, cache) == NOT_DUE  # due today
    assert timeliness(date(2026, 6, 11), None, TODAY, cache) == OVERDUE  # due Friday 12th


@pytest.fixture
def hub_requests(county):
    """Alpha: 5 sent Friday 6 March decided Monday 9th (on time; one escalated again on 20
    April, which does not restart the clock), 5 sent Thursday 2 April decided Tuesday 7th
    (on time over Easter), 5 sent 2 April decided Wednesday 8th (late).
    Beta: 5 sent Monday 1 June decided the 2nd (on time), 5 sent 1 June not decided (overdue).
    One sent in Alpha in May 2025, before the period."""
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


def row(table, label):
    return next(r for r in table.rows if r[0] == label)


def test_hub_timeliness_by_district_and_month(hub_requests, commissioner):
    result = selectors.performance_figures(
        actor=commissioner, area=selectors.area_for(), months=12, today=TODAY
    )
    district = result.table("hub-by-district")
    assert district.columns[-2:] == ["Requests", "Decided within one working day (%)"]
    assert row(district, "Alpha") == ["Alpha", "10", "5", "0", "0", "15", "66.7%"]
    assert row(district, "Beta") == ["Beta", "5", "0", "5", "0", "10", "50.0%"]
    assert row(district, "Gamma") == ["Gamma", "0", "0", "0", "0", "0", "–"]
    assert district.total == ["Essex", "15", "5", "5", "0", "25", "60.0%"]
    assert ("Alpha", 66.7) in district.chart_values
    month = result.table("hub-by-month")
    assert len(month.rows) == 12
    assert row(month, "March 2026") == ["March 2026", "5", "0", "0", "0", "5", "100.0%"]
    assert row(month, "April 2026") == ["April 2026", "5", "5", "0", "0", "10", "50.0%"]
    assert row(month, "June 2026") == ["June 2026", "5", "0", "5", "0", "10", "50.0%"]
    assert row(month, "May 2026") == ["May 2026", "0", "0", "0", "0", "0", "–"]
    assert month.total == ["All months", "15", "5", "5", "0", "25", "60.0%"]


def test_hub_timeliness_for_one_district_counts_only_its_requests(hub_requests, commissioner):
    result = selectors.performance_figures(
        actor=commissioner, area=selectors.area_for("beta"), months=12, today=TODAY
    )
    assert result.table("hub-by-district").rows == [["Beta", "5", "0", "5", "0", "10", "50.0%"]]
    assert result.table("hub-by-month").total == ["All months", "5", "0", "5", "0", "10", "50.0%"]


def test_hub_timeliness_suppresses_small_numbers_and_what_would_give_them_away(
    hub_requests, commissioner
):
    RequestForSupport.objects.create(
        reference="RFSTODAY",
        source="professional",
        status="submitted",
        district=hub_requests["c"],
        submitted_at=at(2026, 6, 15, 9),
    )
    result = selectors.performance_figures(
        actor=commissioner, area=selectors.area_for(), months=12, today=TODAY
    )
    district = result.table("hub-by-district")
    assert row(district, "Gamma") == ["Gamma", "0", "0", "0", "<5", "<5", "–"]
    # The county total (26) would give Gamma away beside Alpha's 15 and Beta's 10, so Beta's
    # total is withheld, then a figure in each line that would give that one away.
    assert row(district, "Beta") == ["Beta", "[c]", "0", "5", "0", "[c]", "[c]"]
    assert row(district, "Alpha") == ["Alpha", "[c]", "[c]", "0", "0", "15", "[c]"]
    assert district.total == ["Essex", "15", "[c]", "5", "<5", "26", "[c]"]


@pytest.fixture
def panel_activity(county):
    """MAAG Alpha (a district panel): held 12 May 2026, 10 cases, 5 heard and decided, 5
    carried over; closed 9 June, 6 heard, 5 decided; planned 30 June with 3 (not counted).
    MACE 2 South (a quadrant panel): held 14 April, 5 heard and decided, 5 carried over.
    Packages: MAAG's 10 decisions, 5 with their review past (1 June), 5 due 1 July; MACE 2's
    5 reviews past (14 June); one decommissioned package with a past review (not counted)."""
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


def test_panel_throughput_and_reviews_overdue_for_the_county(panel_activity, commissioner):
    result = selectors.performance_figures(
        actor=commissioner, area=selectors.area_for(), months=12, today=TODAY
    )
    by_type = result.table("panels-by-type")
    assert by_type.columns == ["Heard", "Carried over", "Cases on the agenda", "Decided"]
    assert by_type.rows == [["MAAG", "11", "5", "16", "10"], ["MACE 2", "5", "5", "10", "5"]]
    assert by_type.total == ["All panels", "16", "10", "26", "15"]
    by_month = result.table("panels-by-month")
    assert row(by_month, "April 2026") == ["April 2026", "5", "5", "10", "5"]
    assert row(by_month, "May 2026") == ["May 2026", "5", "5", "10", "5"]
    assert row(by_month, "June 2026") == ["June 2026", "6", "0", "6", "5"]
    assert row(by_month, "January 2026") == ["January 2026", "0", "0", "0", "0"]
    reviews = result.table("package-reviews")
    assert reviews.rows == [["MAAG", "5", "5", "10"], ["MACE 2", "0", "5", "5"]]
    assert reviews.total == ["All panels", "5", "10", "15"]


def test_a_district_sees_its_own_panels_and_a_quadrant_its_quadrant_panels(
    panel_activity, commissioner
):
    alpha = selectors.performance_figures(
        actor=commissioner, area=selectors.area_for("alpha"), months=12, today=TODAY
    )
    assert alpha.table("panels-by-type").rows == [["MAAG", "11", "5", "16", "10"]]
    assert alpha.table("package-reviews").rows == [["MAAG", "5", "5", "10"]]
    south = selectors.performance_figures(
        actor=commissioner, area=selectors.area_for("q:south"), months=12, today=TODAY
    )
    assert south.table("panels-by-type").rows == [["MACE 2", "5", "5", "10", "5"]]
    gamma = selectors.performance_figures(
        actor=commissioner, area=selectors.area_for("gamma"), months=12, today=TODAY
    )
    assert gamma.table("panels-by-type").rows == []  # a quadrant panel is not one district's
    assert gamma.table("package-reviews").rows == [["MACE 2", "0", "5", "5"]]


def test_throughput_suppresses_a_small_carry_over(panel_activity, commissioner):
    from teamaround.panels.models import AgendaItem

    AgendaItem.objects.filter(meeting__panel__name="MACE 2 South", heard=False).order_by(
        "position"
    ).first().delete()
    AgendaItem.objects.filter(meeting__panel__name="MACE 2 South", heard=False).order_by(
        "position"
    ).first().delete()
    result = selectors.performance_figures(
        actor=commissioner, area=selectors.area_for(), months=12, today=TODAY
    )
    by_type = result.table("panels-by-type")
    # MACE 2 carried over 3: "<5"; its row total (8) would give it away, so heard (5) is
    # withheld, and then MAAG's heard so the column total cannot give that away.
    assert row(by_type, "MACE 2") == ["MACE 2", "[c]", "<5", "8", "5"]
    assert row(by_type, "MAAG") == ["MAAG", "[c]", "[c]", "16", "10"]


def test_the_page_shows_charts_and_tables_and_the_csv_is_audited(
    hub_requests, commissioner, signed_in, monkeypatch
):
    real = selectors.performance_figures
    monkeypatch.setattr(
        selectors, "performance_figures", lambda **kw: real(**{**kw, "today": TODAY})
    )
    client = signed_in(commissioner)
    page = client.get(reverse("commissioning:performance")).content.decode()
    assert page.count("<svg") == 5 - 2  # no panel activity: no throughput or review chart
    assert "Timeliness of Hub decisions by district" in page
    assert "66.7%" in page and "None in this period." in page
    response = client.get(reverse("commissioning:performance-csv", args=["hub-by-district"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "District" and ["Alpha", "10", "5", "0", "0", "15", "66.7%"] in rows
    assert rows[-1] == ["Essex", "15", "5", "5", "0", "25", "60.0%"]
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORT, actor=commissioner, object_type="commissioning.performance"
    ).exists()
    assert client.get("/commissioning/performance/nonsense.csv").status_code == 404
