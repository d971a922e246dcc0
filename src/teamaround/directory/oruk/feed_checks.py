"""Checking an incoming ORUK document against the profile's own JSON schemas (vendored), with
format checks that hold: ids are UUIDs, dates and moments parse, emails look like emails, and
links are `http` or `https` only (a `javascript:` or `data:` link is an error, never stored).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from django.utils.dateparse import parse_date, parse_datetime
from jsonschema import Draft202012Validator, FormatChecker

from teamaround.directory.oruk import spec

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def safe_url(value: str) -> bool:
    """A link we may store and show: http(s) with a host, nothing else."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value.strip()


def _checker() -> FormatChecker:
    checker = FormatChecker(formats=())

    def is_uuid(value) -> bool:
        if not isinstance(value, str):
            return True
        try:
            uuid.UUID(value)
        except ValueError:
            return False
        return True

    def is_moment(value) -> bool:
        try:
            return not isinstance(value, str) or parse_datetime(value) is not None
        except ValueError:
            return False

    def is_date(value) -> bool:
        try:
            return not isinstance(value, str) or parse_date(value) is not None
        except ValueError:
            return False

    checker.checks("uuid")(is_uuid)
    checker.checks("date-time")(is_moment)
    checker.checks("datetime")(is_moment)
    checker.checks("date")(is_date)
    checker.checks("email")(lambda v: not isinstance(v, str) or bool(EMAIL.match(v)))
    return checker


@cache
def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(spec.schema(kind), format_checker=_checker())


def schema_problems(where: str, record, kind: str) -> list[Problem]:
    problems = []
    for error in sorted(validator(kind).iter_errors(record), key=lambda e: e.json_path):
        problems.append(Problem(f"{where}{error.json_path[1:]}", plain_message(error)))
    return problems


def plain_message(error) -> str:
    if error.validator == "required":
        return error.message.replace("is a required property", "is missing (required)")
    if error.validator == "format":
        return f"{error.instance!r} is not a valid {error.validator_value}"
    return error.message


URL_KEYS = frozenset({"url", "website", "logo", "uri", "term_uri", "schedule_link"})


def link_problems(where: str, record) -> list[Problem]:
    """Every link anywhere in the record (whatever the schema says of its format)."""
    problems = []
    if isinstance(record, dict):
        for key, value in record.items():
            if key in URL_KEYS and isinstance(value, str) and value and not safe_url(value):
                shown = value if len(value) <= 80 else value[:77] + "..."
                problems.append(
                    Problem(f"{where}.{key}", f"{shown!r} is not an http or https link")
                )
            else:
                problems += link_problems(f"{where}.{key}", value)
    elif isinstance(record, list):
        for i, value in enumerate(record):
            problems += link_problems(f"{where}[{i}]", value)
    return problems


def coordinate_problems(where: str, location: dict) -> list[str]:
    """Notes (not errors) for coordinates outside WGS84's range: they are left out."""
    notes = []
    for name, limit in (("latitude", 90), ("longitude", 180)):
        value = location.get(name)
        if isinstance(value, int | float) and not -limit <= value <= limit:
            notes.append(f"{where}.{name} {value} is outside -{limit}..{limit}; not stored")
    return notes
