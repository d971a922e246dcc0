"""How the same child's details come out differently when another agency records them, or
when a practitioner types what they heard: typos, nicknames, names swapped, a changed surname,
day and month of birth swapped. Used to make near-duplicate records in the seeded county and
the typo-laden queries of the search-quality test and the benchmark, so both have known answers.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, replace
from datetime import date, timedelta

from teamaround.people.matching.names import nicknames, normalise_name

KEYBOARD_NEIGHBOURS = {
    "a": "sqz",
    "b": "vn",
    "c": "xv",
    "d": "sfe",
    "e": "wrd",
    "f": "dgr",
    "g": "fht",
    "h": "gjy",
    "i": "uok",
    "j": "hku",
    "k": "jli",
    "l": "kop",
    "m": "n",
    "n": "bm",
    "o": "ipl",
    "p": "ol",
    "r": "etf",
    "s": "adw",
    "t": "ryg",
    "u": "yij",
    "v": "cb",
    "w": "qes",
    "y": "tuh",
    "z": "xa",
}
SOUNDS = [
    ("ph", "f"),
    ("y", "i"),
    ("ie", "y"),
    ("ck", "k"),
    ("c", "k"),
    ("ee", "ea"),
    ("ou", "ow"),
    ("ai", "ay"),
    ("s", "z"),
    ("th", "t"),
    ("ll", "l"),
    ("nn", "n"),
    ("tt", "t"),
    ("mm", "m"),
]


@dataclass(frozen=True)
class Details:
    forenames: str
    surname: str
    date_of_birth: date | None
    postcode: str = ""
    age: int | None = None


def typo(rng: random.Random, name: str) -> str:
    """One slip of the keyboard or ear; rarely the first letter, as in practice."""
    if len(name) < 3:
        return name
    lower = name.lower()
    for old, new in rng.sample(SOUNDS, len(SOUNDS)):
        if old in lower[1:] and rng.random() < 0.35:
            index = lower.index(old, 1)
            return (name[:index] + new + name[index + len(old) :]).capitalize()
    start = 0 if rng.random() < 0.05 else 1
    index = rng.randrange(start, len(name))
    kind = rng.choice(["substitute", "delete", "insert", "transpose", "double"])
    char = lower[index]
    if kind == "substitute":
        new = rng.choice(KEYBOARD_NEIGHBOURS.get(char, string.ascii_lowercase))
        result = lower[:index] + new + lower[index + 1 :]
    elif kind == "delete":
        result = lower[:index] + lower[index + 1 :]
    elif kind == "insert":
        result = lower[:index] + rng.choice(KEYBOARD_NEIGHBOURS.get(char, "e")) + lower[index:]
    elif kind == "transpose" and index < len(lower) - 1:
        result = lower[:index] + lower[index + 1] + lower[index] + lower[index + 2 :]
    else:
        result = lower[:index] + char + lower[index:]
    return result.capitalize()


def nickname(rng: random.Random, forename: str) -> str:
    """A short form of the name (William -> Bill) or the full form of a short one."""
    own = normalise_name(forename)
    table = nicknames()
    options = [other for other, forms in table.items() if own in forms and other != own]
    options += [form for form in table.get(own, ()) if form != own]
    return rng.choice(options).capitalize() if options else typo(rng, forename)


def vary(rng: random.Random, details: Details, kind: str, new_surname: str = "") -> Details:
    if kind == "typo_surname":
        return replace(details, surname=typo(rng, details.surname))
    if kind == "typo_forename":
        return replace(details, forenames=typo(rng, details.forenames))
    if kind == "typo_both":
        return replace(
            details, surname=typo(rng, details.surname), forenames=typo(rng, details.forenames)
        )
    if kind == "nickname":
        return replace(details, forenames=nickname(rng, details.forenames))
    if kind == "swapped":
        return replace(details, forenames=details.surname, surname=details.forenames)
    if kind == "changed_surname":
        return replace(details, surname=new_surname or typo(rng, details.surname))
    if kind == "dob_swapped" and details.date_of_birth and details.date_of_birth.day <= 12:
        born = details.date_of_birth
        return replace(
            details,
            date_of_birth=date(born.year, born.day, born.month),
            surname=typo(rng, details.surname),
        )
    if kind == "dob_near" and details.date_of_birth:
        shift = timedelta(days=rng.choice([-2, -1, 1, 2]))
        return replace(details, date_of_birth=details.date_of_birth + shift)
    return replace(details, surname=typo(rng, details.surname))


DUPLICATE_KINDS = [
    "typo_surname",
    "typo_forename",
    "nickname",
    "swapped",
    "changed_surname",
    "dob_swapped",
    "typo_both",
]
QUERY_KINDS = DUPLICATE_KINDS + ["dob_near"]


def typed_query(rng: random.Random, details: Details, today: date) -> Details:
    """What a practitioner might type for this child: one or two slips, and often only some
    of the facts (an age instead of a date of birth, no postcode)."""
    query = vary(rng, details, rng.choice(QUERY_KINDS))
    if rng.random() < 0.3:
        query = vary(rng, query, rng.choice(["typo_surname", "typo_forename", "nickname"]))
    born = query.date_of_birth
    if born and rng.random() < 0.15:
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        query = replace(query, date_of_birth=None, age=max(age, 0))
    if rng.random() < 0.4:
        query = replace(query, postcode="")
    return query
