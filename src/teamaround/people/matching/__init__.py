"""Name matching for "is this child known?": normalising, sound-alike keys, nicknames and
similarity scores. Pure Python and independent of the database, so it is quick to test."""

from teamaround.people.matching.names import forename_keys, normalise_name, phonetic
from teamaround.people.matching.scoring import Candidate, Query, score
from teamaround.people.matching.similarity import jaro_winkler

__all__ = [
    "Candidate",
    "Query",
    "forename_keys",
    "jaro_winkler",
    "normalise_name",
    "phonetic",
    "score",
]
