"""'Is this child already known?' — ranked candidates with reasons, for anyone on staff.

Candidates come from a few indexed equality lookups on PersonSearchKey (sound-alike surname and
first name together, swapped, each with the year of birth, the exact date of birth, its
day/month swap, NHS number), each capped, so the work per search stays small at county scale.
They are then scored in Python (people.matching.scoring).

What comes back depends on access: for a record the actor may open, the name, date of birth and
a link; for any other, only that the child is known, which teams are involved and whom to
contact. The search is audited with the fields given, never what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, Q

from teamaround.core.access import require
from teamaround.core.audit import audit_record, audit_record_many
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.selectors import district_for_postcode
from teamaround.people import validators
from teamaround.people.matching import Candidate, Query, score
from teamaround.people.models import (
    IdentifierScheme,
    Involvement,
    Person,
    PersonIdentifier,
    PersonSearchKey,
)
from teamaround.people.permissions import person_filter

ROUTE_LIMIT = 250
MIN_SCORE = 35.0
COLUMNS = list(Candidate.__dataclass_fields__)


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

    @property
    def strength(self) -> str:
        return "Strong" if self.score >= 80 else "Possible" if self.score >= 55 else "Weak"


def _routes(query: Query) -> list[Q]:
    routes = []
    years = query.birth_years
    if query.surname_key and query.forename_keys:
        routes.append(Q(surname_key=query.surname_key, forename_key__in=query.forename_keys))
        routes.append(
            Q(surname_key__in=query.forename_keys, forename_key__in=query.surname_first_keys)
        )
    if query.date_of_birth:
        born = query.date_of_birth
        routes.append(Q(date_of_birth=born))
        if born.day <= 12 and born.day != born.month:
            routes.append(Q(date_of_birth=date(born.year, born.day, born.month)))
    if years:
        if query.surname_key:
            routes.append(Q(surname_key=query.surname_key, birth_year__in=years))
        if query.forename_keys:
            routes.append(Q(forename_key__in=query.forename_keys, birth_year__in=years))
        if query.outward_code and not query.date_of_birth:
            routes.append(Q(outward_code=query.outward_code, birth_year__in=years))
    return routes


def candidates(query: Query, nhs_number: str = "") -> dict:
    """person_id -> (points, reasons) for the best-scoring name row of each candidate."""
    best: dict = {}
    seen_rows: set = set()
    for route in _routes(query):
        for row in PersonSearchKey.objects.filter(route).values_list("id", *COLUMNS)[:ROUTE_LIMIT]:
            if row[0] in seen_rows:
                continue
            seen_rows.add(row[0])
            candidate = Candidate(*row[1:])
            points, reasons = score(query, candidate)
            if points > best.get(candidate.person_id, (-1,))[0]:
                best[candidate.person_id] = (points, reasons)
    if nhs_number:
        for person_id in PersonIdentifier.objects.filter(
            scheme=IdentifierScheme.NHS_NUMBER, value=nhs_number, person__merged_into__isnull=True
        ).values_list("person_id", flat=True):
            points, reasons = best.get(person_id, (0.0, []))
            best[person_id] = (max(points, 60.0) + 40.0, ["same NHS number", *reasons])
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
            from django.utils import timezone

            this_year = timezone.localdate().year
            years = (this_year - age - 1, this_year - age)
    normalised = ""
    if postcode:
        try:
            normalised = validators.normalise_postcode(postcode)
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
    return years, normalised, nhs


def known_child_search(
    *,
    actor,
    forenames: str = "",
    surname: str = "",
    date_of_birth: date | None = None,
    age: int | None = None,
    postcode: str = "",
    nhs_number: str = "",
    limit: int = 10,
) -> list[KnownChildResult]:
    require(actor, "people.search", what="search for a child")
    years, postcode, nhs = _parse(forenames, surname, date_of_birth, age, postcode, nhs_number)
    district = district_for_postcode(postcode) if postcode else None
    query = Query.build(
        forenames=forenames,
        surname=surname,
        date_of_birth=date_of_birth,
        birth_years=years,
        postcode=postcode,
        district_id=district.pk if district else None,
    )
    scored = candidates(query, nhs)
    ranked = sorted(
        (
            (points, person_id, reasons)
            for person_id, (points, reasons) in scored.items()
            if points >= MIN_SCORE
        ),
        key=lambda item: (-item[0], str(item[1])),
    )[:limit]
    results = _present(actor, ranked)
    given = [
        name
        for name, value in (
            ("forenames", forenames),
            ("surname", surname),
            ("date_of_birth", date_of_birth),
            ("age", age),
            ("postcode", postcode),
            ("nhs_number", nhs_number),
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


def _present(actor, ranked) -> list[KnownChildResult]:
    ids = [person_id for _, person_id, _ in ranked]
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
            person_id=person_id,
            score=round(points),
            reasons=reasons,
            can_open=person_id in visible,
            teams=teams.get(person_id, []),
            person=visible.get(person_id),
        )
        for points, person_id, reasons in ranked
    ]


def _contact(involvement: Involvement) -> TeamContact:
    team = involvement.team
    contact = " ".join(part for part in (team.email, team.phone) if part) or (
        "Ask the Children and Families Hub"
    )
    lead = involvement.lead_worker.get_full_name() if involvement.lead_worker_id else ""
    return TeamContact(team=team.name, agency=team.agency.name, contact=contact, lead_worker=lead)
