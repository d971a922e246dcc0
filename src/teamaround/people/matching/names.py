"""Names as the matcher sees them: normalised, split into parts, keyed by sound, and grouped
with their nicknames and transliterations.

- `normalise_name`: capitals A-Z only, accents off, and letters with no decomposition spelt
  out (Ł -> L, Đ -> D, Ø -> O, ß -> SS, Æ -> AE), so "Łukasz" is "LUKASZ", not "UKASZ".
- `name_parts`: every forename, and each part of a double-barrelled or many-part surname
  ("Smith-Jones", "Kaur Sandhu"), without particles (al, de, van) standing alone. Singh and
  Kaur, which may be a middle name or a surname, count as a surname part wherever they are.
- `spelling_form`: a transliteration-neutral spelling (Khadijah -> KADIJA, Nowak -> NOVAK,
  Ayesha -> AISA), so spellings of one name from other scripts compare equal.
- `sound_key`: the metaphone key (jellyfish) of that form: the indexed key candidates are
  found by (Khadija and Khadijah, Hamza and Hamzah, Nowak and Novak share one).
- `same_name`: the same name by a known nickname (Bill, William) or a known transliteration
  (data/name_variants.csv), or an equal spelling form.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import jellyfish

DATA = Path(__file__).resolve().parent.parent / "data"
NICKNAMES_FILE = DATA / "nicknames.csv"
VARIANTS_FILE = DATA / "name_variants.csv"
SPELT_OUT = str.maketrans(
    {
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "Ð": "D",
        "ð": "d",
        "Ø": "O",
        "ø": "o",
        "Ħ": "H",
        "ħ": "h",
        "ı": "i",
        "Þ": "TH",
        "þ": "th",
        "ß": "SS",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
    }
)
PARTICLES = frozenset({"AL", "EL", "DE", "DA", "DI", "DOS", "DAS", "DU", "LA", "LE", "VAN", "VON"})
PARTICLES |= frozenset({"DER", "DEN", "BIN", "BINT", "BINTI", "ABU", "UMM", "ST"})
SIKH_NAMES = frozenset({"SINGH", "KAUR"})
PLACEHOLDERS = frozenset({"UNBORN", "BABY", "BABYOF", "UNNAMED", "UNKNOWN", "INFANT", "NEWBORN"})
SPELLING_RULES = (
    ("PH", "F"),
    ("KH", "K"),
    ("GH", "G"),
    ("DH", "D"),
    ("TH", "T"),
    ("CK", "K"),
    ("Q", "K"),
    ("OU", "U"),
    ("OO", "U"),
    ("EE", "I"),
    ("EI", "I"),
    ("Y", "I"),
    ("W", "V"),
    ("Z", "S"),
    ("SH", "S"),
    ("IE", "I"),
)


@lru_cache(maxsize=200_000)
def normalise_name(value: str) -> str:
    text = unicodedata.normalize("NFKD", (value or "").translate(SPELT_OUT))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^A-Z]", "", text.upper())


@lru_cache(maxsize=200_000)
def words(value: str) -> tuple[str, ...]:
    """The normalised words of a name, split at spaces, hyphens and apostrophes-with-space."""
    parts = re.split(r"[\s\-‐–—_/,.]+", (value or "").strip())
    return tuple(word for word in (normalise_name(part) for part in parts) if word)


@lru_cache(maxsize=200_000)
def name_parts(forenames: str, surname: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(forenames, surname parts): the forenames without Singh/Kaur or a placeholder such as
    "Baby"; the surname's whole form first, then its parts, then Singh or Kaur if any."""
    given = [w for w in words(forenames) if w not in PLACEHOLDERS]
    sikh = [w for w in given[1:] if w in SIKH_NAMES]
    given = [w for w in given if w not in sikh]
    family = words(surname)
    whole = "".join(w for w in family if w not in PARTICLES) or "".join(family)
    parts = [whole] if whole else []
    substantive = [w for w in family if w not in PARTICLES]
    if len(substantive) > 1:
        parts += substantive
    parts += [w for w in sikh if w not in parts]
    return tuple(dict.fromkeys(given)), tuple(dict.fromkeys(parts))


# First names given to every boy of many families, who are then called by the next forename
# (Mohammed Ayaan is "Ayaan"): that name alone cannot tell brothers, or twins, apart.
SHARED_FIRST_NAMES = ("MOHAMMED",)


def is_shared_first_name(name: str) -> bool:
    return any(same_name(name, shared) for shared in SHARED_FIRST_NAMES)


def is_placeholder(forenames: str) -> bool:
    """ "Unborn", "Baby", "Baby of Smith" or blank: not a first name at all."""
    return not [w for w in words(forenames) if w not in PLACEHOLDERS and w != "OF"]


@lru_cache(maxsize=200_000)
def spelling_form(name: str) -> str:
    """A spelling with transliteration choices evened out, doubled letters once and a final H
    after a vowel dropped."""
    text = normalise_name(name)
    if not text:
        return ""
    text = re.sub(r"C(?=[AOULR])", "K", text.replace("DJ", "J"))
    text = re.sub(r"(?<=[AEIOU])W(?![AEIOUY])", "U", text)
    for old, new in SPELLING_RULES:
        text = text.replace(old, new)
    text = re.sub(r"(.)\1+", r"\1", text)
    if len(text) > 3 and text.endswith("H") and text[-2] in "AEIOU":
        text = text[:-1]
    return text


@lru_cache(maxsize=200_000)
def sound_key(name: str) -> str:
    """The indexed sound-alike key (metaphone of the spelling form, at most 8 characters)."""
    form = spelling_form(name)
    return (jellyfish.metaphone(form) or form)[:8] if form else ""


# The name the search used to call `phonetic`: kept as the one key function.
phonetic = sound_key


@cache
def _members() -> dict[str, frozenset[str]]:
    """Each group label -> the spellings in it."""
    members: dict[str, set[str]] = {}
    for name, labels in _groups().items():
        for label in labels:
            members.setdefault(label, set()).add(name)
    return {label: frozenset(names) for label, names in members.items()}


@cache
def _groups() -> dict[str, frozenset[str]]:
    """Each spelling -> the group labels (canonical full names or variant groups) it is in."""
    table: dict[str, set[str]] = {}
    with NICKNAMES_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            canonical = normalise_name(row["canonical"])
            table.setdefault(canonical, set()).add(canonical)
            for nickname in row["nicknames"].split(";"):
                table.setdefault(normalise_name(nickname), set()).add(canonical)
    with VARIANTS_FILE.open(encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            label = f"~{number}"
            for spelling in row["spellings"].split(";"):
                table.setdefault(normalise_name(spelling), set()).add(label)
    return {name: frozenset(labels) for name, labels in table.items()}


def nicknames() -> dict[str, frozenset[str]]:
    """Each known form (nickname or full name) -> the canonical names it may stand for."""
    return {
        name: frozenset(g for g in groups if not g.startswith("~"))
        for name, groups in _groups().items()
        if any(not g.startswith("~") for g in groups)
    }


@lru_cache(maxsize=200_000)
def name_groups(name: str) -> frozenset[str]:
    name = normalise_name(name)
    return _groups().get(name, frozenset()) | {"=" + spelling_form(name)} if name else frozenset()


@lru_cache(maxsize=200_000)
def syllables(name: str, *, weak_ending: bool = False) -> int:
    """How many vowel sounds a name is said with: groups of vowels, Y a vowel unless a vowel
    follows it (the Y of Ayesha and Raiyan is a consonant, that of Aysha and Milly is not);
    with `weak_ending`, the E of a final E or ER after a consonant is not counted (Anne and
    Ann, Alexander and Aleksandr)."""
    text = normalise_name(name)
    if weak_ending and len(text) > 3:
        text = re.sub(r"(?<=[^AEIOUY])E(R?)$", r"\1", text)
    count, previous = 0, False
    for index, char in enumerate(text):
        following = text[index + 1 : index + 2]
        vowel = char in "AEIOU" or (char == "Y" and following not in tuple("AEIOU"))
        count += vowel and not previous
        previous = vowel
    return count


def _abbreviation(short: str, long: str) -> bool:
    """Mohd for Mohammed: a few letters of the name, in order, ending in a consonant."""
    if len(short) > 4 or len(short) >= len(long) or short[-1] in "AEIOUY":
        return False
    letters = iter(long)
    return all(char in letters for char in short)


def spelt_apart(first: str, second: str) -> bool:
    """Two spellings of one name (a transliteration, not a nickname or an abbreviation) said
    with a different number of syllables, however a final E is said: Aisha and
    Ayesha, not Mohammed and Muhammad. Parents give such spellings as different names, even
    to twins, so they are perhaps the same name, perhaps not."""
    first, second = normalise_name(first), normalise_name(second)
    if not first or not second or first == second:
        return False
    shared = name_groups(first) & name_groups(second)
    if not shared or any(label[0] not in "~=" for label in shared):
        return False  # not the same name, or the same by a known nickname (Bill, William)
    short, long = sorted((first, second), key=len)
    if _abbreviation(short, long):
        return False
    return all(
        syllables(first, weak_ending=weak) != syllables(second, weak_ending=weak)
        for weak in (False, True)
    )


def same_name(first: str, second: str) -> bool:
    """The same name in another spelling, transliteration or a known nickname."""
    return bool(first and second and name_groups(first) & name_groups(second))


@lru_cache(maxsize=200_000)
def group_keys(name: str) -> frozenset[str]:
    """Sound keys of the name and of every spelling in its nickname or variant groups, so a
    search for "Bill" meets "William" and "Ayesha" meets "Aisha" in the index."""
    name = normalise_name(name)
    if not name:
        return frozenset()
    keys = {sound_key(name)}
    for label in _groups().get(name, ()):
        keys |= {sound_key(other) for other in _members()[label]}
    return frozenset(k for k in keys if k)


def canonical_forenames(forename: str) -> frozenset[str]:
    first = words(forename)
    return name_groups(first[0]) if first else frozenset()


def forename_keys(forename: str) -> frozenset[str]:
    """Sound keys of the first forename and of the names it may stand for."""
    first = words(forename)
    return group_keys(first[0]) if first else frozenset()


def similarity(first: str, second: str) -> float:
    return jellyfish.jaro_winkler_similarity(first, second) if first and second else 0.0


def is_slip(first: str, second: str) -> bool:
    """One typing slip apart: a letter added, dropped, changed or two swapped, or very alike
    spellings of longer names."""
    if not first or not second or first == second:
        return False
    short, long = sorted((first, second), key=len)
    if (len(short), len(long)) == (3, 4) and any(long[:i] + long[i + 1 :] == short for i in (1, 2)):
        return True  # an inner letter dropped from a short name (Noah, Noh)
    if min(len(first), len(second)) >= 4 and jellyfish.damerau_levenshtein_distance(
        first, second
    ) <= (1 if max(len(first), len(second)) < 9 else 2):
        return True
    return similarity(first, second) >= 0.94
