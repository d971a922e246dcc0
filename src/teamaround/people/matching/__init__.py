"""Name matching for "is this child known?": normalising, sound-alike keys, nicknames and
transliterations, a Fellegi-Sunter match model and the rules that decide what is shown.
Pure Python and independent of the database, so it is quick to test."""

from teamaround.people.matching.decide import Verdict, classify
from teamaround.people.matching.model import MatchParameters, default_parameters
from teamaround.people.matching.names import (
    forename_keys,
    normalise_name,
    phonetic,
    similarity,
    sound_key,
)
from teamaround.people.matching.scoring import Candidate, Comparison, Query, compare

__all__ = [
    "Candidate",
    "Comparison",
    "MatchParameters",
    "Query",
    "Verdict",
    "classify",
    "compare",
    "default_parameters",
    "forename_keys",
    "normalise_name",
    "phonetic",
    "similarity",
    "sound_key",
]
