"""Normalised names, sound-alike keys (NYSIIS) and nickname canonical forms.

A name is compared in capitals without accents, spaces or punctuation ("O'Brien" and "OBRIEN"
are the same). NYSIIS gives names that sound alike the same key (Catherine and Katherine,
Philip and Filip) and suits British and American surnames better than Soundex. Forenames are
first turned into their canonical form from the nickname list (Bill -> William), so a child
recorded as "Alfie" by a school and "Alfred" by health share a key.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

NICKNAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "nicknames.csv"
VOWELS = set("AEIOU")


@lru_cache(maxsize=100_000)
def normalise_name(value: str) -> str:
    text = unicodedata.normalize("NFKD", value or "")
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^A-Z]", "", text.upper())


def _first_word(value: str) -> str:
    words = (value or "").replace("-", " ").split()
    return words[0] if words else ""


@cache
def nicknames() -> dict[str, frozenset[str]]:
    """Each known form (nickname or full name) -> the canonical full names it may stand for."""
    table: dict[str, set[str]] = {}
    with NICKNAMES_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            canonical = normalise_name(row["canonical"])
            table.setdefault(canonical, set()).add(canonical)
            for nickname in row["nicknames"].split(";"):
                table.setdefault(normalise_name(nickname), set()).add(canonical)
    return {name: frozenset(forms) for name, forms in table.items()}


def canonical_forenames(forename: str) -> frozenset[str]:
    name = normalise_name(_first_word(forename))
    return nicknames().get(name, frozenset({name})) if name else frozenset()


@lru_cache(maxsize=100_000)
def phonetic(name: str) -> str:
    """NYSIIS key of a normalised name (up to 8 characters)."""
    name = normalise_name(name)
    if not name:
        return ""
    for old, new in (
        ("MAC", "MCC"),
        ("KN", "NN"),
        ("K", "C"),
        ("PH", "FF"),
        ("PF", "FF"),
        ("SCH", "SSS"),
    ):
        if name.startswith(old):
            name = new + name[len(old) :]
            break
    for old, new in (
        ("EE", "Y"),
        ("IE", "Y"),
        ("DT", "D"),
        ("RT", "D"),
        ("RD", "D"),
        ("NT", "D"),
        ("ND", "D"),
    ):
        if name.endswith(old):
            name = name[: -len(old)] + new
            break
    key = [name[0]]
    chars = list(name)
    i = 1
    while i < len(chars):
        char = chars[i]
        rest = "".join(chars[i:])
        if rest.startswith("EV"):
            chars[i : i + 2] = list("AF")
        elif char in VOWELS or (char == "Y" and i + 1 < len(chars)):
            chars[i] = "A"
        elif char == "Q":
            chars[i] = "G"
        elif char == "Z":
            chars[i] = "S"
        elif char == "M":
            chars[i] = "N"
        elif rest.startswith("KN"):
            chars[i : i + 2] = list("NN")
        elif char == "K":
            chars[i] = "C"
        elif rest.startswith("SCH"):
            chars[i : i + 3] = list("SSS")
        elif rest.startswith("PH"):
            chars[i : i + 2] = list("FF")
        elif (
            char == "H"
            and (chars[i - 1] not in VOWELS or (i + 1 < len(chars) and chars[i + 1] not in VOWELS))
            or char == "W"
            and chars[i - 1] in VOWELS
        ):
            chars[i] = chars[i - 1]
        if chars[i] != key[-1]:
            key.append(chars[i])
        i += 1
    if len(key) > 1 and key[-1] == "S":
        key.pop()
    if len(key) > 2 and key[-2:] == ["A", "Y"]:
        key[-2:] = ["Y"]
    if len(key) > 1 and key[-1] == "A":
        key.pop()
    return "".join(key)[:8]


def name_key(name: str) -> str:
    """The sound-alike key of a surname (first word of a double-barrelled name included whole)."""
    return phonetic(name)


def forename_keys(forename: str) -> frozenset[str]:
    """Sound-alike keys of the forename as given and of every canonical form it may stand for
    (one or two keys for most names)."""
    own = phonetic(_first_word(forename))
    keys = {phonetic(name) for name in canonical_forenames(forename)}
    return frozenset(keys | {own}) if own else frozenset()
