"""A whole early help episode in a real browser: open, assess with two family members' views,
plan with three actions, two TAF meetings with scores (the distance-travelled chart shows),
fetch the PDF plan, close with the family's feedback. axe-core checks every page."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.people import services as people_services
from teamaround.people.models import MemberRole
from tests.browser.conftest import assert_accessible, fill_date, sign_in
from tests.factories import PASSWORD, AgencyFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _family(team):
    family = people_services.family_create(actor=SYSTEM, name="Okafor household")
    for role, forenames, born in (
        (MemberRole.PARENT, "Grace", date(1988, 3, 4)),
        (MemberRole.CHILD, "Tobi", date(2016, 5, 6)),
        (MemberRole.CHILD, "Ada", date(2021, 7, 8)),
    ):
        people_services.person_create(
            actor=SYSTEM,
            family=family,
            role=role,
            forenames=forenames,
            surname="Okafor",
            date_of_birth=born,
        )
    people_services.involvement_open(actor=SYSTEM, family=family, team=team, reason="Referral")
    return family


def _meeting(page, scores, views):
    page.get_by_role("link", name="Record a TAF meeting").click()
    assert_accessible(page)
    fill_date(page, "#id_held_on", timezone.localdate().isoformat())
    page.get_by_label("What the family said").fill(views)
    for code, score in scores.items():
        page.locator(f"#id_score-{code}").fill(str(score))
    page.get_by_role("button", name="Save the meeting").click()
    expect(page.get_by_text("The TAF meeting is recorded.")).to_be_visible()


def test_a_whole_episode(page, live_server):
    team = TeamFactory(
        agency=AgencyFactory(name="Council Early Help", kind=AgencyKind.COUNCIL_EARLY_HELP),
        name="Family Solutions Mid A",
    )
    UserFactory(
        username="fran.worker",
        first_name="Fran",
        last_name="Ames",
        team=team,
        roles=[Role.FAMILY_WORKER],
    )
    family = _family(team)

    sign_in(page, "fran.worker", PASSWORD)
    page.goto(f"/early-help/families/{family.pk}/open/")
    assert_accessible(page)
    page.get_by_label("Level 2: ").check()
    fill_date(page, "#id_family_agreed_on", timezone.localdate().isoformat())
    page.get_by_label("Who in the family agreed").fill("Grace (mum)")
    page.get_by_role("button", name="Open the episode").click()
    expect(
        page.get_by_role("heading", level=1, name="Early help for the Okafor household")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Shared Family Assessment").click()
    assert_accessible(page)
    for who, words, for_them in (
        ("Grace Okafor", "I want the mornings to be calmer.", False),
        ("Ada Okafor", "Ada drew a sunny house and a sad school.", True),
    ):
        page.locator("#id_view-person").select_option(label=who)
        page.locator("#id_view-in_their_words").fill(words)
        if for_them:
            page.locator("#id_view-recorded_for_them").check()
        page.get_by_role("button", name="Save their views").click()
        expect(page.get_by_text(words)).to_be_visible()
    for domain, text in (
        ("School attendance and learning", "Tobi misses Mondays"),
        ("Parenting", "Mornings are hard"),
    ):
        page.locator("#id_need-domain").select_option(label=domain)
        page.locator("#id_need-description").fill(text)
        page.get_by_role("button", name="Save the need").click()
    page.get_by_role("button", name="Send for sign-off").click()
    expect(page.get_by_text("Awaiting sign-off", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Back to the episode").click()
    page.get_by_role("link", name="Early Help Plan").click()
    assert_accessible(page)
    page.get_by_label("What the family wants to be different").fill(
        "Calm mornings, Tobi in school."
    )
    due = timezone.localdate() + timedelta(days=10)
    actions = [
        ("Breakfast club place", "Fran Ames", "School attendance and learning"),
        ("Morning routine chart", "Grace Okafor (family)", "Parenting"),
        ("Parenting group", "Fran Ames", "Parenting"),
    ]
    for i, (what, who, need) in enumerate(actions):
        page.locator(f"#id_actions-{i}-what").fill(what)
        owner = page.locator(f"#id_actions-{i}-owner")
        option = owner.locator("option", has_text=who).first.get_attribute("value")
        owner.select_option(option)
        fill_date(page, f"#id_actions-{i}-due_on", due.isoformat())
        page.locator(f"#id_actions-{i}-domain").select_option(label=need)
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_text("The plan is saved (version 1).")).to_be_visible()

    pdf = page.request.get(f"{live_server.url}{page.url.split(live_server.url)[1]}plan/pdf/")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    page.get_by_role("link", name="Family's copy to print").first.click()
    expect(page.get_by_role("heading", name="Your Early Help Plan")).to_be_visible()
    assert_accessible(page)
    page.go_back()

    _meeting(page, {"school-attendance-learning": 3, "parenting": 4}, "Still hard some days.")
    _meeting(page, {"school-attendance-learning": 6, "parenting": 7}, "Mornings are better.")
    expect(page.get_by_role("heading", name="Distance travelled")).to_be_visible()
    expect(
        page.get_by_role("img", name="Distance travelled: Whole family (average)")
    ).to_be_visible()
    expect(page.get_by_role("table").filter(has_text="Scores at each TAF meeting")).to_contain_text(
        "+3"
    )
    assert_accessible(page)

    page.get_by_role("link", name="Close the episode").click()
    assert_accessible(page)
    page.get_by_label("Needs met").check()
    page.get_by_label("The family gave feedback").check()
    for field in ("listened_to", "things_got_better", "would_ask_again"):
        page.locator(f"#id_{field}_4").check()
    page.get_by_label("Anything else the family said").fill("Fran listened to us.")
    page.get_by_role("button", name="Close the episode").click()
    expect(page.get_by_text("The episode is closed.")).to_be_visible()
    expect(page.get_by_text("Family's feedback: listened to 5/5")).to_be_visible()
    assert_accessible(page)
