"""Scoring a candidate against what the practitioner typed, with the reasons in plain English.

Points (out of 100): surname 35, first name 25, date of birth 30, postcode 10. Each part
scores by how it matches — exactly, by sound, by a known nickname, by spelling — and says so,
so a practitioner can judge the match rather than trust a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from teamaround.people.matching.names import (
    canonical_forenames,
    forename_keys,
    normalise_name,
    phonetic,
)
from teamaround.people.matching.similarity import jaro_winkler


@dataclass(frozen=True)
class Query:
    forename: str = ""
    surname: str = ""
    date_of_birth: date | None = None
    birth_years: tuple[int, ...] = ()
    postcode: str = ""
    outward_code: str = ""
    district_id: object = None
    forename_keys: frozenset[str] = field(default_factory=frozenset)
    surname_key: str = ""
    canonicals: frozenset[str] = field(default_factory=frozenset)
    surname_first: str = ""
    surname_first_keys: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def build(
        cls,
        *,
        forenames="",
        surname="",
        date_of_birth=None,
        birth_years=(),
        postcode="",
        district_id=None,
    ) -> Query:
        first = (forenames or "").replace("-", " ").split()
        forename = first[0] if first else ""
        last = (surname or "").replace("-", " ").split()
        surname_first = last[0] if last else ""
        years = tuple(birth_years) or ((date_of_birth.year,) if date_of_birth else ())
        return cls(
            forename=normalise_name(forename),
            surname=normalise_name(surname),
            date_of_birth=date_of_birth,
            birth_years=years,
            postcode=postcode,
            outward_code=postcode.split(" ")[0] if postcode else "",
            district_id=district_id,
            forename_keys=forename_keys(forename) if forename else frozenset(),
            surname_key=phonetic(surname) if surname else "",
            canonicals=canonical_forenames(forename) if forename else frozenset(),
            surname_first=normalise_name(surname_first),
            surname_first_keys=forename_keys(surname_first) if surname_first else frozenset(),
        )

    @cached_property
    def swapped(self) -> Query:
        """The same query with first and last names the other way round."""
        return Query.build(
            forenames=self.surname_first,
            surname=self.forename,
            date_of_birth=self.date_of_birth,
            birth_years=self.birth_years,
            postcode=self.postcode,
            district_id=self.district_id,
        )


@dataclass(frozen=True)
class Candidate:
    """One search-key row: the fields of PersonSearchKey that scoring reads."""

    person_id: object
    forename: str
    surname: str
    forename_key: str
    surname_key: str
    date_of_birth: date | None
    postcode: str
    outward_code: str
    district_id: object
    is_own_name: bool


def _surname(query: Query, surname: str, key: str) -> tuple[float, str]:
    if not query.surname:
        return 0.0, ""
    if surname == query.surname:
        return 35.0, "same surname"
    similarity = jaro_winkler(query.surname, surname)
    if key == query.surname_key:
        return 28.0 + 5 * similarity, "surname sounds alike"
    if similarity >= 0.85:
        return 33.0 * similarity, "surname spelt similarly"
    return 12.0 * similarity, ""


def _forename(query: Query, forename: str, key: str) -> tuple[float, str]:
    if not query.forename:
        return 0.0, ""
    if forename == query.forename:
        return 25.0, "same first name"
    similarity = jaro_winkler(query.forename, forename)
    if query.canonicals & canonical_forenames(forename):
        return 22.0, "first name is a known short form or nickname"
    if key in query.forename_keys and similarity >= 0.7:
        return 20.0 + 3 * similarity, "first name sounds alike"
    if similarity >= 0.85:
        return 23.0 * similarity, "first name spelt similarly"
    return 8.0 * similarity, ""


def _date_of_birth(query: Query, born: date | None) -> tuple[float, str]:
    if born is None:
        return 0.0, ""
    wanted = query.date_of_birth
    if wanted is not None:
        if born == wanted:
            return 30.0, "same date of birth"
        if (born.year, born.month, born.day) == (wanted.year, wanted.day, wanted.month):
            return 24.0, "same date of birth with day and month swapped"
        if abs((born - wanted).days) <= 3:
            return 22.0, "date of birth within a few days"
        if born.year == wanted.year and (born.month == wanted.month or born.day == wanted.day):
            return 18.0, "date of birth differs by one part"
        if (
            born.month == wanted.month
            and born.day == wanted.day
            and abs(born.year - wanted.year) <= 2
        ):
            return 18.0, "same birthday, year differs"
        if born.year == wanted.year:
            return 8.0, "born the same year"
        return 0.0, ""
    if born.year in query.birth_years:
        return 12.0, "age matches"
    return 0.0, ""


def _place(query: Query, candidate: Candidate) -> tuple[float, str]:
    if not query.outward_code:
        return 0.0, ""
    if candidate.postcode and candidate.postcode == query.postcode:
        return 10.0, "same postcode"
    if candidate.outward_code and candidate.outward_code == query.outward_code:
        return 7.0, "same postcode district"
    if query.district_id and candidate.district_id == query.district_id:
        return 4.0, "same council district"
    return 0.0, ""


def score(query: Query, candidate: Candidate) -> tuple[float, list[str]]:
    surname = _surname(query, candidate.surname, candidate.surname_key)
    forename = _forename(query, candidate.forename, candidate.forename_key)
    straight = surname[0] + forename[0]
    swapped_note = ""
    if query.forename and query.surname and straight < 45:
        swapped = query.swapped
        fore_as_sur = _surname(swapped, candidate.surname, candidate.surname_key)
        sur_as_fore = _forename(swapped, candidate.forename, candidate.forename_key)
        if sur_as_fore[0] + fore_as_sur[0] - 4 > straight:
            surname, forename = fore_as_sur, sur_as_fore
            swapped_note = "first and last names swapped"
    parts = [
        surname,
        forename,
        _date_of_birth(query, candidate.date_of_birth),
        _place(query, candidate),
    ]
    total = sum(points for points, _ in parts) - (4.0 if swapped_note else 0.0)
    reasons = [reason for _, reason in parts if reason]
    if swapped_note:
        reasons.insert(0, swapped_note)
    if not candidate.is_own_name and reasons:
        reasons.append("matched on a previous name or alias")
    return max(total, 0.0), reasons
