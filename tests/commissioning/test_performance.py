"""Performance of the Hub and panels against a small dataset worked by hand: the timeliness
of Hub decisions against the one-working-day standard (over a weekend and Easter), panel
throughput (heard, decided, carried over) and package reviews overdue, with suppression and
the CSV as published."""

import csv
import io
from datetime import date

from django.urls import reverse

from teamaround.commissioning import selectors
from teamaround.commissioning.selectors.performance import (
    LATE,
    NOT_DUE,
    ON_TIME,
    OVERDUE,
    timeliness,
)
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.frontdoor.models import RequestForSupport
from tests.commissioning.conftest import at

TODAY = date(2026, 6, 15)  # a Monday; the period is July 2025 to June 2026


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
    # total is withheld, then a figure in each line that would give that one away. That is
    # not enough: Beta's withheld total is its shown 5 and a withheld figure (at least 5), so
    # at least 10, and 26 - 15 - 10 leaves Gamma 1. So Alpha's total goes too, and the
    # county's beside it.
    assert row(district, "Beta") == ["Beta", "[c]", "0", "5", "0", "[c]", "[c]"]
    assert row(district, "Alpha") == ["Alpha", "[c]", "[c]", "0", "0", "[c]", "[c]"]
    assert district.total == ["Essex", "15", "[c]", "5", "<5", "[c]", "[c]"]


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
