"""Fixtures shared by every test: staff of each role, signed-in clients, the API client."""

import pytest
from rest_framework.test import APIClient

from teamaround.accounts.roles import Role
from tests.actor_check import ActorCheck
from tests.factories import UserFactory


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` prove what only PostgreSQL enforces. On the embedded SQLite
    database they are deselected (reported as such, never as skipped); CI runs them."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    deselected = [item for item in items if item.get_closest_marker("postgresql")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """The test database is made from the models; the migrations' data operations (reference
    data, database triggers) are then run on it (tests/migration_data.py says why)."""
    if request.config.option.nomigrations:
        from tests.migration_data import replay_data_operations

        with django_db_blocker.unblock():
            replay_data_operations()


@pytest.fixture(autouse=True, scope="session")
def every_row_names_its_actor():
    """Every web and API request in the suite is checked: the rows a signed-in member of
    staff's request writes name them (tests/actor_check.py)."""
    check = ActorCheck()
    check.install()
    yield
    check.uninstall()


@pytest.fixture
def make_user(db):
    """make_user(Role.X, ...) -> a user holding those roles, in a team of their own agency."""

    def make(*roles, **fields):
        return UserFactory(roles=list(roles), **fields)

    return make


@pytest.fixture
def administrator(make_user):
    return make_user(Role.ADMINISTRATOR)


@pytest.fixture
def practitioner(make_user):
    return make_user(Role.PRACTITIONER)


@pytest.fixture
def team_manager(make_user):
    return make_user(Role.TEAM_MANAGER)


@pytest.fixture
def signed_in(client):
    """signed_in(user) -> Django test client signed in as that user."""

    def sign_in(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return sign_in


@pytest.fixture
def api_as():
    """api_as(user) -> DRF APIClient authenticated as that user (None: anonymous)."""

    def make(user):
        api = APIClient()
        if user is not None:
            api.force_authenticate(user)
        return api

    return make


@pytest.fixture(autouse=True)
def _empty_cache(settings):
    """Every test starts with empty rate-limit counts (they live in the cache), and limits
    high enough that only the tests of rate limits (tests/security/test_rate_limits.py, which
    set their own) meet them: a schemathesis run sends hundreds of requests a minute."""
    from django.core.cache import cache

    settings.TEAMAROUND_RATE_LIMITS = dict.fromkeys(settings.TEAMAROUND_RATE_LIMITS, "100000/m")
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_test_settings(settings):
    """Plain static storage, and a fast password hasher (the real one is slow on purpose)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background tasks run at once in tests, so their effects can be asserted directly.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _reference_data_after_a_flush(request):
    """A transactional test (browser journeys, saves at once) empties every table when it
    ends, the Windscreen levels and need domains that migration core 0004 loaded included.
    Each transactional test therefore starts by loading them again (idempotently), so no test
    depends on which ran before it. serialized_rollback is not used: restoring its snapshot
    clashes with the content types that a flush re-creates."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or (
        marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,))
    )
    if not transactional:
        return
    request.getfixturevalue("transactional_db")
    from teamaround.core.models import NeedDomain, WindscreenLevel
    from teamaround.core.reference_data import essex_reference, load_reference_data

    load_reference_data(essex_reference(), level_model=WindscreenLevel, domain_model=NeedDomain)
