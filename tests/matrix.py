"""The permission matrix: each read and change of a person's data, tried by a member of staff
holding each role, by a member of another agency's staff and by an anonymous user,
with the expected answer for every cell written out by hand in the app's
tests/<app>/test_permission_matrix.py (never computed from the rule the code uses).

A table row is one operation and fourteen marks, in the order of COLUMNS:

    #                    prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "person_get":       "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",

Y: allowed (the operation runs and, for a list, returns the record); -: refused (AccessDenied,
a refused record, Http404 or a list without the record).

The county each module builds is made once per module (`built_once`): its tests run inside
one outer transaction that is rolled back at the end, and each test in a savepoint of its own,
so a change one cell makes never reaches the next.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied
from tests.factories import UserFactory

OTHER_AGENCY = "other_agency"
ANONYMOUS = "anonymous"
COLUMNS = (
    Role.PRACTITIONER,
    Role.HUB_SCREENER,
    Role.HUB_SOCIAL_WORKER,
    Role.FAMILY_WORKER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.PANEL_CHAIR,
    Role.COMMISSIONER,
    Role.DATA_ANALYST,
    Role.ADMINISTRATOR,
    Role.INFORMATION_GOVERNANCE,
    Role.DATA_PROTECTION_OFFICER,
    OTHER_AGENCY,
    ANONYMOUS,
)
SHORT = (
    "prac", "hub", "hsw", "fw", "sw", "mgr", "chair", "comm", "anal", "admin", "ig", "dpo", "other",
    "anon"
)  # fmt: skip


def marks(text: str) -> dict[str, bool]:
    """'Y - Y ... | - -' -> {column: allowed}."""
    found = text.replace("|", " ").split()
    if len(found) != len(COLUMNS) or not set(found) <= {"Y", "-"}:
        raise ValueError(f"A matrix row needs {len(COLUMNS)} marks (Y or -): {text!r}")
    return dict(zip(COLUMNS, (mark == "Y" for mark in found), strict=True))


def cells(table: dict[str, str]) -> list:
    """pytest parameters (operation, who, allowed) for every cell of a table."""
    missing = [role for role in Role if role not in COLUMNS]
    if missing:
        raise ValueError(
            f"The role(s) {missing} have no column in tests/matrix.py: add each to COLUMNS and "
            "SHORT, and a mark for it to every row of every tests/*/test_permission_matrix.py."
        )
    return [
        pytest.param(operation, who, allowed, id=f"{operation}-{SHORT[COLUMNS.index(who)]}")
        for operation, row in table.items()
        for who, allowed in marks(row).items()
    ]


def cast(team, other_team, *, prefix: str) -> dict:
    """A member of staff for each role in `team`, a practitioner in `other_team` (another
    agency) and an anonymous user. Passwords are unusable: the matrix signs in by session."""
    people: dict = {
        role: UserFactory(roles=[role], team=team, username=f"{prefix}.{role}", password=None)
        for role in Role
    }
    people[OTHER_AGENCY] = UserFactory(
        roles=[Role.PRACTITIONER], team=other_team, username=f"{prefix}.other", password=None
    )
    people[ANONYMOUS] = AnonymousUser()
    return people


def allowed(run: Callable[[], object]) -> bool:
    """Run one cell: False if it was refused or the record was not there for this actor."""
    try:
        result = run()
    except (AccessDenied, Http404, PermissionDenied):
        return False
    return result is not False


def built_once(build: Callable[[], object]):
    """A module-scoped fixture holding what `build()` makes, rolled back after the module."""

    @pytest.fixture(scope="module")
    def world(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            made = build()
            yield made
            transaction.set_rollback(True)

    return world


def page_allowed(user, url: str, data: dict | None = None) -> bool:
    """GET `url` (or POST `data` to it) as `user`, signed in by session (anonymous as is).

    A GET is allowed on a 200, a POST on a redirect that is not to sign in (the change was
    made). A refusal is a 403, a 404, or an anonymous user sent to sign in. Anything else fails
    the cell: a 500, a form shown again with errors, or a redirect anywhere else is neither an
    answer nor a refusal."""
    from django.conf import settings
    from django.shortcuts import resolve_url
    from django.test import Client

    client = Client()
    if user.is_authenticated:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    method = "GET" if data is None else "POST"
    response = client.get(url) if data is None else client.post(url, data)
    if response.status_code in (403, 404):
        return False
    sign_in = resolve_url(settings.LOGIN_URL)
    if response.status_code == 302 and not user.is_authenticated:
        assert response.url.startswith(sign_in), f"{method} {url} sent {user} to {response.url}"
        return False
    if method == "GET" and response.status_code == 200:
        return True
    if method == "POST" and response.status_code == 302:
        assert not response.url.startswith(sign_in), f"POST {url} sent {user} to sign in"
        return True
    raise AssertionError(f"{method} {url} as {user} answered {response.status_code}")
