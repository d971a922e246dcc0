"""Journeys from the family's page, by clicking only: a health visitor finds a child she
works with and opens a level 2 early help episode from the family's page; a social worker
takes the step-up task on her home page and steps the family down to early help."""

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import WindscreenLevel
from teamaround.earlyhelp import services as earlyhelp_services
from teamaround.earlyhelp.models import Episode
from teamaround.people import services as people_services
from teamaround.people.models import MemberRole
from tests.browser.conftest import assert_accessible, fill_date, menu, sign_in
from tests.factories import PASSWORD, AgencyFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _family(*teams):
    family = people_services.family_create(actor=SYSTEM, name="Okafor household")
    for role, forenames, born in (
        (MemberRole.PARENT, "Grace", date(1988, 3, 4)),
        (MemberRole.CHILD, "Tobi", date(2016, 5, 6)),
    ):
        people_services.person_create(
            actor=SYSTEM,
            family=family,
            role=role,
            forenames=forenames,
            surname="Okafor",
            date_of_birth=born,
        )
    for team in teams:
        people_services.involvement_open(actor=SYSTEM, family=family, team=team, reason="Work")
    return family


def _fill_the_episode(page, *, level=True):
    if level:
        page.get_by_label("Level 2: ").check()
    fill_date(page, "#id_family_agreed_on", timezone.localdate().isoformat())
    page.get_by_label("Who in the family agreed").fill("Grace (mum)")


def test_a_health_visitor_opens_early_help_from_the_familys_page(journey):
    health = TeamFactory(
        agency=AgencyFactory(name="Wellbeing Service", kind=AgencyKind.HEALTH_VISITING),
        name="Health Visiting Chelmsford",
    )
    UserFactory(
        username="hv",
        first_name="Hana",
        last_name="Visitor",
        team=health,
        roles=[Role.PRACTITIONER],
    )
    family = _family(health)

    sign_in(journey, "hv", PASSWORD)
    menu(journey, "Is this child known?")
    journey.get_by_label("First name").fill("Tobi")
    journey.get_by_label("Last name").fill("Okafor")
    journey.get_by_role("button", name="Search").click()
    assert_accessible(journey)
    journey.get_by_role("link", name="Tobi Okafor").click()
    assert_accessible(journey)
    journey.get_by_role("link", name="Okafor household").click()
    assert_accessible(journey)
    journey.get_by_role("button", name="Open an early help episode").click()
    assert_accessible(journey)
    journey.get_by_role("button", name="Open the episode").click()
    expect(journey.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(journey)
    _fill_the_episode(journey)
    journey.get_by_role("button", name="Open the episode").click()
    expect(journey.get_by_text("The early help episode is open.")).to_be_visible()
    assert_accessible(journey)

    episode = Episode.objects.get(family=family)
    assert episode.source == "partner" and episode.lead_professional.username == "hv"
    journey.get_by_role("link", name="The family's record").click()
    expect(journey.get_by_role("button", name="Open an early help episode")).to_have_count(0)
    journey.get_by_role("link", name="Early help episode").click()
    expect(journey.get_by_role("heading", level=1)).to_have_text(
        "Early help for the Okafor household"
    )


def test_a_social_worker_steps_a_family_down_from_her_task(journey):
    early_help = TeamFactory(
        agency=AgencyFactory(name="Council Early Help", kind=AgencyKind.COUNCIL_EARLY_HELP),
        name="Family Solutions Mid A",
    )
    social_care = TeamFactory(
        agency=AgencyFactory(name="Children's Social Care", kind=AgencyKind.CHILDRENS_SOCIAL_CARE),
        name="Children and Families Team Mid",
    )
    fran = UserFactory(
        username="fran",
        first_name="Fran",
        last_name="Ames",
        team=early_help,
        roles=[Role.FAMILY_WORKER],
    )
    UserFactory(
        username="sw",
        first_name="Sol",
        last_name="Worker",
        team=social_care,
        roles=[Role.SOCIAL_WORKER],
    )
    family = _family(early_help)
    first = earlyhelp_services.episode_open(
        actor=fran,
        family=family,
        level=WindscreenLevel.objects.get(number=2),
        lead_professional=fran,
        family_agreed_on=timezone.localdate(),
        family_agreed_by="Grace",
    )
    earlyhelp_services.episode_step_up(
        actor=fran, episode=first, to_team=social_care, reason="Risk has grown"
    )

    sign_in(journey, "sw", PASSWORD)
    assert_accessible(journey)
    journey.get_by_role("link", name=f"Step up from early help {first.reference}").click()
    assert_accessible(journey)
    journey.get_by_role("link", name="Step down to early help").click()
    expect(journey.get_by_role("heading", level=1)).to_have_text("Step down to early help")
    assert_accessible(journey)
    _fill_the_episode(journey)
    journey.get_by_label("Lead professional").select_option(
        label="Fran Ames, Family Solutions Mid A (Council Early Help)"
    )
    journey.get_by_label("Why the family can step down to early help").fill(
        "Safety plan holding; needs are now early help."
    )
    journey.get_by_role("button", name="Open the episode").click()
    expect(journey.get_by_text("The family has stepped down to early help.")).to_be_visible()
    assert_accessible(journey)
    second = Episode.objects.exclude(pk=first.pk).get(family=family)
    assert second.source == "step_down" and second.lead_professional == fran
    assert second.step_down.previous_episode == first
