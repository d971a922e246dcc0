"""The framework behind `teamaround seed`, and the core app's part of the synthetic county.

Each app contributes seeder functions listed in settings.TEAMAROUND_SEEDERS. A seeder takes a
SeedContext with a seeded random generator and Faker, so the same --seed gives the same county.
"""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from faker import Faker

from teamaround.core.access import SYSTEM
from teamaround.core.models import NeedDomain, WindscreenLevel
from teamaround.core.reference_data import essex_reference, load_reference_data
from teamaround.core.services import geography_load

ESSEX_GEOGRAPHY = Path(__file__).resolve().parent / "data" / "essex_geography.json"


@dataclass
class SeedContext:
    seed: int
    options: dict[str, Any] = field(default_factory=dict)
    out: TextIO = sys.stdout
    shared: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.random = random.Random(self.seed)
        self.faker = Faker("en_GB")
        self.faker.seed_instance(self.seed)

    def progress(self, label: str, done: int, total: int) -> None:
        """Print a progress line: every 10% for long runs, so a log stays readable."""
        step = max(1, total // 10)
        if done == total or done % step == 0:
            self.out.write(f"  {label}: {done:,} of {total:,} ({done * 100 // max(total, 1)}%)\n")
            self.out.flush()

    def step(self, label: str):
        return _Step(self, label)


class _Step:
    def __init__(self, context: SeedContext, label: str):
        self.context, self.label = context, label

    def __enter__(self):
        self.started = time.perf_counter()
        self.context.out.write(f"{self.label}...\n")
        return self

    def __exit__(self, *exc):
        seconds = time.perf_counter() - self.started
        self.context.out.write(f"  done in {seconds:.1f}s\n")


def seed_reference_data(context: SeedContext) -> None:
    """Windscreen levels and need domains (a migration loads them too; --reset empties them)."""
    with context.step("Reference data: Windscreen levels and need domains"):
        load_reference_data(essex_reference(), level_model=WindscreenLevel, domain_model=NeedDomain)


COUNTIES = ("essex", "small")


def seed_geography(context: SeedContext) -> None:
    """The whole of Essex, or (--county small, for tests and quick demos) a small county: every
    quadrant with only its first district, and one neighbouring authority. Every other seeder
    works from the districts loaded here, so a small county has fewer of everything."""
    county = context.options.get("county") or "essex"
    if county not in COUNTIES:
        raise ValueError(f"Unknown county {county!r}: choose one of {', '.join(COUNTIES)}.")
    with context.step(f"Geography: {county} quadrants, districts and postcodes"):
        data = json.loads(ESSEX_GEOGRAPHY.read_text(encoding="utf-8"))
        if county == "small":
            data["quadrants"] = [q | {"districts": q["districts"][:1]} for q in data["quadrants"]]
            data["neighbours"] = data["neighbours"][:1]
        geography_load(actor=SYSTEM, data=data)
