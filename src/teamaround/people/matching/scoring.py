"""Comparing what a practitioner typed with one known record, with the reasons in plain
English. Each comparison lands on a level (the same first name, a nickname, one slip, a
different name, ...) whose weight comes from the match model: evidence for a child adds,
evidence against subtracts, and a part not given on either side counts for nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from teamaround.people.matching.model import MatchParameters
from teamaround.people.matching.names import (
    group_keys,
    is_shared_first_name,
    is_slip,
    name_parts,
    same_name,
    similarity,
    sound_key,
    spelt_apart,
)

REASONS = {
    "first_name": {
        "exact": "same first name",
        "same_name": "first name is a known nickname or another spelling of it",
        "other_forename": "the name given is another of the child's forenames",
        "slip": "first name spelt slightly differently",
        "sound": "first name sounds alike",
        "different": "a different first name",
    },
    "surname": {
        "exact": "same surname",
        "same_name": "surname in another spelling",
        "part": "shares a part of the surname",
        "slip": "surname spelt slightly differently",
        "sound": "surname sounds alike",
        "different": "a different surname",
    },
    "date_of_birth": {
        "exact": "same date of birth",
        "swapped": "same date of birth with day and month swapped",
        "near": "date of birth a few days or one part out",
        "birthday": "same birthday, a year or two out",
        "same_year": "born the same year, on another date",
        "within_2_years": "born within two years",
        "different": "date of birth years away",
    },
    "expected_date": {
        "within_six_weeks": "born within six weeks of this unborn baby's expected date",
        "different": "expected date of birth does not fit",
    },
    "age": {
        "exact": "same age",
        "one_year": "age a year out",
        "two_years": "age two years out",
        "different": "a different age",
    },
    "postcode": {
        "exact": "same postcode",
        "outward": "same postcode district",
        "district": "same council district",
        "different": "lives in another area",
    },
    "sex": {"same": "", "different": "recorded as the other sex"},
}
AGREEING_NAME = frozenset({"exact", "same_name"})
AGREEING_SURNAME = frozenset({"exact", "same_name", "part"})
AGAINST = {
    "first_name": {"different"},
    "surname": set(),
    "date_of_birth": {"same_year", "within_2_years", "different"},
    "expected_date": {"different"},
    "age": {"two_years", "different"},
    "postcode": {"different"},
    "sex": {"different"},
}


@dataclass(frozen=True)
class Query:
    given: tuple[str, ...] = ()
    family: tuple[str, ...] = ()
    date_of_birth: date | None = None
    birth_years: tuple[int, ...] = ()
    age: int | None = None
    as_of: date | None = None
    postcode: str = ""
    outward_code: str = ""
    district_id: object = None
    sex: str = ""
    forename_keys: frozenset[str] = field(default_factory=frozenset)
    surname_keys: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def build(
        cls,
        *,
        forenames="",
        surname="",
        date_of_birth=None,
        birth_years=(),
        age=None,
        as_of=None,
        postcode="",
        outward_code="",
        district_id=None,
        sex="",
    ) -> Query:
        given, family = name_parts(forenames or "", surname or "")
        years = tuple(birth_years) or ((date_of_birth.year,) if date_of_birth else ())
        forename_keys = set(group_keys(given[0])) if given else set()
        forename_keys |= {sound_key(name) for name in given[1:]}
        surname_keys = set(group_keys(family[0])) if family else set()
        surname_keys |= {sound_key(part) for part in family[1:]}
        return cls(
            given=given,
            family=family,
            date_of_birth=date_of_birth,
            birth_years=years,
            age=age if as_of is not None else None,
            as_of=as_of if age is not None else None,
            postcode=postcode,
            outward_code=outward_code or (postcode.split(" ")[0] if postcode else ""),
            district_id=district_id,
            sex=sex if sex in ("F", "M") else "",
            forename_keys=frozenset(k for k in forename_keys if k),
            surname_keys=frozenset(k for k in surname_keys if k),
        )


@dataclass(frozen=True)
class Candidate:
    """One known name of one person: what scoring reads from a search-key row."""

    person_id: object
    given_names: str
    family_names: str
    date_of_birth: date | None
    is_unborn: bool
    sex: str
    postcode: str
    outward_code: str
    district_id: object
    household_id: object
    is_own_name: bool


@dataclass
class Comparison:
    weight: float
    levels: dict[str, str]
    reasons: list[str]
    swapped: bool = False
    shared_first_name: bool = False
    spelt_apart: bool = False

    def agrees_on_names(self) -> bool:
        return (
            self.levels.get("first_name") in AGREEING_NAME
            and self.levels.get("surname") in AGREEING_SURNAME
        )

    def has_evidence_against(self) -> bool:
        return any(self.levels.get(name) in levels for name, levels in AGAINST.items())


def first_name_level(given: tuple[str, ...], known: tuple[str, ...]) -> str | None:
    if not given or not known:
        return None
    wanted, first = given[0], known[0]
    if wanted == first:
        return "exact"
    if same_name(wanted, first):
        return "same_name"
    if wanted in known[1:] or first in given[1:] or any(same_name(wanted, n) for n in known[1:]):
        return "other_forename"
    if is_slip(wanted, first):
        return "slip"
    if sound_key(wanted) == sound_key(first) and similarity(wanted, first) >= 0.75:
        return "sound"
    return "different"


def surname_level(family: tuple[str, ...], known: tuple[str, ...]) -> str | None:
    if not family or not known:
        return None
    wanted, whole = family[0], known[0]
    if wanted == whole:
        return "exact"
    if same_name(wanted, whole):
        return "same_name"
    if set(family) & set(known) or any(same_name(a, b) for a in family for b in known):
        return "part"
    if is_slip(wanted, whole):
        return "slip"
    if sound_key(wanted) == sound_key(whole) and similarity(wanted, whole) >= 0.75:
        return "sound"
    return "different"


def date_level(wanted: date, born: date) -> str:
    if born == wanted:
        return "exact"
    if (born.year, born.month, born.day) == (wanted.year, wanted.day, wanted.month):
        return "swapped"
    gap = abs((born - wanted).days)
    if gap <= 3 or (
        born.year == wanted.year and (born.month == wanted.month or born.day == wanted.day)
    ):
        return "near"
    if (born.month, born.day) == (wanted.month, wanted.day) and abs(born.year - wanted.year) <= 2:
        return "birthday"
    if born.year == wanted.year:
        return "same_year"
    return "within_2_years" if gap <= 730 else "different"


AGE_LEVELS = ("exact", "one_year", "two_years")


def age_on(born: date, day: date) -> int:
    """Age in whole years on `day`."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _dates(query: Query, candidate: Candidate) -> tuple[str, str] | None:
    born = candidate.date_of_birth
    if born is None:
        return None
    if candidate.is_unborn:
        if query.date_of_birth is None:
            return None
        near = abs((query.date_of_birth - born).days) <= 42
        return "expected_date", "within_six_weeks" if near else "different"
    if query.date_of_birth is not None:
        return "date_of_birth", date_level(query.date_of_birth, born)
    if query.age is not None:
        gap = abs(age_on(born, query.as_of) - query.age)
        return "age", AGE_LEVELS[gap] if gap < len(AGE_LEVELS) else "different"
    return None


def _place(query: Query, candidate: Candidate) -> str | None:
    if not query.outward_code or not candidate.outward_code:
        return None
    if query.postcode and candidate.postcode == query.postcode:
        return "exact"
    if candidate.outward_code == query.outward_code:
        return "outward"
    if query.district_id and candidate.district_id == query.district_id:
        return "district"
    return "different"


def _names(query: Query, given, family, known_given, known_family, params) -> tuple[float, dict]:
    levels, weight = {}, 0.0
    first = first_name_level(given, known_given)
    if first:
        levels["first_name"] = first
        weight += params.weight("first_name", first, given[0])
    last = surname_level(family, known_family)
    if last:
        levels["surname"] = last
        weight += params.weight("surname", last, family[0])
    return weight, levels


def compare(query: Query, candidate: Candidate, params: MatchParameters) -> Comparison:
    known_given = tuple(candidate.given_names.split())
    known_family = tuple(candidate.family_names.split())
    weight, levels = _names(query, query.given, query.family, known_given, known_family, params)
    swapped = False
    if query.given and query.family:
        other, other_levels = _names(
            query, query.family[:1], query.given[:1], known_given, known_family, params
        )
        if other - 1.0 > weight:
            weight, levels, swapped = other - 1.0, other_levels, True
    for name, level in (
        _dates(query, candidate) or ("", None),
        ("postcode", _place(query, candidate)),
        ("sex", candidate.sex if query.sex and candidate.sex in ("F", "M") else None),
    ):
        if level is None:
            continue
        if name == "sex":
            level = "same" if level == query.sex else "different"
        levels[name] = level
        weight += params.weight(name, level)
    shared = (
        not swapped
        and levels.get("first_name") in AGREEING_NAME
        and len(query.given) == 1
        and len(known_given) > 1
        and is_shared_first_name(query.given[0])
    )
    apart = (
        not swapped
        and levels.get("first_name") == "same_name"
        and spelt_apart(query.given[0], known_given[0])
    )
    reasons = ["first and last names swapped"] if swapped else []
    reasons += [REASONS[name][level] for name, level in levels.items() if REASONS[name][level]]
    if not candidate.is_own_name and (levels.get("surname") or levels.get("first_name")):
        reasons.append("matched on a previous name or alias")
    if shared:
        reasons.append(
            f"brothers often share the first name {known_given[0].title()}: "
            "give the name the child is called by as well"
        )
    if apart:
        reasons.append(
            f"{query.given[0].title()} and {known_given[0].title()} are said differently and are "
            "often given as different names, even to twins: check this is the same child"
        )
    return Comparison(
        weight=weight,
        levels=levels,
        reasons=reasons,
        swapped=swapped,
        shared_first_name=shared,
        spelt_apart=apart,
    )
