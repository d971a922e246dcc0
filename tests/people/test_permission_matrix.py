"""Who may read and change a person's or a family's record (tests/matrix.py explains the
table). Every member of staff in the matrix works in the team involved with the family (an
open involvement); the other agency's practitioner works in a school whose team is not
involved. So the table shows what each role may do with a family its team works with, and
that an uninvolved agency gets only what "is this child known?" gives everyone."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from teamaround.accounts.models import AgencyKind
from teamaround.core.access import SYSTEM
from teamaround.people import selectors, services
from teamaround.people.models import Family, FamilyMembership, Involvement, MemberRole, Person
from teamaround.people.selectors.records import LinkRefused
from tests.factories import AgencyFactory, TeamFactory
from tests.matrix import allowed, built_once, cast, cells

pytestmark = pytest.mark.django_db

TABLE = {
    #                         prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "person_get":            "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "family_get":            "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "person_list":           "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "family_list":           "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "relationship_list":     "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "search_finds":          "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | Y     -",
    "search_opens":          "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "person_exists":         "-    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "person_linkable":       "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "current_families":      "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | Y     -",
    "open_involvements":     "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | Y     -",
    "person_update":         "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "person_name_add":       "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "person_address_add":    "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "person_identifier_add": "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "person_create_in":      "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "family_member_end":     "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "relationship_record":   "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "family_create":         "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | Y     -",
    "family_event_record":   "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "events_record_batch":   "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "involvement_open":      "-    Y    Y    -    Y    Y    -     -    -    Y     -   -   | -     -",
    "involvement_close":     "-    Y    Y    -    Y    Y    -     -    -    Y     -   -   | -     -",
    "person_merge":          "-    Y    Y    -    Y    Y    -     -    Y    -     -   -   | -     -",
    "break_glass_grant":     "-    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
}  # fmt: skip


def build():
    team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.COUNCIL_EARLY_HELP))
    other_team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL))
    family = services.family_create(actor=SYSTEM, name="Whitmore household")
    child = services.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Jayden",
        surname="Whitmore",
        date_of_birth=date(2015, 4, 9),
        address={"line_1": "1 High Street", "postcode": "CM1 1QH"},
    )
    mother = services.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.PARENT,
        forenames="Kerry",
        surname="Whitmore",
        date_of_birth=date(1990, 1, 2),
    )
    twin = services.person_create(  # the same child recorded twice, for merging
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Jaden",
        surname="Whitmore",
        date_of_birth=date(2015, 4, 9),
    )
    relationship = services.relationship_record(
        actor=SYSTEM, from_person=mother, to_person=child, kind="parent_of"
    )
    services.involvement_open(actor=SYSTEM, family=family, team=team, reason="Early help")
    return SimpleNamespace(
        people=cast(team, other_team, prefix="people"),
        team=team,
        other_team=other_team,
        family_id=family.pk,
        child_id=child.pk,
        mother_id=mother.pk,
        twin_id=twin.pk,
        relationship_id=relationship.pk,
    )


world = built_once(build)


def _family(w):
    return Family.objects.get(pk=w.family_id)


def _person(pk):
    return Person.objects.get(pk=pk)


def _linkable(w, actor):
    try:
        return selectors.person_linkable(actor=actor, person_id=w.child_id)
    except LinkRefused:
        return False


def _search(actor):
    return selectors.known_child_search(actor=actor, forenames="Jayden", surname="Whitmore")


OPERATIONS = {
    "person_get": lambda w, a: selectors.person_get(actor=a, person_id=w.child_id),
    "family_get": lambda w, a: selectors.family_get(actor=a, family_id=w.family_id),
    "person_list": lambda w, a: selectors.person_list(actor=a).filter(pk=w.child_id).exists(),
    "family_list": lambda w, a: selectors.family_list(actor=a).filter(pk=w.family_id).exists(),
    "relationship_list": lambda w, a: (
        selectors.relationship_list(actor=a).filter(pk=w.relationship_id).exists()
    ),
    "search_finds": lambda w, a: any(r.person_id == w.child_id for r in _search(a)),
    "search_opens": lambda w, a: any(
        r.can_open and r.person == _person(w.child_id) for r in _search(a)
    ),
    "person_exists": lambda w, a: (
        selectors.person_exists(actor=a, person_id=w.child_id) is not None
    ),
    "person_linkable": _linkable,
    "current_families": lambda w, a: (
        selectors.current_families([w.child_id], actor=a).get(w.child_id) == w.family_id
    ),
    "open_involvements": lambda w, a: bool(selectors.open_involvements([w.family_id], actor=a)),
    "person_update": lambda w, a: services.person_update(
        actor=a, person=_person(w.child_id), first_language="English"
    ),
    "person_name_add": lambda w, a: services.person_name_add(
        actor=a, person=_person(w.child_id), forenames="Jay", surname="Whitmore"
    ),
    "person_address_add": lambda w, a: services.person_address_add(
        actor=a, person=_person(w.child_id), line_1="2 Low Road", postcode="CM2 0AA"
    ),
    "person_identifier_add": lambda w, a: services.person_identifier_add(
        actor=a, person=_person(w.child_id), scheme="nhs_number", value="9434765919"
    ),
    "person_create_in": lambda w, a: services.person_create(
        actor=a,
        family=_family(w),
        role=MemberRole.CHILD,
        forenames="Mia",
        surname="Whitmore",
        date_of_birth=date(2019, 3, 1),
    ),
    "family_member_end": lambda w, a: services.family_member_end(
        actor=a,
        membership=FamilyMembership.objects.get(family_id=w.family_id, person_id=w.mother_id),
        ended_on=date.today(),
    ),
    "relationship_record": lambda w, a: services.relationship_record(
        actor=a, from_person=_person(w.child_id), to_person=_person(w.twin_id), kind="sibling_of"
    ),
    "family_create": lambda w, a: services.family_create(actor=a, name="Okafor household"),
    "family_event_record": lambda w, a: services.family_event_record(
        actor=a, family=_family(w), kind="other", summary="A note on the family"
    ),
    "events_record_batch": lambda w, a: services.family_events_record_batch(
        actor=a, events=[{"family_id": w.family_id, "kind": "other", "summary": "A note"}]
    ),
    "involvement_open": lambda w, a: services.involvement_open(
        actor=a, family=_family(w), team=w.other_team, reason="School support"
    ),
    "involvement_close": lambda w, a: services.involvement_close(
        actor=a,
        involvement=Involvement.objects.get(family_id=w.family_id, team=w.team),
        reason="Work finished",
    ),
    "person_merge": lambda w, a: services.person_merge(
        actor=a,
        survivor=_person(w.child_id),
        merged=_person(w.twin_id),
        reason="The same child recorded twice",
    ),
    "break_glass_grant": lambda w, a: services.break_glass_grant(
        actor=a, person=_person(w.child_id), reason="Police asked about this child tonight"
    ),
}


def test_every_operation_has_a_row():
    assert set(OPERATIONS) == set(TABLE)


@pytest.mark.parametrize(("operation", "who", "expected"), cells(TABLE))
def test_permission_matrix(world, operation, who, expected):
    actor = world.people[who]
    assert allowed(lambda: OPERATIONS[operation](world, actor)) is expected
