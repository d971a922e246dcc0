"""The Families First outcomes against families worked by hand: the default outcomes and
their need domains (data, editable by the commissioner), families per outcome by district,
families with needs across three or more outcomes and whether they have a lead practitioner,
a signed-off assessment and a plan, suppression, and the CSV as published (audited)."""

import csv
import io
from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.commissioning import selectors
from teamaround.commissioning.families_first import default_outcomes, load_outcomes
from teamaround.commissioning.models import FamiliesFirstOutcome
from teamaround.commissioning.selectors import families_first as ff_module
from teamaround.commissioning.selectors.families_first import SUPPORTED_COLUMNS
from teamaround.core.access import SYSTEM
from teamaround.core.models import AuditAction, AuditEvent, NeedDomain, WindscreenLevel
from teamaround.earlyhelp.models import AssessedNeed, EarlyHelpPlan, Episode
from teamaround.earlyhelp.models.assessment import SharedFamilyAssessment
from teamaround.earlyhelp.selectors.outcome_counts import families_by_outcome
from teamaround.people import services as people_services

TODAY = date(2026, 6, 15)  # the period is July 2025 to June 2026
ORDER = [
    "education",
    "early-years",
    "health",
    "substance-use",
    "family-relationships",
    "safe-from-abuse",
    "crime",
    "domestic-abuse",
    "housing",
    "financial-stability",
]


def at(y, m, d):
    return timezone.make_aware(datetime(y, m, d, 10, 0))


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(ff_module.timezone, "localdate", lambda: TODAY)


@pytest.fixture
def outcomes(db):
    """The default outcomes (a migration loads them; a flush may have emptied the table)."""
    load_outcomes(default_outcomes(), model=FamiliesFirstOutcome, domain_model=NeedDomain)
    return {o.code: o for o in FamiliesFirstOutcome.objects.all()}


@pytest.fixture
def families(county, outcomes, make_user):
    """Alpha: 1 school attendance and SEND (one outcome, education); 2 housing, money and
    domestic abuse, signed off with a plan; 3 parenting (early years and family
    relationships); 4 emotional health, substance use and crime, sent but not signed off, with
    a plan; 5 housing; 6 housing and emotional health.
    Beta: 7 domestic abuse, exploitation and parenting (four outcomes), signed off, no plan;
    8 housing; 9 housing, sent in May 2025 (before the period, not counted).
    Gamma: 10 money, housing and domestic abuse, signed off with a plan; 11 housing in Beta
    (August 2025) then money in Gamma (March 2026): counted once, in Gamma; 12-16 housing."""
    a, b, c = county["a"], county["b"], county["c"]
    lead = make_user()
    level = WindscreenLevel.objects.get(number=2)
    domain = {d.code: d for d in NeedDomain.objects.all()}

    def family(n, district, codes, sent=None, status="submitted", plan=False, f=None):
        sent = sent or at(2026, 3, 2)
        f = f or people_services.family_create(actor=SYSTEM, name=f"Family {n}")
        episode = Episode.objects.create(
            family=f,
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
            episode=episode, status=status, submitted_at=sent
        )
        for code in codes:
            AssessedNeed.objects.create(
                assessment=assessment, domain=domain[code], description="Worked example"
            )
        if plan:
            EarlyHelpPlan.objects.create(episode=episode, outcomes="Worked", agreed_on=sent.date())
        return f

    family(1, a, ["school-attendance-learning", "send"])
    family(2, a, ["housing", "money-work", "domestic-abuse"], status="signed_off", plan=True)
    family(3, a, ["parenting"])
    family(4, a, ["emotional-health", "substance-use", "crime-asb"], plan=True)
    family(5, a, ["housing"])
    family(6, a, ["housing", "emotional-health"])
    family(7, b, ["domestic-abuse", "exploitation-risk", "parenting"], status="signed_off")
    family(8, b, ["housing"])
    family(9, b, ["housing"], sent=at(2025, 5, 20))
    family(10, c, ["money-work", "housing", "domestic-abuse"], status="signed_off", plan=True)
    eleven = family(11, b, ["housing"], sent=at(2025, 8, 4))
    family(11, c, ["money-work"], sent=at(2026, 3, 9), f=eleven)
    for n in range(12, 17):
        family(n, c, ["housing"])
    return county


def figures(actor, code=""):
    return selectors.families_first_figures(
        actor=actor, area=selectors.area_for(code), months=12, today=TODAY
    )


def test_the_ten_default_outcomes_are_data_mapped_from_the_need_domains(outcomes):
    assert list(outcomes) == ORDER
    assert outcomes["health"].name == "Improved mental and physical health"
    assert {d.code for d in outcomes["health"].need_domains.all()} == {
        "emotional-health",
        "physical-health",
    }
    assert {d.code for d in outcomes["education"].need_domains.all()} == {
        "school-attendance-learning",
        "send",
    }
    # loading again changes nothing and duplicates nothing
    load_outcomes(default_outcomes(), model=FamiliesFirstOutcome, domain_model=NeedDomain)
    assert FamiliesFirstOutcome.objects.count() == 10


def test_families_per_outcome_by_district_counted_by_hand(families, commissioner, outcomes):
    groups = {code: [d.code for d in o.need_domains.all()] for code, o in outcomes.items()}
    start, end = at(2025, 7, 1), at(2026, 7, 1)
    counts = families_by_outcome(actor=commissioner, start=start, end=end, groups=groups)
    a, b, c = (families[k].pk for k in "abc")

    def row(district):
        return [counts.by_outcome.get((code, district), 0) for code in ORDER]

    #           edu EY  hlth sub FR safe crime DA hous fin
    assert row(a) == [1, 1, 2, 1, 1, 0, 1, 1, 3, 1]  # family 1 once though two domains
    assert row(b) == [0, 1, 0, 0, 1, 1, 0, 1, 1, 0]  # family 9 was before the period
    assert row(c) == [0, 0, 0, 0, 0, 0, 0, 1, 7, 2]  # family 11 in Gamma, its latest
    # three or more outcomes: 2 and 10 have all three; 4 is not signed off, 7 has no plan
    assert dict(counts.several) == {(a, True): 1, (a, False): 1, (b, False): 1, (c, True): 1}


def test_the_published_tables_are_suppressed(families, commissioner):
    result = figures(commissioner)
    table = result.table("outcomes-by-district")
    assert table.columns[0] == "Getting a good education" and table.columns[-1] == "Family-outcomes"
    rows = {row[0]: row[1:] for row in table.rows}
    # Gamma's 7 housing, beside its 1 and 2, would give those away from its total of 10 (a
    # <5 and a <5 with 10 - 7 = 3 between them): the 7 is withheld too.
    assert rows["Gamma"][8] == "[c]"
    assert rows["Gamma"][7] == "<5" and rows["Gamma"][9] == "<5"
    assert "7" not in rows["Gamma"]
    # every figure of 1 to 4 is hidden, everywhere
    for row in [*table.rows, table.total]:
        assert not {"1", "2", "3", "4"} & set(row[1:])
    several = result.table("whole-family")
    assert several.columns == [*SUPPORTED_COLUMNS, "Families", "With all three (%)"]
    assert several.total[1:] == ["<5", "<5", "<5", "[c]"]


def test_for_one_district_only_its_families_count(families, commissioner):
    result = figures(commissioner, "gamma")
    table = result.table("outcomes-by-district")
    assert [row[0] for row in table.rows] == ["Gamma"]
    assert table.total[0] == "Gamma"


def test_the_page_shows_every_chart_with_its_table(families, commissioner, signed_in):
    response = signed_in(commissioner).get(reverse("commissioning:families-first"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<figure") == 2 and page.count("<svg") == 2
    assert page.count('<table class="govuk-table">') == 3  # two figures and the outcomes
    assert "Getting a good education" in page and "School attendance and learning" in page
    assert "<script" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_the_csv_is_the_table_as_published_and_audited(families, analyst, signed_in):
    response = signed_in(analyst).get(
        reverse("commissioning:families-first-csv", args=["outcomes-by-district"]),
        {"area": "gamma"},
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "District" and rows[0][-1] == "Family-outcomes"
    assert rows[1][0] == "Gamma" and rows[1][9] == "[c]" and rows[1][-1] == "10"
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, actor=analyst)
    assert event.object_type == "commissioning.families_first"
    assert "gamma" in event.summary


def test_an_unknown_table_is_not_found(families, analyst, signed_in):
    response = signed_in(analyst).get(
        reverse("commissioning:families-first-csv", args=["no-such-table"])
    )
    assert response.status_code == 404


def test_the_commissioner_maps_a_need_domain_to_an_outcome(
    families, commissioner, outcomes, signed_in
):
    finance = outcomes["financial-stability"]
    url = reverse("commissioning:families-first-outcome", args=[finance.pk])
    response = signed_in(commissioner).post(
        url,
        {
            "name": "Financial stability and work",
            "description": "Money, debt and work.",
            "need_domains": [NeedDomain.objects.get(code=c).pk for c in ("money-work", "housing")],
        },
    )
    assert response.status_code == 302
    finance.refresh_from_db()
    assert finance.name == "Financial stability and work"
    assert {d.code for d in finance.need_domains.all()} == {"money-work", "housing"}
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, actor=commissioner)
    assert "need_domains" in event.changes
    # Alpha's families with a housing or money need: 2, 5 and 6 (3, hidden as <5); Gamma's
    # every family now counts (10, 11 and 12-16: 7)
    groups = {
        o.code: [d.code for d in o.need_domains.all()] for o in FamiliesFirstOutcome.objects.all()
    }
    counts = families_by_outcome(
        actor=commissioner, start=at(2025, 7, 1), end=at(2026, 7, 1), groups=groups
    )
    assert counts.by_outcome[("financial-stability", families["a"].pk)] == 3
    assert counts.by_outcome[("financial-stability", families["c"].pk)] == 7


def test_an_outcome_needs_a_name_and_only_the_commissioner_changes_one(
    families, commissioner, analyst, outcomes, signed_in, make_user
):
    url = reverse("commissioning:families-first-outcome", args=[outcomes["housing"].pk])
    response = signed_in(commissioner).post(url, {"name": " ", "description": ""})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert FamiliesFirstOutcome.objects.get(code="housing").name == "Secure housing"
    assert signed_in(analyst).get(url).status_code == 403
    assert signed_in(make_user(Role.PRACTITIONER)).get(url).status_code == 403
    assert signed_in(analyst).post(url, {"name": "Mine"}).status_code == 403
    assert FamiliesFirstOutcome.objects.get(code="housing").name == "Secure housing"
