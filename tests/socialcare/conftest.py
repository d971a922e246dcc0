"""Social care fixtures: a social care team (worker, colleague, manager), partners, a family
recorded through people's services, a Hub level 4 hand-over, and a referral received."""

from datetime import date

import pytest

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import PostcodeOutwardCode, WindscreenLevel
from teamaround.frontdoor import services as frontdoor_services
from teamaround.frontdoor.models import DecisionRoute
from teamaround.people import services as people_services
from teamaround.people.models import MemberRole
from teamaround.socialcare import services
from tests.factories import AgencyFactory, DistrictFactory, TeamFactory


@pytest.fixture
def chelmsford(db):
    district = DistrictFactory(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.get_or_create(outward_code="CM1", defaults={"district": district})
    return district


@pytest.fixture
def social_care(db):
    return AgencyFactory(name="Children's Social Care", kind=AgencyKind.CHILDRENS_SOCIAL_CARE)


@pytest.fixture
def sc_team(social_care):
    return TeamFactory(agency=social_care, name="Children and Families Mid 1")


@pytest.fixture
def other_sc_team(social_care):
    return TeamFactory(agency=social_care, name="Children and Families North 2")


@pytest.fixture
def school_team(db):
    return TeamFactory(agency=AgencyFactory(name="Oakwood Primary School"), name="Safeguarding")


@pytest.fixture
def worker(make_user, sc_team):
    return make_user(Role.SOCIAL_WORKER, team=sc_team, username="sw", first_name="Sam")


@pytest.fixture
def colleague(make_user, sc_team):
    return make_user(Role.SOCIAL_WORKER, team=sc_team, username="sw2")


@pytest.fixture
def manager(make_user, sc_team):
    return make_user(Role.TEAM_MANAGER, team=sc_team, username="tm", first_name="Tess")


@pytest.fixture
def other_worker(make_user, other_sc_team):
    return make_user(Role.SOCIAL_WORKER, team=other_sc_team, username="sw-north")


@pytest.fixture
def other_manager(make_user, other_sc_team):
    return make_user(Role.TEAM_MANAGER, team=other_sc_team, username="tm-north")


@pytest.fixture
def teacher(make_user, school_team):
    return make_user(Role.PRACTITIONER, team=school_team, username="dsl")


@pytest.fixture
def outsider(make_user):
    return make_user(Role.PRACTITIONER, username="outsider")


@pytest.fixture
def level():
    return lambda number: WindscreenLevel.objects.get(number=number)


@pytest.fixture
def family(chelmsford, school_team):
    """A mother and two children in Chelmsford; the school is involved."""
    family = people_services.family_create(actor=SYSTEM, name="Whitmore household")
    people_services.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.PARENT,
        forenames="Kerry",
        surname="Whitmore",
        date_of_birth=date(1990, 1, 2),
        address={"line_1": "1 High Street", "postcode": "CM1 1QH"},
    )
    children = [
        people_services.person_create(
            actor=SYSTEM,
            family=family,
            role=MemberRole.CHILD,
            forenames=forenames,
            surname="Whitmore",
            date_of_birth=born,
        )
        for forenames, born in (("Jayden", date(2015, 4, 9)), ("Ava", date(2021, 8, 1)))
    ]
    people_services.involvement_open(
        actor=SYSTEM, family=family, team=school_team, reason="Pupil at the school"
    )
    family.child = children[0]
    return family


@pytest.fixture
def receive(family, worker):
    def receive_(actor=None, **extra):
        values = {
            "family": family,
            "child": family.child,
            "source": "2A",
            "primary_need": "N1",
            "reason": "Bruising seen at school; Jayden says he is scared at home.",
            "allocated_worker": worker,
        }
        values.update(extra)
        return services.referral_receive(actor=actor or worker, **values)

    return receive_


@pytest.fixture
def referral(receive):
    return receive()


@pytest.fixture
def hand_over(chelmsford, teacher, make_user, sc_team, level):
    """A request from the school decided at level 4 by a Hub social worker, handed over."""
    hub = make_user(Role.HUB_SOCIAL_WORKER, team=TeamFactory(name="Hub"), username="hubsw")
    values = {
        "child_forenames": "Mia",
        "child_surname": "Fairbrother",
        "child_date_of_birth": date(2014, 6, 1),
        "address_line_1": "3 Mill Lane",
        "postcode": "CM1 2AB",
        "parent_name": "Dana Fairbrother",
        "parent_phone": "01245 000000",
        "concern": "Mia has a mark on her face and says her step-dad hit her.",
        "tried": "Spoke with Mia; told the designated safeguarding lead.",
        "level_suggested": level(4),
        "consent": "no",
        "no_consent_reason": "Telling the family could put the child at risk",
        "safeguarding_concern": True,
    }
    request = frontdoor_services.request_for_support_send(actor=teacher, values=values)
    decision = frontdoor_services.hub_decision_record(
        actor=hub,
        request=request,
        level=level(4),
        route=DecisionRoute.SOCIAL_CARE,
        rationale="Disclosure of physical harm",
        family_agreement=False,
        receiving_team=sc_team,
    )
    return decision.hand_over
