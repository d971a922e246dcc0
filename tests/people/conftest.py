"""People-app fixtures: families recorded through the services, teams involved with them."""

from datetime import date

import pytest

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.people import services
from teamaround.people.models import MemberRole

VALID_NHS = "9434765919"
VALID_UPN = "A881123423001"  # check letter computed in test_validators


@pytest.fixture
def record_family():
    """record_family(team=None) -> (family, child, mother), recorded by the system; `team`
    becomes involved with the family."""

    def record(
        team=None, surname="Whitmore", forenames="Jayden", born=date(2015, 4, 9), postcode="CM1 1QH"
    ):
        family = services.family_create(actor=SYSTEM, name=f"{surname} household")
        child = services.person_create(
            actor=SYSTEM,
            family=family,
            role=MemberRole.CHILD,
            forenames=forenames,
            surname=surname,
            date_of_birth=born,
            sex="M",
            nhs_number=VALID_NHS,
            address={"line_1": "1 High Street", "postcode": postcode},
        )
        mother = services.person_create(
            actor=SYSTEM,
            family=family,
            role=MemberRole.PARENT,
            forenames="Kerry",
            surname=surname,
            date_of_birth=date(1990, 1, 2),
            sex="F",
        )
        services.relationship_record(
            actor=SYSTEM, from_person=mother, to_person=child, kind="parent_of"
        )
        if team is not None:
            services.involvement_open(
                actor=SYSTEM, family=family, team=team, reason="Early help assessment"
            )
        return family, child, mother

    return record


@pytest.fixture
def involved_worker(make_user):
    return make_user(Role.FAMILY_WORKER)


@pytest.fixture
def outsider(make_user):
    """A practitioner in another agency's team, with no involvement."""
    return make_user(Role.PRACTITIONER)


@pytest.fixture
def breaker(make_user):
    """A family worker in another team, with no involvement: a casework role that may take
    break-glass access (TEAMAROUND_BREAK_GLASS_ROLES). An administrator exists to review it."""
    make_user(Role.ADMINISTRATOR)
    return make_user(Role.FAMILY_WORKER)
