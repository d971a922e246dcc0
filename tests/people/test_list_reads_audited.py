"""Every list that returns people accounts for what it returned: a view of each record on the
page actually sent, in one insert (core.audit.audit_listed, used by core.api.paginated)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from teamaround.core.access import SYSTEM
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.people import services
from teamaround.people.models import MemberRole


def _listed(user, object_type):
    return list(
        AuditEvent.objects.filter(
            actor=user, action=AuditAction.VIEW, object_type=object_type
        ).values_list("object_id", flat=True)
    )


def _audit_inserts(queries) -> int:
    return sum(1 for q in queries if q["sql"].startswith('INSERT INTO "core_auditevent"'))


@pytest.fixture
def big_family(record_family, involved_worker):
    """A family of 57 (the child, the mother and 55 siblings) the worker's team works with."""
    family, child, mother = record_family(team=involved_worker.team)
    for n in range(55):
        services.person_create(
            actor=SYSTEM,
            family=family,
            role=MemberRole.CHILD,
            forenames=f"Sibling{n:02d}",
            surname="Whitmore",
            date_of_birth=date(2012, 1, 1),
            sex="F",
        )
    return family


def test_each_page_of_the_persons_api_records_exactly_the_people_it_returned(
    big_family, involved_worker, api_as
):
    api = api_as(involved_worker)
    with CaptureQueriesContext(connection) as queries:
        first = api.get("/api/v1/persons/?page=1").json()
    assert first["count"] == 57 and len(first["results"]) == 50
    first_ids = [row["id"] for row in first["results"]]
    assert sorted(_listed(involved_worker, "people.person")) == sorted(first_ids)
    assert _audit_inserts(queries.captured_queries) == 1  # one insert for the page

    second = api.get("/api/v1/persons/?page=2").json()
    second_ids = [row["id"] for row in second["results"]]
    assert len(second_ids) == 7
    assert sorted(_listed(involved_worker, "people.person")) == sorted(first_ids + second_ids)
    event = AuditEvent.objects.filter(actor=involved_worker, object_id=second_ids[0]).get()
    assert event.request_path == "/api/v1/persons/"
    assert event.summary == "Listed persons (API)"
    assert "Sibling" not in event.summary and "Whitmore" not in event.summary


def test_a_page_out_of_range_records_nothing(big_family, involved_worker, api_as):
    assert api_as(involved_worker).get("/api/v1/persons/?page=9").status_code == 404
    assert _listed(involved_worker, "people.person") == []


def test_someone_who_sees_nobody_is_recorded_reading_nobody(big_family, outsider, api_as):
    response = api_as(outsider).get("/api/v1/persons/")
    assert response.json()["count"] == 0
    assert _listed(outsider, "people.person") == []


def test_family_and_relationship_lists_record_what_they_returned(
    record_family, involved_worker, api_as
):
    family, child, mother = record_family(team=involved_worker.team)
    api = api_as(involved_worker)
    families = api.get("/api/v1/families/").json()["results"]
    assert (
        _listed(involved_worker, "people.family")
        == [str(family.pk)]
        == [row["id"] for row in families]
    )
    relationships = api.get("/api/v1/relationships/").json()["results"]
    assert len(relationships) == 1
    assert _listed(involved_worker, "people.relationship") == [relationships[0]["id"]]


def test_known_child_search_records_which_children_came_back(
    record_family, involved_worker, outsider, api_as, signed_in
):
    family, child, mother = record_family(team=involved_worker.team)
    query = "forenames=Jayden&surname=Whitmore&date_of_birth=2015-04-09"
    results = api_as(outsider).get(f"/api/v1/known-child-search/?{query}").json()["results"]
    assert [r["person_id"] for r in results] == [str(child.pk)]
    # The outsider may not open the record, but learnt that the child is known: recorded.
    assert _listed(outsider, "people.person") == [str(child.pk)]

    page = signed_in(involved_worker).get(f"/people/?{query}")
    assert page.status_code == 200
    assert _listed(involved_worker, "people.person") == [str(child.pk)]
