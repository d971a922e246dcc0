"""Schemathesis over the whole staff API (/api/v1/) with the document it serves at
/api/schema/: requests generated from the document, valid and invalid, through the whole
Django stack, as an administrator and as a practitioner, each with an API token. Zero 5xx,
and every response within the document (status code, content type, body schema).

A small county is recorded first so that lists have rows and generated ids sometimes hit
(every id in the document is a path parameter; an id the caller may not open is a 404).
The examples per operation are bounded so the test stays a few minutes on two cores; the
rate limit of the staff API is raised for the test (its 429 is tested in tests/security).
"""

from __future__ import annotations

import contextlib
import json
from datetime import date

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from teamaround.accounts import services as accounts
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import PostcodeOutwardCode
from teamaround.panels import services as panels
from teamaround.panels.models import PanelType
from teamaround.panels.services.types import essex_panel_types
from teamaround.people import services as people
from teamaround.people.models import MemberRole
from tests.factories import DistrictFactory

pytestmark = pytest.mark.django_db

EXAMPLES = {GenerationMode.POSITIVE: 8, GenerationMode.NEGATIVE: 4}
# Operations that must answer 2xx at least once for each caller (of 55): the lists, the
# records in `county` each may open, and what each may create (21 of each today).
ENOUGH_DONE = {"administrator": 20, "practitioner": 20}
CHECKS = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
)


@pytest.fixture
def county(db, make_user):
    """A district, a family the practitioner's team works with, and the two callers."""
    district = DistrictFactory(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.get_or_create(outward_code="CM1", defaults={"district": district})
    administrator = make_user(Role.ADMINISTRATOR, username="api.admin")
    practitioner = make_user(Role.PRACTITIONER, username="api.practitioner")
    family = people.family_create(actor=SYSTEM, name="Whitmore household")
    child = people.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Jayden",
        surname="Whitmore",
        date_of_birth=date(2015, 4, 9),
        address={"line_1": "1 High Street", "postcode": "CM1 1QH"},
    )
    people.involvement_open(
        actor=SYSTEM, family=family, team=practitioner.team, reason="Working with the family"
    )
    panels.panel_types_load(actor=SYSTEM, data=essex_panel_types())
    return {
        "administrator": administrator,
        "practitioner": practitioner,
        # Records that exist, by the path that opens them: half of the valid requests to each
        # such path name one of these (generated ids alone almost never name a record).
        "known": {
            "/api/v1/persons/{id}/": child.pk,
            "/api/v1/families/{id}/": family.pk,
            "/api/v1/agencies/{id}/": practitioner.team.agency_id,
            "/api/v1/teams/{id}/": practitioner.team_id,
            "/api/v1/districts/{code}/": district.code,
            "/api/v1/panel-types/{id}/": PanelType.objects.order_by("code").first().pk,
        },
    }


@pytest.fixture
def schema(county, settings):
    """The document as the site serves it, calling the project's WSGI application in process.
    As Django's test client does, requests do not close the database connection (the test's
    transaction)."""
    settings.TEAMAROUND_RATE_LIMITS = settings.TEAMAROUND_RATE_LIMITS | {"api_staff": "100000/m"}
    client = Client()
    client.force_login(county["administrator"])
    served = client.get("/api/schema/", {"format": "json"}, HTTP_ACCEPT="application/json")
    assert served.status_code == 200
    loaded = schemathesis.openapi.from_dict(json.loads(served.content))
    loaded.app = get_wsgi_application()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield loaded
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("role", ["administrator", "practitioner"])
def test_the_staff_api_conforms_to_its_schema(schema, county, role):
    user = county[role]
    token = accounts.api_token_issue(actor=SYSTEM, user=user)
    headers = {"Authorization": f"Token {token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 50 and all(op.path.startswith("/api/v1/") for op in operations)
    failures: list[str] = []
    answered: dict[str, set[int]] = {}
    for operation in operations:
        seen = answered.setdefault(f"{operation.method.upper()} {operation.path}", set())
        for mode, examples in EXAMPLES.items():
            known = county["known"].get(_opening(operation.path))
            failures.extend(_run(operation, mode, examples, headers, seen, known))
    assert not failures, "\n\n".join(failures)
    # The token worked everywhere, and the caller's work was done, not only refused.
    assert not [op for op, codes in answered.items() if 401 in codes]
    done = {op for op, codes in answered.items() if any(200 <= code < 300 for code in codes)}
    assert len(done) >= ENOUGH_DONE[role], sorted(set(answered) - done)


def _opening(path: str) -> str:
    """/api/v1/persons/{id}/merge/ -> /api/v1/persons/{id}/ (the path naming the record)."""
    head, brace, rest = path.partition("}")
    return f"{head}}}/" if brace else path


def _naming(known):
    def name(case):
        (parameter,) = case.path_parameters
        case.path_parameters = {parameter: str(known)}
        return case

    return name


def _run(operation, mode, examples, headers, seen: set[int], known=None) -> list[str]:
    found: list[str] = []
    strategy = operation.as_strategy(generation_mode=mode)
    if known is not None and mode is GenerationMode.POSITIVE:
        strategy = st.one_of(strategy, strategy.map(_naming(known)))

    @given(case=strategy)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        try:
            response = case.call(headers=headers)
            seen.add(response.status_code)
            case.validate_response(response, checks=list(CHECKS))
        except (Exception, BaseExceptionGroup) as failure:  # noqa: BLE001 - reported below
            found.append(
                f"{operation.method.upper()} {operation.path} ({mode.value}): {_brief(failure)}"
            )
            if len(found) >= 3:
                raise

    with contextlib.suppress(Exception, BaseExceptionGroup):  # recorded in `found`
        check()
    return found[:3]


def _brief(failure: Exception) -> str:
    """Each distinct problem's title and the start of its message (the full report is long)."""
    parts = getattr(failure, "exceptions", None) or [failure]
    return "; ".join(
        f"{getattr(part, 'title', type(part).__name__)}: {str(part)[:600]}" for part in parts
    )


def test_an_api_address_that_matches_nothing_answers_json_404(api_as, county):
    api = api_as(county["administrator"])
    for url in (
        "/api/v1/governance/bases/not-an-id/withdraw/",  # was a 500 (found by schemathesis)
        "/api/v1/persons/12345/",
        "/api/v1/no-such-list/",
    ):
        response = api.post(url, {"reason": "x"}, format="json")
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json" and response.json() == {
            "detail": "Not found."
        }


def test_a_page_that_matches_nothing_is_still_the_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and "text/html" in response["Content-Type"]


def test_a_malformed_id_in_the_ledger_query_is_a_400(api_as, make_user):
    dpo = make_user(Role.DATA_PROTECTION_OFFICER, username="dpo")
    for query in ({"agency": "not-an-id"}, {"person": "12"}):
        response = api_as(dpo).get("/api/v1/governance/ledger/", query)
        assert response.status_code == 400, query  # was a 500 for agency (schemathesis)
        assert set(response.json()) == set(query)
