"""'Is this child already known?' — ranked candidates with reasons, for anyone on staff.

Candidates come from indexed lookups on PersonSearchKey: sound-alike surname and forename
together (any forename, any part of the surname, swapped), the date of birth and its
day/month swap, the surname or the postcode area within six weeks of the date of birth (an
unborn baby's expected date, a slipped date), the surname, a forename or the postcode area
with the year of birth, and the NHS number. Each lookup is ordered by person id before it is
capped, so every database returns the same rows. Candidates are scored by the match model
(people.matching: evidence for and against) and people.matching.decide says what may be
called a Strong match, what is a sibling or twin, and what is not shown at all.

What comes back depends on access: for a record the actor may open, the name, date of birth and
a link; for any other, only that the child is known, which teams are involved and whom to
contact. The search is audited with the fields given, never what was typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F
from django.utils import timezone

from teamaround.core.access import require
from teamaround.core.audit import audit_record, audit_record_many
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.selectors import district_for_postcode
from teamaround.people import validators
from teamaround.people.matching import MatchParameters, Query, classify, compare
from teamaround.people.matching.decide import STRONG_DATES
from teamaround.people.matching.model import default_parameters
from teamaround.people.models import (
    IdentifierScheme,
    Involvement,
    MatchModel,
    Person,
    PersonIdentifier,
)
from teamaround.people.permissions import person_filter
from teamaround.people.selectors import search_routes

SIBLINGS_SHOWN = 3
OUTWARD = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
_loaded: dict = {}


@dataclass
class TeamContact:
    team: str
    agency: str
    contact: str
    lead_worker: str = ""


@dataclass
class KnownChildResult:
    person_id: object
    score: int
    reasons: list[str]
    can_open: bool
    teams: list[TeamContact] = field(default_factory=list)
    person: Person | None = None
    strength: str = "Weak"
    kind: str = "match"

    @property
    def is_sibling(self) -> bool:
        return self.kind == "sibling"


def match_parameters() -> MatchParameters:
    """The newest stored match model, else the shipped default (reloaded when a newer version
    is stored)."""
    newest = MatchModel.objects.order_by("-version").values_list("version", flat=True).first()
    if "parameters" not in _loaded or _loaded.get("version") != newest:
        stored = MatchModel.objects.filter(version=newest).first() if newest else None
        _loaded["parameters"] = (
            MatchParameters.from_data(stored.parameters) if stored else default_parameters()
        )
        _loaded["version"] = newest
    return _loaded["parameters"]


def _score(query, candidates_found, params, best) -> None:
    seen: set = set()
    for candidate in candidates_found:
        marker = (candidate.person_id, candidate.given_names, candidate.family_names)
        if marker + (candidate.is_own_name,) in seen:
            continue
        seen.add(marker + (candidate.is_own_name,))
        comparison = compare(query, candidate, params)
        held = best.get(candidate.person_id)
        if held is None or comparison.weight > held[0].weight:
            best[candidate.person_id] = (comparison, candidate)


def _twins_too(query: Query, params: MatchParameters, best: dict) -> None:
    """Everyone born the same day into the household of a candidate who could be a Strong
    match (the same date of birth, or with day and month swapped), so that a twin the routes
    did not reach is still seen before anyone is called Strong."""
    households, born = set(), set()
    for comparison, candidate in best.values():
        if (
            comparison.levels.get("date_of_birth") in STRONG_DATES
            and candidate.household_id
            and candidate.date_of_birth
        ):
            households.add(candidate.household_id)
            born.add(candidate.date_of_birth)
    if households:
        _score(query, search_routes.born_together(query, households, born), params, best)


def candidates(query: Query, params: MatchParameters, nhs_number: str = "") -> dict:
    """person id -> (Comparison, Candidate) for the best-scoring known name of each."""
    best: dict = {}
    _score(query, search_routes.fetch(query), params, best)
    _twins_too(query, params, best)
    if nhs_number:
        ids = list(
            PersonIdentifier.objects.filter(
                scheme=IdentifierScheme.NHS_NUMBER,
                value=nhs_number,
                person__merged_into__isnull=True,
            )
            .order_by("person_id")
            .values_list("person_id", flat=True)
        )
        if ids:
            _score(query, search_routes.fetch(query, person_ids=ids), params, best)
        for person_id in ids:
            if person_id in best:
                comparison = best[person_id][0]
                comparison.levels["nhs_number"] = "same"
                comparison.weight += params.weight("nhs_number", "same")
                comparison.reasons.insert(0, "same NHS number")
    return best


def _parse(forenames, surname, date_of_birth, age, postcode, nhs_number):
    errors: dict[str, list[str]] = {}
    if not (surname or forenames or nhs_number):
        errors["surname"] = ["Enter a name or an NHS number to search for."]
    years: tuple[int, ...] = ()
    if age is not None and date_of_birth is None:
        if not 0 <= age <= 25:
            errors["age"] = ["Enter an age between 0 and 25."]
        else:
            this_year = timezone.localdate().year
            years = (this_year - age - 1, this_year - age)
    normalised = outward = ""
    if postcode:
        squeezed = re.sub(r"\s+", "", postcode).upper()
        if OUTWARD.match(squeezed):
            outward = squeezed
        else:
            try:
                normalised = validators.normalise_postcode(postcode)
                outward = validators.outward_code(normalised)
            except DomainError as error:
                errors.update(error.errors)
    nhs = ""
    if nhs_number:
        try:
            nhs = validators.validate_nhs_number(nhs_number)
        except DomainError as error:
            errors.update(error.errors)
    if errors:
        raise ValidationFailed(errors)
    return years, normalised, outward, nhs


def known_child_search(
    *,
    actor,
    forenames: str = "",
    surname: str = "",
    date_of_birth: date | None = None,
    age: int | None = None,
    postcode: str = "",
    nhs_number: str = "",
    sex: str = "",
    limit: int = 10,
) -> list[KnownChildResult]:
    """Matches (Strong, Possible, Weak) ranked by match weight, ties by person id; then up to
    SIBLINGS_SHOWN sibling results ("possibly a twin"). An empty list: no confident match."""
    require(actor, "people.search", what="search for a child")
    years, full, outward, nhs = _parse(forenames, surname, date_of_birth, age, postcode, nhs_number)
    district = district_for_postcode(outward) if outward else None
    query = Query.build(
        forenames=forenames,
        surname=surname,
        date_of_birth=date_of_birth,
        birth_years=years,
        age=age if years else None,
        as_of=timezone.localdate() if years else None,
        postcode=full,
        outward_code=outward,
        district_id=district.pk if district else None,
        sex=sex,
    )
    params = match_parameters()
    verdicts = classify(candidates(query, params, nhs), params)
    matches = [v for v in verdicts if v.kind == "match"][:limit]
    siblings = [v for v in verdicts if v.kind == "sibling"][:SIBLINGS_SHOWN]
    results = _present(actor, matches + siblings)
    given = [
        name
        for name, value in (
            ("forenames", forenames),
            ("surname", surname),
            ("date_of_birth", date_of_birth),
            ("age", age),
            ("postcode", postcode),
            ("nhs_number", nhs_number),
            ("sex", sex),
        )
        if value not in (None, "")
    ]
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="people.person",
        summary="Searched: is this child known?",
        changes={"fields_given": given, "results": len(results)},
    )
    # Which children came back, whether or not the searcher may open them.
    audit_record_many(
        action=AuditAction.VIEW,
        actor=actor,
        object_type="people.person",
        ids=[result.person_id for result in results],
        summary="Listed search results: is this child known?",
    )
    return results


def _present(actor, verdicts) -> list[KnownChildResult]:
    ids = [verdict.person_id for verdict in verdicts]
    if not ids:
        return []
    visible = {p.pk: p for p in Person.objects.filter(person_filter(actor), pk__in=ids)}
    teams: dict = {}
    involvements = Involvement.objects.filter(
        family__memberships__person_id__in=ids,
        family__memberships__ended_on__isnull=True,
        closed_at__isnull=True,
        archived_at__isnull=True,
    ).annotate(member_id=F("family__memberships__person_id"))
    for involvement in involvements.select_related("team__agency", "lead_worker"):
        teams.setdefault(involvement.member_id, []).append(_contact(involvement))
    return [
        KnownChildResult(
            person_id=v.person_id,
            score=int(v.probability * 100),
            reasons=v.reasons,
            can_open=v.person_id in visible,
            teams=teams.get(v.person_id, []),
            person=visible.get(v.person_id),
            strength=v.strength,
            kind=v.kind,
        )
        for v in verdicts
    ]


def _contact(involvement: Involvement) -> TeamContact:
    team = involvement.team
    contact = " ".join(part for part in (team.email, team.phone) if part) or (
        "Ask the Children and Families Hub"
    )
    lead = involvement.lead_worker.get_full_name() if involvement.lead_worker_id else ""
    return TeamContact(team=team.name, agency=team.agency.name, contact=contact, lead_worker=lead)
