"""'Is this child known?' for a whole file at once: the best known child per query, or none.

An import of thousands of rows cannot afford known_child_search's handful of lookups per row.
Here a chunk of queries shares one lookup on the date-of-birth index, the candidates are
narrowed in Python to a sound-alike surname or first name, and people.matching scores them as
the search does. Stricter than the search (the date of birth must be the same), because an
import links a child to a record without a practitioner judging the match. Audited once per
call, with counts, never what was searched for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.people.matching import Candidate, Query, score
from teamaround.people.models import PersonSearchKey

CHUNK = 300
COLUMNS = list(Candidate.__dataclass_fields__)


@dataclass(frozen=True)
class KnownChildMatch:
    person_id: object
    score: float


def _query(values: Mapping) -> Query:
    return Query.build(
        forenames=values.get("forenames", ""),
        surname=values.get("surname", ""),
        date_of_birth=values.get("date_of_birth"),
        postcode=values.get("postcode", ""),
    )


def _best(query: Query, candidates) -> tuple[object, float]:
    best_id, best = None, 0.0
    for candidate in candidates:
        if candidate.surname_key != query.surname_key and (
            candidate.forename_key not in query.forename_keys
        ):
            continue
        points, _ = score(query, candidate)
        if points > best or (points == best and str(candidate.person_id) < str(best_id)):
            best_id, best = candidate.person_id, points
    return best_id, best


def known_child_match_batch(
    *, actor, queries: Iterable[Mapping], threshold: float
) -> list[KnownChildMatch | None]:
    """For each query (forenames, surname, date_of_birth, postcode), the known child scoring
    at least `threshold` on the same date of birth (ties to the lower id), else None; in
    query order. One database query per CHUNK queries."""
    require(actor, "people.search", what="match children to known records")
    queries = [_query(values) for values in queries]
    results: list[KnownChildMatch | None] = []
    for start in range(0, len(queries), CHUNK):
        chunk = queries[start : start + CHUNK]
        # The date-of-birth index for the whole chunk; names are compared in Python (a name
        # filter in SQL tempts SQLite onto the much larger name indexes).
        born = sorted({q.date_of_birth for q in chunk if q.date_of_birth})
        by_dob = defaultdict(list)
        for row in PersonSearchKey.objects.filter(date_of_birth__in=born).values_list(*COLUMNS):
            candidate = Candidate(*row)
            by_dob[candidate.date_of_birth].append(candidate)
        for query in chunk:
            person_id, points = _best(query, by_dob.get(query.date_of_birth, ()))
            found = person_id is not None and points >= threshold
            results.append(KnownChildMatch(person_id, points) if found else None)
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="people.person",
        summary="Matched a batch of children to known records",
        changes={"queries": len(queries), "matched": sum(r is not None for r in results)},
    )
    return results
