"""Reading police missing notifications, from a CSV file or the API, and checking every one
before anything is written. A file with any bad row is rejected whole, with every problem
listed by line and field."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.frontdoor.models import MissingEpisode, RiskGrade
from teamaround.people import validators

REQUIRED = (
    "notification_id",
    "forenames",
    "surname",
    "date_of_birth",
    "reported_missing_at",
    "risk_grade",
)
OPTIONAL = ("police_reference", "address", "postcode", "returned_at", "where_found")
COLUMNS = REQUIRED + OPTIONAL
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
DATETIME_FORMATS = (
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
)
GRADES = {
    **{value: value for value in RiskGrade.values},
    **{label.lower(): value for value, label in RiskGrade.choices},
}
OLDEST_AGE = 18
# The longest value each text column may hold (the model's): a longer one is a reported
# problem, never cut short.
MAX_LENGTHS = {
    "notification_id": 60,
    "forenames": 100,
    "surname": 100,
    "police_reference": 60,
    "address": 120,
    "where_found": 200,
}


@dataclass(frozen=True)
class Notification:
    notification_id: str
    forenames: str
    surname: str
    date_of_birth: date
    reported_missing_at: datetime
    risk_grade: str
    police_reference: str = ""
    address: str = ""
    postcode: str = ""
    returned_at: datetime | None = None
    where_found: str = ""


@dataclass(frozen=True)
class Problem:
    line: int
    field: str
    message: str


class FileRejected(ValidationFailed):
    """Every problem in a file, by line and field. Nothing from the file has been written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors: dict[str, list[str]] = {}
        for problem in problems:
            errors.setdefault(f"line {problem.line}: {problem.field}", []).append(problem.message)
        super().__init__(errors)


def _date(value: str) -> date:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError


def _moment(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = None
        for pattern in DATETIME_FORMATS:
            try:
                parsed = datetime.strptime(value, pattern)
                break
            except ValueError:
                continue
        if parsed is None:
            raise ValueError from None
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


def check_notification(raw: dict, *, line: int = 0) -> tuple[Notification | None, list[Problem]]:
    """One notification's values (strings or already-typed values from the API)."""
    problems: list[Problem] = []

    def bad(field, message):
        problems.append(Problem(line, field, message))

    text = {name: _text(raw.get(name)) for name in COLUMNS}
    for name in REQUIRED:
        if not text[name] and raw.get(name) in (None, ""):
            bad(name, "This is required.")
    for name, longest in MAX_LENGTHS.items():
        if len(text[name]) > longest:
            bad(name, f"This is {len(text[name])} characters long: at most {longest} fit.")
        if "\x00" in text[name]:
            bad(name, "This contains a NUL character: remove it.")
    born = _typed(
        raw, "date_of_birth", _date, bad, "Enter a date of birth as YYYY-MM-DD, like 2012-04-30."
    )
    gone = _typed(
        raw,
        "reported_missing_at",
        _moment,
        bad,
        "Enter a date and time as YYYY-MM-DD HH:MM, like 2026-03-01 21:30.",
    )
    back = _typed(
        raw,
        "returned_at",
        _moment,
        bad,
        "Enter a date and time as YYYY-MM-DD HH:MM, or leave it blank.",
    )
    now = timezone.now()
    if gone and gone > now:
        bad("reported_missing_at", "The time the child was reported missing is in the future.")
    if gone and back and back < gone:
        bad("returned_at", "The child cannot return before they were reported missing.")
    if back and back > now:
        bad("returned_at", "The return time is in the future.")
    if born and gone:
        if born > gone.date():
            bad("date_of_birth", "The date of birth is after the child went missing.")
        elif age_on(born, gone.date()) > OLDEST_AGE:
            bad("date_of_birth", "This person was over 18 when reported missing.")
    grade = GRADES.get(text["risk_grade"].lower()) if text["risk_grade"] else None
    if text["risk_grade"] and grade is None:
        bad("risk_grade", "Use one of: no apparent risk, low, medium, high.")
    postcode = ""
    if text["postcode"]:
        try:
            postcode = validators.normalise_postcode(text["postcode"])
        except DomainError as error:
            bad("postcode", error.message)
    if problems:
        return None, problems
    return Notification(
        notification_id=text["notification_id"],
        forenames=text["forenames"],
        surname=text["surname"],
        date_of_birth=born,
        reported_missing_at=gone,
        risk_grade=grade,
        police_reference=text["police_reference"],
        address=text["address"],
        postcode=postcode,
        returned_at=back,
        where_found=text["where_found"],
    ), []


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _typed(raw, name, parse, bad, message):
    value = raw.get(name)
    if isinstance(value, datetime | date) or value in (None, ""):
        if isinstance(value, datetime) and timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value or None
    try:
        return parse(str(value).strip())
    except ValueError:
        bad(name, message)
        return None


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def parse_file(content: str) -> list[Notification]:
    """Every row of the file, or FileRejected with every problem (nothing is written)."""
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    problems = [
        Problem(
            1,
            name or "(blank)",
            "Unknown column: remove it or rename it to one of " + ", ".join(COLUMNS) + ".",
        )
        for name in header
        if name not in COLUMNS
    ]
    problems += [
        Problem(1, name, "This column is missing.") for name in REQUIRED if name not in header
    ]
    if not header:
        problems = [Problem(1, "file", "The file is empty.")]
    if problems:
        raise FileRejected(problems)
    reader.fieldnames = header
    notifications, first_line = [], {}
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as error:  # a field over the parser's limit, a NUL byte, a bad quote
            problems.append(
                Problem(reader.line_num + 1, "row", f"This row cannot be read: {error}.")
            )
            break
        line = reader.line_num
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        if None in row:
            problems.append(Problem(line, "row", "This row has more values than the header."))
            continue
        notification, found = check_notification(row, line=line)
        problems += found
        identifier = (row.get("notification_id") or "").strip()
        if identifier in first_line:
            problems.append(
                Problem(
                    line,
                    "notification_id",
                    f"Duplicate notification id: also on line {first_line[identifier]}.",
                )
            )
        elif identifier:
            first_line[identifier] = line
        if notification:
            notifications.append(notification)
    if not first_line and not problems:
        problems.append(Problem(1, "file", "The file has no notifications in it."))
    problems += _already_imported(first_line)
    if problems:
        raise FileRejected(sorted(problems, key=lambda p: (p.line, p.field)))
    return notifications


def _already_imported(first_line: dict) -> list[Problem]:
    known = already_imported(list(first_line))
    return [
        Problem(
            first_line[identifier],
            "notification_id",
            "This notification has already been imported.",
        )
        for identifier in known
    ]


def already_imported(identifiers: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(identifiers), 900):
        chunk = identifiers[start : start + 900]
        found.update(
            MissingEpisode.objects.filter(notification_id__in=chunk).values_list(
                "notification_id", flat=True
            )
        )
    return found
