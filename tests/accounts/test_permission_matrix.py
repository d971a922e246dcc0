"""Who may read and change the council's agencies, teams, staff and API tokens
(tests/matrix.py explains the table). Every member of staff in the matrix works in one team of
a council early help agency; the other agency's practitioner works in a school. The directory
of agencies and teams is open to every member of staff (a practitioner finds the Hub, a lead
professional finds a health visitor's team); staff accounts and tokens are the administrator's
alone: a team manager manages a caseload, not accounts."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from teamaround.accounts import selectors, services
from teamaround.accounts.models import Agency, AgencyKind, ApiToken, Team, User
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied
from tests.factories import AgencyFactory, TeamFactory, UserFactory
from tests.matrix import allowed, built_once, cast, cells

pytestmark = pytest.mark.django_db

TABLE = {
    #                     prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "agency_list":       "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | Y     -",
    "agency_get":        "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | Y     -",
    "team_list":         "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | Y     -",
    "team_get":          "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | Y     -",
    "user_list":         "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "user_get":          "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "api_token_list":    "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "api_token_get":     "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "agency_create":     "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "agency_update":     "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "agency_archive":    "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "team_create":       "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "team_update":       "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "user_create":       "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "user_update":       "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "user_deactivate":   "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "api_token_issue":   "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "api_token_revoke":  "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
}  # fmt: skip


def build():
    team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.COUNCIL_EARLY_HELP))
    other_team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL))
    empty = AgencyFactory(kind=AgencyKind.VOLUNTARY, name="Closed Down Charity")
    target = UserFactory(roles=[Role.PRACTITIONER], team=other_team, username="accounts.target")
    services.api_token_issue(actor=SYSTEM, user=target)
    return SimpleNamespace(
        people=cast(team, other_team, prefix="accounts"),
        team_id=team.pk,
        agency_id=team.agency_id,
        empty_agency_id=empty.pk,
        target_id=target.pk,
        token_id=ApiToken.objects.get(user=target, revoked_at__isnull=True).pk,
    )


world = built_once(build)


def _target(w):
    return User.objects.get(pk=w.target_id)


def _in_list(queryset, pk) -> bool:
    return queryset.filter(pk=pk).exists()


OPERATIONS = {
    "agency_list": lambda w, a: _in_list(selectors.agency_list(actor=a), w.agency_id),
    "agency_get": lambda w, a: selectors.agency_get(actor=a, agency_id=w.agency_id),
    "team_list": lambda w, a: _in_list(selectors.team_list(actor=a), w.team_id),
    "team_get": lambda w, a: selectors.team_get(actor=a, team_id=w.team_id),
    "user_list": lambda w, a: _in_list(selectors.user_list(actor=a), w.target_id),
    "user_get": lambda w, a: selectors.user_get(actor=a, user_id=w.target_id),
    "api_token_list": lambda w, a: _in_list(
        selectors.api_token_list(actor=a, user=_target(w)), w.token_id
    ),
    "api_token_get": lambda w, a: selectors.api_token_get(
        actor=a, user=_target(w), token_id=w.token_id
    ),
    "agency_create": lambda w, a: services.agency_create(
        actor=a, name="Tendring Food Bank", kind=AgencyKind.VOLUNTARY
    ),
    "agency_update": lambda w, a: services.agency_update(
        actor=a, agency=Agency.objects.get(pk=w.agency_id), phone="01245 000000"
    ),
    "agency_archive": lambda w, a: services.agency_archive(
        actor=a, agency=Agency.objects.get(pk=w.empty_agency_id), reason="The charity closed"
    ),
    "team_create": lambda w, a: services.team_create(
        actor=a, agency=Agency.objects.get(pk=w.agency_id), name="Harlow Family Support"
    ),
    "team_update": lambda w, a: services.team_update(
        actor=a, team=Team.objects.get(pk=w.team_id), name="Renamed team"
    ),
    "user_create": lambda w, a: services.user_create(
        actor=a,
        username="new.starter",
        first_name="New",
        last_name="Starter",
        email="new.starter@example.org",
        team=Team.objects.get(pk=w.team_id),
        roles=[Role.PRACTITIONER],
    ),
    "user_update": lambda w, a: services.user_update(
        actor=a, user=_target(w), job_title="Designated safeguarding lead"
    ),
    "user_deactivate": lambda w, a: services.user_deactivate(
        actor=a, user=_target(w), reason="Left the school"
    ),
    "api_token_issue": lambda w, a: services.api_token_issue(actor=a, user=_target(w)),
    "api_token_revoke": lambda w, a: services.api_token_revoke(
        actor=a, token=ApiToken.objects.get(pk=w.token_id), reason="A laptop was lost"
    ),
}


def test_every_operation_has_a_row():
    assert set(OPERATIONS) == set(TABLE)


@pytest.mark.parametrize(("operation", "who", "expected"), cells(TABLE))
def test_permission_matrix(world, operation, who, expected):
    actor = world.people[who]
    assert allowed(lambda: OPERATIONS[operation](world, actor)) is expected


def test_a_refused_change_writes_nothing(world):
    """A refused cell is refused before anything is written, not rolled back after."""
    manager = world.people[Role.TEAM_MANAGER]
    with pytest.raises(AccessDenied):
        services.user_deactivate(actor=manager, user=_target(world), reason="Not theirs")
    assert _target(world).is_active
    assert ApiToken.objects.filter(pk=world.token_id, revoked_at__isnull=True).exists()
