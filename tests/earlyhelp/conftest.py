"""Early help fixtures: an early help team and partners, a family recorded through people's
services (never its tables), and helpers that take an episode through its stages."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import NeedDomain, PostcodeOutwardCode, WindscreenLevel
from teamaround.earlyhelp import services
from teamaround.people import services as people_services
from teamaround.people.models import MemberRole
from tests.factories import AgencyFactory, DistrictFactory, TeamFactory


@pytest.fixture
def chelmsford(db):
    district = DistrictFactory(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.get_or_create(outward_code="CM1", defaults={"district": district})
    return district


@pytest.fixture
def early_help_team(db):
    agency = AgencyFactory(name="Council Early Help", kind=AgencyKind.COUNCIL_EARLY_HELP)
    return TeamFactory(agency=agency, name="Family Solutions Mid A")


@pytest.fixture
def school_team(db):
    return TeamFactory(agency=AgencyFactory(name="Oakwood Primary School"), name="Safeguarding")


@pytest.fixture
def health_team(db):
    agency = AgencyFactory(name="Wellbeing Service", kind=AgencyKind.HEALTH_VISITING)
    return TeamFactory(agency=agency, name="Health Visiting Chelmsford")


@pytest.fixture
def social_care_team(db):
    agency = AgencyFactory(name="Children's Social Care", kind=AgencyKind.CHILDRENS_SOCIAL_CARE)
    return TeamFactory(agency=agency, name="Children and Families Team Mid")


@pytest.fixture
def worker(make_user, early_help_team):
    return make_user(Role.FAMILY_WORKER, team=early_help_team, username="fw", first_name="Fran")


@pytest.fixture
def colleague(make_user, early_help_team):
    return make_user(Role.FAMILY_WORKER, team=early_help_team, username="fw2")


@pytest.fixture
def manager(make_user, early_help_team):
    return make_user(Role.TEAM_MANAGER, team=early_help_team, username="tm")


@pytest.fixture
def teacher(make_user, school_team):
    return make_user(Role.PRACTITIONER, team=school_team, username="dsl")


@pytest.fixture
def nurse(make_user, health_team):
    return make_user(Role.PRACTITIONER, team=health_team, username="hv")


@pytest.fixture
def outsider(make_user):
    return make_user(Role.PRACTITIONER, username="outsider")


@pytest.fixture
def social_worker(make_user, social_care_team):
    return make_user(Role.SOCIAL_WORKER, team=social_care_team, username="sw")


@pytest.fixture
def level():
    return lambda number: WindscreenLevel.objects.get(number=number)


@pytest.fixture
def domain():
    return lambda code: NeedDomain.objects.get(code=code)


@pytest.fixture
def family(chelmsford, early_help_team, school_team):
    """A mother and two children in Chelmsford; the early help and school teams are involved."""
    family = people_services.family_create(actor=SYSTEM, name="Whitmore household")
    mum = people_services.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.PARENT,
        forenames="Kerry",
        surname="Whitmore",
        date_of_birth=date(1990, 1, 2),
        address={"line_1": "1 High Street", "postcode": "CM1 1QH"},
    )
    for forenames, born in (("Jayden", date(2015, 4, 9)), ("Ava", date(2021, 8, 1))):
        people_services.person_create(
            actor=SYSTEM,
            family=family,
            role=MemberRole.CHILD,
            forenames=forenames,
            surname="Whitmore",
            date_of_birth=born,
        )
    for team in (early_help_team, school_team):
        people_services.involvement_open(
            actor=SYSTEM, family=family, team=team, reason="Working with the family"
        )
    family.mum = mum
    return family


def members(family):
    from teamaround.earlyhelp.services.household import current_members

    return {person.forenames: person for person in current_members(family)}


@pytest.fixture
def open_episode(family, worker, level):
    def open_(actor=None, number=2, lead=None, **extra):
        return services.episode_open(
            actor=actor or worker,
            family=family,
            level=level(number),
            lead_professional=lead or worker,
            family_agreed_on=timezone.localdate(),
            family_agreed_by="Kerry (mum)",
            **extra,
        )

    return open_


@pytest.fixture
def episode(open_episode):
    return open_episode()


def action_row(owner, domain=None, what="Weekly home visit", days=14, **extra):
    return {
        "what": what,
        "owner": owner,
        "domain": domain,
        "due_on": timezone.localdate() + timedelta(days=days),
        **extra,
    }


@pytest.fixture
def planned(episode, worker, domain):
    services.plan_save(
        actor=worker,
        episode=episode,
        outcomes="Jayden goes to school every day.",
        actions=[
            action_row(worker, domain("school-attendance-learning")),
            action_row(worker, domain("parenting"), what="Parenting course place"),
        ],
        version=None,
    )
    episode.refresh_from_db()
    return episode
