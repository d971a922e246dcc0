"""From scored candidates to what the practitioner is told: Strong, Possible or Weak match,
"a brother or sister, possibly a twin, is known", or nothing confident.

Naming the wrong child is worse than finding none, so a Strong match needs all of:
- the match probability at or above the model's Strong threshold;
- the same first name (or a known nickname or spelling of it) and the same surname (or one
  part of it, or another spelling), and the same date of birth (day and month may be swapped);
- a second, independent piece of evidence beside name and date of birth: the same postcode
  (the child's address) or the same NHS number. A namesake born the same day elsewhere in a
  county of 300,000 is common enough that name and birthday alone are only Possible;
- more than a first name every brother may share (Mohammed, when the record goes on
  "Mohammed Usman" and the search gives no second forename);
- a first name spelt as the record has it, or in a spelling said the same way (Mohammed,
  Muhammad): Aisha and Ayesha are said differently and given as different names, even to
  twins, so an unrecorded twin Aisha must not make her recorded sister Ayesha Strong;
- no evidence against it (another area, the other sex, a date of birth years away);
- no recorded twin it could be confused with: a child of the same surname, date of birth and
  household whose first name is not clearly different from the one searched for.

A candidate in the household (or with the same surname and date of birth) whose first name
is different is not offered as the child at all: it is a sibling result, "possibly a twin"
when the dates of birth agree. Ties are broken by person id, the same on every database.
"""

from __future__ import annotations

from dataclasses import dataclass

from teamaround.people.matching.model import MatchParameters
from teamaround.people.matching.scoring import AGREEING_SURNAME, Candidate, Comparison

STRONG_DATES = frozenset({"exact", "swapped"})
SECOND_EVIDENCE = frozenset({"exact"})  # postcode levels that count beside name and birth
MATCH, SIBLING = "match", "sibling"


@dataclass
class Verdict:
    person_id: object
    weight: float
    probability: float
    comparison: Comparison
    candidate: Candidate
    strength: str = "Weak"
    kind: str = MATCH
    has_twin: bool = False

    @property
    def reasons(self) -> list[str]:
        return self.comparison.reasons


def _together(first: Candidate, second: Candidate) -> bool:
    """Same household, or failing a household, the same full postcode."""
    if first.household_id and second.household_id:
        return first.household_id == second.household_id
    return bool(first.postcode) and first.postcode == second.postcode


def _sibling(verdict: Verdict) -> bool:
    levels = verdict.comparison.levels
    if levels.get("first_name") not in ("different", "sound") or verdict.comparison.swapped:
        return False
    if levels.get("surname") not in AGREEING_SURNAME:
        return False
    return levels.get("date_of_birth") == "exact" or levels.get("postcode") == "exact"


def _twins(verdicts: list[Verdict]) -> dict:
    """person id -> the other candidates born the same day in the same household."""
    by_birth: dict = {}
    for verdict in verdicts:
        born = verdict.candidate.date_of_birth
        if born and not verdict.candidate.is_unborn:
            by_birth.setdefault(born, []).append(verdict)
    twins: dict = {}
    for group in by_birth.values():
        if len(group) < 2:
            continue
        for verdict in group:
            twins[verdict.person_id] = [
                other
                for other in group
                if other.person_id != verdict.person_id
                and _together(other.candidate, verdict.candidate)
                and set(other.candidate.family_names.split())
                & set(verdict.candidate.family_names.split())
            ]
    return twins


def _strong(verdict: Verdict, twins: list[Verdict], params: MatchParameters) -> bool:
    comparison = verdict.comparison
    if comparison.levels.get("nhs_number") == "same":
        return comparison.levels.get("first_name") != "different"
    if verdict.probability < params.thresholds["strong"]:
        return False
    if not comparison.agrees_on_names() or comparison.has_evidence_against():
        return False
    if comparison.shared_first_name or comparison.spelt_apart:
        return False
    if comparison.levels.get("date_of_birth") not in STRONG_DATES:
        return False
    if comparison.levels.get("postcode") not in SECOND_EVIDENCE:
        return False
    return all(twin.comparison.levels.get("first_name") == "different" for twin in twins)


def classify(scored: dict, params: MatchParameters) -> list[Verdict]:
    """scored: person id -> (Comparison, Candidate). Verdicts, matches first (by weight, then
    person id), then sibling results. A candidate below both the model's "shown" probability
    and its "shown_weight" (evidence worth a look even where a name alone cannot pick one
    child out of a county) is dropped."""
    verdicts = [
        Verdict(person_id, c.weight, params.probability(c.weight), c, candidate)
        for person_id, (c, candidate) in scored.items()
    ]
    twins = _twins(verdicts)
    named = {
        v.person_id
        for v in verdicts
        if v.comparison.levels.get("first_name") in ("exact", "same_name")
    }
    shown_at = params.thresholds["shown"]
    matches, siblings = [], []
    for verdict in verdicts:
        its_twins = twins.get(verdict.person_id, [])
        verdict.has_twin = bool(its_twins)
        shadowed = verdict.comparison.levels.get("first_name") == "slip" and any(
            twin.person_id in named for twin in its_twins
        )
        if _sibling(verdict) or shadowed:
            verdict.kind, verdict.strength = SIBLING, "Sibling"
            possibly_twin = verdict.comparison.levels.get("date_of_birth") == "exact"
            verdict.comparison.reasons.insert(
                0,
                "same surname and "
                + ("date of birth" if possibly_twin else "address")
                + ", but a different first name: possibly "
                + ("a twin" if possibly_twin else "a brother or sister"),
            )
            siblings.append(verdict)
            continue
        if verdict.probability < shown_at and verdict.weight < params.thresholds["shown_weight"]:
            continue
        if _strong(verdict, its_twins, params):
            verdict.strength = "Strong"
        elif verdict.probability >= params.thresholds["possible"]:
            verdict.strength = "Possible"
        if its_twins and verdict.strength != "Strong":
            verdict.comparison.reasons.append("a twin is recorded: check which child this is")
        matches.append(verdict)
    order = lambda v: (-round(v.weight, 6), str(v.person_id))  # noqa: E731
    return sorted(matches, key=order) + sorted(siblings, key=order)
