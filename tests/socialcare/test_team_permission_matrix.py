"""Who may change a case's child protection team, read its page, transfer a case and sign
management oversight (tests/matrix.py explains the table). The matrix's staff all work in
the social care team that holds the cases; the other agency's practitioner works in a school
that is not involved. A police officer added to the team reads the case; that is tested in
test_cp_team.py, here nobody of the matrix is a member."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.socialcare.models import SocialCareReferral
from teamaround.socialcare.services import cp_team, oversight
from tests.factories import AgencyFactory, TeamFactory, UserFactory
from tests.matrix import allowed, built_once, cast, cells, page_allowed
from tests.socialcare.test_permission_matrix import _decided, _family

pytestmark = pytest.mark.django_db

TABLE = {
    #                  prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "team_page":      "Y    -    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "team_add":       "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "transfer":       "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "oversight":      "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
}  # fmt: skip


def build():
    team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.CHILDRENS_SOCIAL_CARE))
    other_team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL))
    matrix = cast(team, other_team, prefix="sc-team")
    worker = matrix[Role.SOCIAL_WORKER]
    police = TeamFactory(agency=AgencyFactory(kind=AgencyKind.POLICE))
    officer = UserFactory(
        roles=[Role.PRACTITIONER], team=police, username="sc-team.pc", password=None
    )
    second = UserFactory(
        roles=[Role.SOCIAL_WORKER], team=team, username="sc-team.sw2", password=None
    )
    family = _family("Whitmore", team)
    today = timezone.localdate()
    strategy = _decided(family, team, worker, "strategy", today - timedelta(days=10))
    return SimpleNamespace(
        matrix=matrix, strategy=strategy, officer=officer, second=second, today=today
    )


world = built_once(build)


def _operations(w):
    case = SocialCareReferral.objects.get(pk=w.strategy.pk)
    return {
        "team_page": lambda a: page_allowed(a, reverse("socialcare:cp-team", args=[case.pk])),
        "team_add": lambda a: cp_team.cp_team_member_add(
            actor=a, referral=case, practitioner=w.officer
        ),
        "transfer": lambda a: oversight.case_transfer(
            actor=a, referral=case, worker=w.second, note="Hand-over."
        ),
        "oversight": lambda a: oversight.oversight_record(
            actor=a, referral=case, text="Direction: visit this week."
        ),
    }


@pytest.mark.parametrize(("operation", "who", "expected"), cells(TABLE))
def test_team_permission_matrix(world, operation, who, expected):
    actor = world.matrix[who]
    assert allowed(lambda: _operations(world)[operation](actor)) is expected
