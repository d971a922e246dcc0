"""Governance fixtures: early help's family and episode (a mother and two children, opened with
the family's agreement), plus the Data Protection Officer."""

import pytest

from teamaround.accounts.roles import Role
from tests.earlyhelp.conftest import *  # noqa: F403 - the family, teams and staff
from tests.earlyhelp.conftest import members


@pytest.fixture
def dpo(make_user, early_help_team):
    return make_user(Role.DATA_PROTECTION_OFFICER, team=early_help_team, username="dpo")


@pytest.fixture
def people(family):
    return members(family)
