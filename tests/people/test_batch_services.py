"""Recording many people and chronology events at once: checked whole with every problem
reported and nothing written, found by "is this child known?" like one recorded singly, and
audited once per batch with counts and ids."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied, ValidationFailed
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.people import selectors, services
from teamaround.people.models import (
    Family,
    FamilyEvent,
    FamilyEventKind,
    IdentifierScheme,
    Person,
    PersonIdentifier,
    PersonSearchKey,
)
from teamaround.people.services.search_keys import search_keys_refresh
from tests.people.conftest import VALID_NHS

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + timedelta(days=1)


def _row(**values):
    return {
        "forenames": "Maisie",
        "surname": "Okafor",
        "date_of_birth": date(2014, 2, 3),
        "address": {"line_1": "2 Mill Lane", "postcode": "cm11qh"},
        **values,
    }


def test_a_batch_records_people_in_row_order_with_households_and_identifiers():
    recorded = services.persons_record_batch(
        actor=SYSTEM,
        rows=[
            _row(nhs_number="943 476 5919"),
            _row(
                forenames="Tobias",
                surname="Lind",
                address=None,
                identifiers=[(IdentifierScheme.POLICE, "MP-123")],
            ),
        ],
    )
    first, second = (r.person for r in recorded)
    assert (first.forenames, second.forenames) == ("Maisie", "Tobias")
    assert first.identifiers.get().value == VALID_NHS
    assert first.addresses.get().postcode == "CM1 1QH"
    assert second.identifiers.get().scheme == IdentifierScheme.POLICE
    membership = first.memberships.get()
    assert membership.family == recorded[0].family and membership.role == "child"
    assert recorded[0].family.name == "Okafor household"
    kinds = set(recorded[0].family.events.values_list("kind", flat=True))
    assert kinds == {FamilyEventKind.FAMILY_RECORDED, FamilyEventKind.MEMBER_JOINED}
    families = selectors.current_families([first.pk, second.pk], actor=SYSTEM)
    assert families == {first.pk: recorded[0].family.pk, second.pk: recorded[1].family.pk}


def test_the_actors_team_becomes_involved_as_with_person_create(make_user):
    worker = make_user(Role.FAMILY_WORKER)
    [recorded] = services.persons_record_batch(actor=worker, rows=[_row()])
    involvements = selectors.open_involvements([recorded.family.pk], actor=SYSTEM)[
        recorded.family.pk
    ]
    assert [i.team for i in involvements] == [worker.team]
    assert recorded.person.created_by == worker


def test_search_keys_are_those_person_create_would_make():
    [recorded] = services.persons_record_batch(actor=SYSTEM, rows=[_row()])
    columns = ("forename", "surname", "forename_key", "surname_key", "date_of_birth", "postcode")
    batch_keys = set(PersonSearchKey.objects.filter(person=recorded.person).values_list(*columns))
    search_keys_refresh(recorded.person)  # what every single-record service does
    refreshed = set(PersonSearchKey.objects.filter(person=recorded.person).values_list(*columns))
    assert batch_keys == refreshed and batch_keys


def test_batch_created_people_are_found_by_known_child_search(make_user):
    [recorded] = services.persons_record_batch(
        actor=SYSTEM, rows=[_row(forenames="William", surname="Ashworth")]
    )
    results = selectors.known_child_search(
        actor=make_user(Role.HUB_SCREENER),
        forenames="Billy",
        surname="Ashwerth",
        date_of_birth=date(2014, 2, 3),
    )
    assert results[0].person_id == recorded.person.pk


def test_bad_rows_reject_the_whole_batch_with_every_problem():
    with pytest.raises(ValidationFailed) as error:
        services.persons_record_batch(
            actor=SYSTEM,
            rows=[
                _row(),
                _row(forenames="", nhs_number="9434765918"),
                _row(date_of_birth=TOMORROW, address={"line_1": "1 Street", "postcode": "XX"}),
                _row(role="cousin", identifiers=[("nonsense", "1"), (IdentifierScheme.POLICE, "")]),
            ],
        )
    errors = error.value.errors
    assert set(errors) == {
        "row 2: forenames",
        "row 2: nhs_number",
        "row 3: date_of_birth",
        "row 3: postcode",
        "row 4: role",
        "row 4: identifiers",
    }
    assert "not a valid NHS number" in errors["row 2: nhs_number"][0]
    assert len(errors["row 4: identifiers"]) == 2
    assert Person.objects.count() == 0
    assert Family.objects.count() == 0
    assert PersonSearchKey.objects.count() == PersonIdentifier.objects.count() == 0
    assert FamilyEvent.objects.count() == 0


def test_one_audit_event_per_batch_with_counts_and_ids_not_names():
    recorded = services.persons_record_batch(actor=SYSTEM, rows=[_row(), _row(forenames="Ivy")])
    [event] = AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="people.person")
    assert event.changes["count"] == 2
    assert event.changes["persons"] == [str(r.person.pk) for r in recorded]
    assert "Okafor" not in str(event.changes) + event.summary


def test_recording_people_needs_permission(make_user):
    with pytest.raises(AccessDenied):
        services.persons_record_batch(actor=make_user(Role.COMMISSIONER), rows=[_row()])
    assert Person.objects.count() == 0


def test_family_events_are_recorded_in_one_batch():
    [a, b] = services.persons_record_batch(actor=SYSTEM, rows=[_row(), _row(forenames="Ivy")])
    when = timezone.now() - timedelta(days=1)
    made = services.family_events_record_batch(
        actor=SYSTEM,
        events=[
            {"family": a.family, "kind": "other", "summary": " Missing ", "occurred_at": when},
            {"family_id": b.family.pk, "kind": "other", "summary": "Missing", "source_id": 7},
        ],
    )
    assert [e.family_id for e in made] == [a.family.pk, b.family.pk]
    stored = FamilyEvent.objects.get(family=a.family, kind="other")
    assert (stored.summary, stored.occurred_at) == ("Missing", when)
    assert FamilyEvent.objects.get(family=b.family, kind="other").source_id == "7"
    event = AuditEvent.objects.get(object_type="people.familyevent")
    assert event.changes["count"] == 2


def test_bad_family_events_reject_the_batch_with_every_problem():
    [a] = services.persons_record_batch(actor=SYSTEM, rows=[_row()])
    before = FamilyEvent.objects.count()
    with pytest.raises(ValidationFailed) as error:
        services.family_events_record_batch(
            actor=SYSTEM,
            events=[
                {"family": a.family, "kind": "other", "summary": "Fine"},
                {"family": a.family, "kind": "nonsense", "summary": "x"},
                {"kind": "other", "summary": " "},
            ],
        )
    assert set(error.value.errors) == {"event 2: kind", "event 3: family", "event 3: summary"}
    assert FamilyEvent.objects.count() == before
