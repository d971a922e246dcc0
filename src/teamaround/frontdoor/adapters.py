"""Thin adapters around the people app for what the Hub needs and people does not (yet) offer
as a selector or service. Each reads people's records only (writes always go through
people.services) and says which people function would replace it.

Wanted in people (then these become one-line calls):
- people.selectors.known_child_match_batch(actor, queries, threshold): best match per query in
  a few batched queries (replaces `match_children`);
- people.selectors.current_family(person) and families_for_persons(person_ids);
- people.selectors.open_involvements(family_ids, agency_kind=...) for many families at once;
- a FamilyEventKind for consultations and missing episodes (we use OTHER meanwhile).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from teamaround.accounts.models import AgencyKind
from teamaround.core.access import SYSTEM
from teamaround.people import services as people_services
from teamaround.people.matching import Candidate, Query, score
from teamaround.people.models import FamilyEventKind, FamilyMembership, Involvement
from teamaround.people.models import PersonSearchKey as Key

MATCH_THRESHOLD = 80.0
CHUNK = 300
COLUMNS = list(Candidate.__dataclass_fields__)
CONSULTATION_EVENT = FamilyEventKind.OTHER
MISSING_EVENT = FamilyEventKind.OTHER


@dataclass(frozen=True)
class ChildDetails:
    forenames: str
    surname: str
    date_of_birth: date
    postcode: str = ""


def match_children(children: list[ChildDetails]) -> list[tuple[object, float]]:
    """For each child, (person id, score) of the best known child scoring at least
    MATCH_THRESHOLD on the same date of birth and a matching surname or first name; else
    (None, best score). Batched: one query per CHUNK children."""
    results: list[tuple[object, float]] = []
    for start in range(0, len(children), CHUNK):
        chunk = children[start : start + CHUNK]
        queries = [
            Query.build(
                forenames=c.forenames,
                surname=c.surname,
                date_of_birth=c.date_of_birth,
                postcode=c.postcode,
            )
            for c in chunk
        ]
        # One lookup on the date-of-birth index for the whole chunk; names are compared
        # below (a name filter in SQL tempts SQLite onto the much larger name indexes).
        rows = Key.objects.filter(
            date_of_birth__in=sorted({q.date_of_birth for q in queries})
        ).values_list(*COLUMNS)
        by_dob = defaultdict(list)
        for row in rows:
            candidate = Candidate(*row)
            by_dob[candidate.date_of_birth].append(candidate)
        for query in queries:
            best_id, best = None, 0.0
            for candidate in by_dob.get(query.date_of_birth, ()):
                if candidate.surname_key != query.surname_key and (
                    candidate.forename_key not in query.forename_keys
                ):
                    continue
                points, _ = score(query, candidate)
                if points > best or (points == best and str(candidate.person_id) < str(best_id)):
                    best_id, best = candidate.person_id, points
            results.append((best_id if best >= MATCH_THRESHOLD else None, best))
    return results


def current_families(person_ids) -> dict:
    """person id -> the family they belong to now (the most recently joined)."""
    families = {}
    memberships = FamilyMembership.objects.filter(
        person_id__in=list(person_ids), ended_on__isnull=True, archived_at__isnull=True
    ).order_by("started_on", "created_at")
    for person_id, family_id in memberships.values_list("person_id", "family_id"):
        families[person_id] = family_id
    return families


def open_involvements(family_ids) -> dict:
    """family id -> its open involvements (with team, agency and lead worker loaded)."""
    found = defaultdict(list)
    involvements = Involvement.objects.filter(
        family_id__in=list(family_ids), closed_at__isnull=True, archived_at__isnull=True
    ).select_related("team__agency", "lead_worker")
    for involvement in involvements.order_by("opened_at"):
        found[involvement.family_id].append(involvement)
    return found


def is_social_care(involvement: Involvement) -> bool:
    return involvement.team.agency.kind == AgencyKind.CHILDRENS_SOCIAL_CARE


def involve_team(*, actor, family, team, reason: str, lead_worker=None) -> None:
    """Open an involvement for `team` unless it already has one (so it can see the family).
    Opened by the system on behalf of the actor, who is recorded as the one who did it."""
    if family.involvements.filter(team=team, closed_at__isnull=True).exists():
        return
    people_services.involvement_open(
        actor=SYSTEM,
        family=family,
        team=team,
        reason=reason,
        lead_worker=lead_worker,
        recorded_by=actor,
    )


def record_child(
    *, forenames: str, surname: str, date_of_birth, line_1: str = "", postcode: str = ""
):
    """Record a child not yet known, in a household of their own. The Hub records it (as the
    system), so no referrer's team becomes involved just by asking for help."""
    address = {"line_1": line_1 or "Address not given", "postcode": postcode} if postcode else None
    return people_services.person_create(
        actor=SYSTEM,
        forenames=forenames,
        surname=surname,
        date_of_birth=date_of_birth,
        address=address,
    )


def directory_choices(*, level: int | None = None, district=None, limit: int = 60) -> list:
    """(id, name) of Directory services a screener can name, through the Directory's own
    search (what a family would find), filtered by level and the family's district."""
    from teamaround.directory.selectors.search import ServiceSearch, matching_services

    search = ServiceSearch(level=level, district=district.code if district else "")
    services, _, _, _ = matching_services(search)
    return [(str(pk), name) for pk, name in services.values_list("pk", "name")[:limit]]


def directory_named(service_ids) -> list[dict]:
    """The services named in a decision, as {id, name} kept with it (the Directory may change
    later; the decision records what was named at the time)."""
    from teamaround.directory.selectors.public import publicly_visible

    ids = [str(pk) for pk in service_ids if pk]
    if not ids:
        return []
    found = dict(publicly_visible().filter(pk__in=ids).values_list("pk", "name"))
    return [{"id": str(pk), "name": name} for pk, name in found.items()]
