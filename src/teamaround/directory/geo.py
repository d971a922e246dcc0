"""Distances for the public search, from postcode outward-code centroids.

The council's geography file says which district an outward code is in; this small table
(package data, synthetic but plausible) says roughly where its middle is. Distances use an
equirectangular approximation, which at county scale is within a fraction of a percent and is
plain arithmetic, so the database can order by it on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import csv
import math
from functools import cache
from pathlib import Path

from django.db.models import ExpressionWrapper, F, FloatField, Value

CENTROIDS = Path(__file__).resolve().parent / "data" / "outward_code_centroids.csv"
MILES_PER_DEGREE = 69.09


@cache
def _centroids() -> dict[str, tuple[float, float]]:
    with CENTROIDS.open(encoding="utf-8") as handle:
        return {
            row["outward_code"].upper(): (float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(handle)
        }


def outward_code(postcode: str) -> str:
    """ "cm1 1qh" -> "CM1"; also accepts "CM11QH" and a bare outward code."""
    plain = "".join((postcode or "").upper().split())
    if len(plain) >= 5 and plain[-3].isdigit():
        return plain[:-3]
    return plain


def centroid_for_postcode(postcode: str) -> tuple[float, float] | None:
    return _centroids().get(outward_code(postcode))


def known_outward_codes() -> list[str]:
    return sorted(_centroids())


def squared_distance(lat0: float, lon0: float, lat_field: str, lon_field: str):
    """An expression for the squared distance in degrees-of-latitude from (lat0, lon0)."""
    scale = math.cos(math.radians(lat0))
    dy = F(lat_field) - Value(lat0)
    dx = (F(lon_field) - Value(lon0)) * Value(scale)
    return ExpressionWrapper(dy * dy + dx * dx, output_field=FloatField())


def miles(squared: float | None) -> float | None:
    return None if squared is None else math.sqrt(squared) * MILES_PER_DEGREE


def miles_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    scale = math.cos(math.radians(a[0]))
    dy, dx = b[0] - a[0], (b[1] - a[1]) * scale
    return math.sqrt(dy * dy + dx * dx) * MILES_PER_DEGREE
