"""Which household people live in now, and which teams are working with households: the facts
other apps' services route work by (the Hub sending a missing episode to social care's
allocated worker), for many records at once.

They return ids and involvements (teams and workers), no one's personal details, and are for
use-cases that route work (they pass `on_behalf_of(actor)`); any member of staff may ask.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from teamaround.core.access import require
from teamaround.people.models import FamilyMembership, Involvement

CHUNK = 900  # below SQLite's limit on query parameters


def _chunks(ids: Iterable) -> Iterable[list]:
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def current_families(person_ids: Iterable, *, actor) -> dict:
    """person id -> the family they belong to now (the most recently joined)."""
    require(actor, "people.search", what="find people's current households")
    rows = []
    for chunk in _chunks(person_ids):
        rows += FamilyMembership.objects.filter(
            person_id__in=chunk, ended_on__isnull=True, archived_at__isnull=True
        ).values_list("started_on", "created_at", "person_id", "family_id")
    rows.sort(key=lambda row: (row[0] is not None, row[0], row[1]))
    return {person_id: family_id for _, _, person_id, family_id in rows}


def open_involvements(family_ids: Iterable, *, actor) -> dict[object, list[Involvement]]:
    """family id -> its open involvements, earliest first (team, agency and lead worker
    loaded)."""
    require(actor, "people.search", what="find the teams involved with households")
    found = defaultdict(list)
    involvements = []
    for chunk in _chunks(family_ids):
        involvements += Involvement.objects.filter(
            family_id__in=chunk, closed_at__isnull=True, archived_at__isnull=True
        ).select_related("team__agency", "lead_worker")
    for involvement in sorted(involvements, key=lambda i: i.opened_at):
        found[involvement.family_id].append(involvement)
    return found


def dates_of_birth(person_ids: Iterable, *, actor) -> dict:
    """person id -> date of birth (None if not known or unborn), for retention rules counted
    from a birthday. Only governance's retention asks (on the officer's behalf)."""
    from teamaround.people.models import Person

    require(actor, "people.anonymise", what="read dates of birth for retention")
    born = {}
    for chunk in _chunks(person_ids):
        for pk, day, kind in Person.objects.filter(pk__in=chunk).values_list(
            "pk", "date_of_birth", "date_of_birth_kind"
        ):
            born[pk] = None if kind == "expected" else day
    return born


def with_known_address(person_ids: Iterable, *, actor) -> set:
    """The people among `person_ids` with a current address: their own, or one of a member
    of the household they live in now. Ids only, for checks that route work."""
    from teamaround.people.models import PersonAddress

    require(actor, "people.search", what="check whom the council has an address for")
    person_ids = list(person_ids)
    families = current_families(person_ids, actor=actor)
    housed = set()
    for chunk in _chunks(person_ids):
        housed |= set(
            PersonAddress.objects.filter(
                person_id__in=chunk, moved_out__isnull=True, archived_at__isnull=True
            ).values_list("person_id", flat=True)
        )
    members = defaultdict(set)
    for chunk in _chunks(set(families.values())):
        for family_id, person_id in FamilyMembership.objects.filter(
            family_id__in=chunk, ended_on__isnull=True, archived_at__isnull=True
        ).values_list("family_id", "person_id"):
            members[family_id].add(person_id)
    others = set().union(*members.values()) - housed if members else set()
    for chunk in _chunks(others):
        housed |= set(
            PersonAddress.objects.filter(
                person_id__in=chunk, moved_out__isnull=True, archived_at__isnull=True
            ).values_list("person_id", flat=True)
        )
    return {
        person_id
        for person_id in person_ids
        if person_id in housed or members.get(families.get(person_id), set()) & housed
    }
