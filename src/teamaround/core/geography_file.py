"""Reading a council's geography file (JSON) and reporting every problem in it at once.

The shape is that of data/essex_geography.json:
{"council": "...", "quadrants": [{"code", "name", "districts": [{"code", "name",
 "ons_code", "outward_codes": [...]}]}], "neighbours": [{...district...}]}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teamaround.core.errors import ValidationFailed
from teamaround.core.models import DistrictKind

CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
OUTWARD = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?$")
ONS = re.compile(r"^(E0[6-9]|W06)[0-9]{6}$")


@dataclass
class DistrictRow:
    code: str
    name: str
    kind: str
    quadrant_code: str = ""
    ons_code: str = ""
    outward_codes: list[str] = field(default_factory=list)


@dataclass
class QuadrantRow:
    code: str
    name: str


@dataclass
class GeographyFile:
    council: str
    quadrants: list[QuadrantRow]
    districts: list[DistrictRow]


def parse_geography(data: dict) -> GeographyFile:
    errors: dict[str, list[str]] = {}

    def problem(where: str, message: str) -> None:
        errors.setdefault(where, []).append(message)

    if not isinstance(data, dict):
        raise ValidationFailed({"file": ["The file must hold a JSON object."]})
    council = str(data.get("council", "")).strip()
    if not council:
        problem("council", "Name the council.")
    quadrants: list[QuadrantRow] = []
    districts: list[DistrictRow] = []
    for qi, quadrant in enumerate(_list(data, "quadrants", problem)):
        where = f"quadrants[{qi}]"
        code, name = _code_and_name(quadrant, where, problem)
        quadrants.append(QuadrantRow(code, name))
        for di, district in enumerate(_list(quadrant, "districts", problem, where)):
            districts.append(
                _district(
                    district, f"{where}.districts[{di}]", problem, DistrictKind.DISTRICT, code
                )
            )
    for ni, neighbour in enumerate(data.get("neighbours", []) or []):
        districts.append(
            _district(neighbour, f"neighbours[{ni}]", problem, DistrictKind.NEIGHBOURING_UNITARY)
        )
    _check_unique([q.code for q in quadrants], "quadrant code", problem)
    _check_unique([d.code for d in districts], "district code", problem)
    _check_unique([o for d in districts for o in d.outward_codes], "outward code", problem)
    if errors:
        raise ValidationFailed(errors)
    return GeographyFile(council, quadrants, districts)


def _list(container, key, problem, where=""):
    value = container.get(key, []) if isinstance(container, dict) else None
    if not isinstance(value, list) or not value:
        problem(f"{where}.{key}".lstrip("."), f"Give a non-empty list of {key}.")
        return []
    return value


def _code_and_name(item, where, problem) -> tuple[str, str]:
    if not isinstance(item, dict):
        problem(where, "Each entry must be an object.")
        return "", ""
    code = str(item.get("code", "")).strip()
    name = str(item.get("name", "")).strip()
    if not CODE.match(code):
        problem(f"{where}.code", "Use lower-case letters, digits and hyphens for the code.")
    if not name:
        problem(f"{where}.name", "Give a name.")
    return code, name


def _district(item, where, problem, kind, quadrant_code="") -> DistrictRow:
    code, name = _code_and_name(item, where, problem)
    row = DistrictRow(code=code, name=name, kind=kind, quadrant_code=quadrant_code)
    if not isinstance(item, dict):
        return row
    row.ons_code = str(item.get("ons_code", "")).strip()
    if row.ons_code and not ONS.match(row.ons_code):
        problem(f"{where}.ons_code", "An ONS local authority code looks like E07000070.")
    for outward in item.get("outward_codes", []) or []:
        outward = str(outward).strip().upper()
        if not OUTWARD.match(outward):
            problem(f"{where}.outward_codes", f"{outward!r} is not a postcode outward code.")
        row.outward_codes.append(outward)
    return row


def _check_unique(values, what, problem) -> None:
    seen = set()
    for value in values:
        if value and value in seen:
            problem("file", f"The {what} {value!r} appears more than once.")
        seen.add(value)
