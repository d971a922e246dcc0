"""'Is this child known?' for a whole file at once: the best known child per query, or none.

An import of thousands of rows cannot afford known_child_search's handful of lookups per row.
Here a chunk of queries shares one lookup on the date-of-birth index, the candidates are
scored and judged by people.matching as the search does. Stricter than the search (the date
of birth must be the same, only a Strong match counts, never one of twins), because an import
links a child to a record without a practitioner judging the match. Audited once per
call, with counts, never what was searched for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.people.matching import Candidate, Query, classify, compare
from teamaround.people.models import PersonSearchKey
from teamaround.people.selectors.search import match_parameters

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
        sex=values.get("sex", ""),
    )


def _best(query: Query, candidates, params) -> KnownChildMatch | None:
    """The Strong match among the candidates, if there is one and it has no recorded twin: an
    import never names one of twins without a practitioner."""
    scored: dict = {}
    for candidate in candidates:
        comparison = compare(query, candidate, params)
        held = scored.get(candidate.person_id)
        if held is None or comparison.weight > held[0].weight:
            scored[candidate.person_id] = (comparison, candidate)
    verdicts = classify(scored, params)
    if not verdicts or verdicts[0].strength != "Strong" or verdicts[0].has_twin:
        return None
    return KnownChildMatch(verdicts[0].person_id, verdicts[0].probability * 100)


def known_child_match_batch(
    *, actor, queries: Iterable[Mapping], threshold: float
) -> list[KnownChildMatch | None]:
    """For each query (forenames, surname, date_of_birth, postcode, sex), the known child that
    is a Strong match on the same date of birth with a match probability of at least
    `threshold` per cent, else None (so never when a twin could be meant); in query order.
    One database query per CHUNK queries."""
    require(actor, "people.search", what="match children to known records")
    queries = [_query(values) for values in queries]
    params = match_parameters()
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
            match = _best(query, by_dob.get(query.date_of_birth, ()), params)
            results.append(match if match and match.score >= threshold else None)
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="people.person",
        summary="Matched a batch of children to known records",
        changes={"queries": len(queries), "matched": sum(r is not None for r in results)},
    )
    return results
