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


# The longest value each field we store can hold. A longer one is a problem reported with its
# path (the feed is refused), never silently cut: what we would publish again must be what the
# publisher sent.
_TERM = {"name": 200, "term": 120, "code": 120, "term_uri": 200}
_ORGANISATION = {
    "name": 200,
    "email": 254,
    "website": 200,
    "logo": 200,
    "uri": 200,
    "organization_identifiers": [{"identifier_scheme": 20, "identifier": 40}],
}
_LOCATION = {"name": 200, "addresses": [{"address_1": 200, "city": 100, "postal_code": 10}]}
_SERVICE = {
    "name": 200,
    "url": 200,
    "email": 254,
    "organization": _ORGANISATION,
    "cost_options": [{"option": 200, "amount_description": 200}],
    "contacts": [{"name": 200, "title": 200}],
    "schedules": [{"byday": 20, "description": 200}],
    "service_at_locations": [{"location": _LOCATION}],
    "attributes": [{"taxonomy_term": _TERM}],
}
STORED_LENGTHS = {
    "service": _SERVICE,
    "organization": _ORGANISATION,
    "service_at_location": {"location": _LOCATION, "service": _SERVICE},
    "taxonomy": {"name": 200, "uri": 200, "version": 40, "taxonomy_terms": [_TERM]},
    "taxonomy_term": _TERM,
}


def length_problems(where: str, record, kind: str) -> list[Problem]:
    return _too_long(where, record, STORED_LENGTHS.get(kind, {}))


def _too_long(where: str, record, limits) -> list[Problem]:
    problems = []
    if isinstance(limits, list) and isinstance(record, list):
        for i, item in enumerate(record):
            problems += _too_long(f"{where}[{i}]", item, limits[0])
    elif isinstance(limits, dict) and isinstance(record, dict):
        for key, limit in limits.items():
            value = record.get(key)
            if isinstance(limit, int):
                if isinstance(value, str) and len(value) > limit:
                    problems.append(
                        Problem(
                            f"{where}.{key}",
                            f"is {len(value)} characters long; we can keep at most {limit} "
                            "(shorten it at the source: it would not be cut here)",
                        )
                    )
            else:
                problems += _too_long(f"{where}.{key}", value, limit)
    return problems
