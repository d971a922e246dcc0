"""The match model as data: for each comparison (first name, surname, date of birth, ...) and
each level of agreement, m (how often a true match shows that level) and u (how often two
different children do), and for names how common each name is.

A level's weight is log2(m / u): agreement adds, disagreement subtracts (Fellegi and Sunter).
An exact name is weighed by how common that name is (term frequency): sharing "Smith" says
less than sharing "Oyelaran". The weights add up to a match weight, which with the prior odds
of any one record being the child gives a probability.

The shipped default (people/data/match_model.json) is used until `teamaround train_matching`
stores a trained model (people.models.MatchModel); the newest stored version wins.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_FILE = Path(__file__).resolve().parent.parent / "data" / "match_model.json"


@dataclass(frozen=True)
class MatchParameters:
    version: str
    comparisons: dict
    term_frequencies: dict = field(default_factory=dict)
    population: int = 300_000
    thresholds: dict = field(default_factory=dict)
    weights: dict = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: dict) -> MatchParameters:
        """A stored model trained before a level was added (the graded ages) takes that level,
        and any comparison it lacks, from the shipped default; levels the default no longer
        has are dropped."""
        shipped = _shipped()["comparisons"]
        comparisons = {}
        for name in dict.fromkeys([*data["comparisons"], *shipped]):
            levels = data["comparisons"].get(name, {})
            if name in shipped:  # the shipped scale of levels, stored values where there are
                levels = {level: levels.get(level, m_u) for level, m_u in shipped[name].items()}
            comparisons[name] = levels
        weights = {
            name: {
                level: math.log2(max(p["m"], 1e-9) / max(p["u"], 1e-9))
                for level, p in levels.items()
            }
            for name, levels in comparisons.items()
        }
        return cls(
            version=str(data.get("version", "default")),
            comparisons=comparisons,
            term_frequencies=data.get("term_frequencies") or {},
            population=int(data.get("population") or 300_000),
            thresholds={"strong": 0.99, "possible": 0.5, "shown": 0.02, "shown_weight": 8.0}
            | (data.get("thresholds") or {}),
            weights=weights,
        )

    @property
    def prior(self) -> float:
        """log2 prior odds that one given record is the child searched for."""
        return -math.log2(max(self.population, 2) - 1)

    def weight(self, comparison: str, level: str, value: str = "") -> float:
        if level == "exact" and value:
            table = self.term_frequencies.get(comparison)
            if table:
                share = table.get(value) or table.get("__rare__", 1.0 / self.population)
                m = self.comparisons[comparison]["exact"]["m"]
                return math.log2(m / max(share, 1e-9))
        return self.weights[comparison][level]

    def probability(self, match_weight: float) -> float:
        odds = match_weight + self.prior
        if odds > 60:
            return 1.0
        return 1.0 / (1.0 + 2.0 ** (-odds))

    def to_data(self) -> dict:
        return {
            "version": self.version,
            "population": self.population,
            "comparisons": self.comparisons,
            "term_frequencies": self.term_frequencies,
            "thresholds": self.thresholds,
        }


@functools.cache
def _shipped() -> dict:
    return json.loads(DEFAULT_FILE.read_text(encoding="utf-8"))


def default_parameters() -> MatchParameters:
    return MatchParameters.from_data(_shipped())
