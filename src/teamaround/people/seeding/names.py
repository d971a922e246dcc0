"""Pools of synthetic names and streets, drawn once from Faker's word lists.

Essex's children have names from many backgrounds, so the pools mix Faker's British list (most
weight) with its American, Irish, New Zealand, Indian, Nigerian, Romanian and Lithuanian lists.
Choosing from pools is far quicker than calling Faker per person, which matters at 300,000.
"""

from __future__ import annotations

import importlib
import random
from dataclasses import dataclass
from functools import cache

SURNAME_LOCALES = {
    "en_GB": 12,
    "en_US": 3,
    "en_IE": 2,
    "en_NZ": 2,
    "en_IN": 2,
    "yo_NG": 1,
    "ro_RO": 1,
    "lt_LT": 1,
}
FORENAME_LOCALES = {"en_GB": 10, "en_US": 4, "en_NZ": 2, "en_IN": 1, "yo_NG": 1, "ro_RO": 1}


def _provider(locale: str):
    return importlib.import_module(f"faker.providers.person.{locale}").Provider


def _weighted(locales: dict[str, int], attribute: str) -> tuple[list[str], list[float]]:
    names: dict[str, float] = {}
    for locale, weight in locales.items():
        pool = getattr(_provider(locale), attribute, ())
        values = list(pool)
        if not values:
            continue
        for position, name in enumerate(values):
            # Earlier names in Faker's lists are the commoner ones: a gentle Zipf-like tail.
            share = weight / len(values) * (2.0 if position < len(values) // 10 else 1.0)
            if " " not in name and name.isalpha():
                names[name] = names.get(name, 0.0) + share
    return list(names), list(names.values())


@dataclass
class NamePools:
    female: tuple[list[str], list[float]]
    male: tuple[list[str], list[float]]
    surnames: tuple[list[str], list[float]]

    def forename(self, rng: random.Random, sex: str) -> str:
        names, weights = self.female if sex == "F" else self.male
        return rng.choices(names, weights)[0]

    def surname(self, rng: random.Random) -> str:
        names, weights = self.surnames
        return rng.choices(names, weights)[0]


@cache
def name_pools() -> NamePools:
    return NamePools(
        female=_weighted(FORENAME_LOCALES, "first_names_female"),
        male=_weighted(FORENAME_LOCALES, "first_names_male"),
        surnames=_weighted(SURNAME_LOCALES, "last_names"),
    )


def street_pool(faker, size: int = 1500) -> list[str]:
    return [faker.street_name() for _ in range(size)]
