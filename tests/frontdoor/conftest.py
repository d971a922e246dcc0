"""Hub fixtures: the Hub's staff and teams, a partner's safeguarding lead, and children
recorded through the people app's services (never its tables)."""

from datetime import date

import pytest

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import PostcodeOutwardCode, WindscreenLevel
from teamaround.frontdoor import services
from teamaround.people import services as people_services
from teamaround.people.models import MemberRole
from tests.factories import AgencyFactory, DistrictFactory, TeamFactory


@pytest.fixture
def chelmsford(db):
    district = DistrictFactory(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.create(outward_code="CM1", district=district)
    return district


@pytest.fixture
def hub_team(db):
    agency = AgencyFactory(
        name="Essex County Council Early Help", kind=AgencyKind.COUNCIL_EARLY_HELP
    )
    return TeamFactory(agency=agency, name="Children and Families Hub")


@pytest.fixture
def family_solutions_team(hub_team):
    return TeamFactory(agency=hub_team.agency, name="Family Solutions Mid A")


@pytest.fixture
def social_care_team(db):
    agency = AgencyFactory(name="Children's Social Care", kind=AgencyKind.CHILDRENS_SOCIAL_CARE)
    return TeamFactory(agency=agency, name="Children and Families Team Mid")


@pytest.fixture
def screener(make_user, hub_team):
    return make_user(Role.HUB_SCREENER, team=hub_team, username="screener")


@pytest.fixture
def hub_social_worker(make_user, hub_team):
    return make_user(Role.HUB_SOCIAL_WORKER, team=hub_team, username="hub.sw")


@pytest.fixture
def hub_manager(make_user, hub_team, screener):
    return make_user(Role.TEAM_MANAGER, team=hub_team, username="hub.manager")


@pytest.fixture
def school_team(db):
    return TeamFactory(
        agency=AgencyFactory(name="Oakwood Primary School"), name="Safeguarding Team"
    )


@pytest.fixture
def school_lead(make_user, school_team):
    return make_user(
        Role.PRACTITIONER,
        team=school_team,
        username="dsl",
        job_title="Designated Safeguarding Lead",
    )


@pytest.fixture
def level():
    return lambda number: WindscreenLevel.objects.get(number=number)


@pytest.fixture
def known_child(chelmsford):
    """known_child(team=None, ...) -> (family, child) recorded by the system; `team` (and its
    lead worker) become involved."""

    def record(
        team=None,
        lead_worker=None,
        forenames="Jayden",
        surname="Whitmore",
        born=date(2015, 4, 9),
        postcode="CM1 1QH",
    ):
        family = people_services.family_create(actor=SYSTEM, name=f"{surname} household")
        child = people_services.person_create(
            actor=SYSTEM,
            family=family,
            role=MemberRole.CHILD,
            forenames=forenames,
            surname=surname,
            date_of_birth=born,
            address={"line_1": "1 High Street", "postcode": postcode},
        )
        if team is not None:
            people_services.involvement_open(
                actor=SYSTEM,
                family=family,
                team=team,
                reason="Working with the family",
                lead_worker=lead_worker,
            )
        return family, child

    return record


@pytest.fixture
def request_values(level, chelmsford):
    """A complete professional request's values; override any with keywords."""

    def values(**changes):
        base = {
            "child_forenames": "Mia",
            "child_surname": "Fairbrother",
            "child_date_of_birth": date(2014, 6, 1),
            "address_line_1": "3 Mill Lane",
            "postcode": "CM1 2AB",
            "parent_name": "Dana Fairbrother",
            "parent_phone": "01245 000000",
            "concern": "Mia is often late and hungry; mum says money is very tight.",
            "tried": "Breakfast club place and a talk with mum.",
            "level_suggested": level(2),
            "consent": "yes",
        }
        return base | changes

    return values


@pytest.fixture
def sent_request(school_lead, request_values):
    def send(**changes):
        return services.request_for_support_send(
            actor=school_lead, values=request_values(**changes)
        )

    return send
