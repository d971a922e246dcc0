"""The candidate lookups of "is this child known?", sent as one statement.

Each route is an indexed lookup on PersonSearchKey (see people.selectors.search), ordered by
person id and row id before its cap, so SQLite and PostgreSQL return the same rows. All the
routes of a search go to the database as one UNION ALL of those capped subqueries: one round
trip, and no ORM compilation per route. Values are always parameters; table and column names
come from the model.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from django.db import connection

from teamaround.people.matching import Candidate, Query
from teamaround.people.models import PersonSearchKey

ROUTE_LIMIT = 600
NEAR_DAYS = 42
COLUMNS = list(Candidate.__dataclass_fields__)
_FIELDS = {f.name: f for f in PersonSearchKey._meta.concrete_fields}
_FIELDS["person_id"] = PersonSearchKey._meta.get_field("person")


def _column(name: str) -> str:
    return connection.ops.quote_name(_FIELDS[name].column)


def _in(name: str, values) -> tuple[str, list]:
    values = sorted(values)
    return f"{_column(name)} IN ({', '.join(['%s'] * len(values))})", values


def _eq(name: str, value) -> tuple[str, list]:
    return f"{_column(name)} = %s", [value]


def _between(name: str, low, high) -> tuple[str, list]:
    return f"{_column(name)} BETWEEN %s AND %s", [low, high]


def routes(query: Query) -> list[list[tuple[str, list]]]:
    """Each route: conditions joined by AND."""
    found = []
    surnames, forenames, years = query.surname_keys, query.forename_keys, query.birth_years
    if surnames and forenames:
        found.append([_in("surname_key", surnames), _in("forename_key", forenames)])
        found.append([_in("surname_key", forenames), _in("forename_key", surnames)])
    born = query.date_of_birth
    if born:
        found.append([_eq("date_of_birth", born)])
        if born.day <= 12 and born.day != born.month:
            found.append([_eq("date_of_birth", date(born.year, born.day, born.month))])
        low, high = born - timedelta(days=NEAR_DAYS), born + timedelta(days=NEAR_DAYS)
        if surnames:
            found.append([_in("surname_key", surnames), _between("date_of_birth", low, high)])
        if query.outward_code:
            found.append(
                [_eq("outward_code", query.outward_code), _between("date_of_birth", low, high)]
            )
        years = (born.year - 1, born.year, born.year + 1)
    if years:
        if surnames and forenames:
            # a common name (Oliver Smith) fills the name route's cap: the year narrows it
            found.append(
                [
                    _in("surname_key", surnames),
                    _in("forename_key", forenames),
                    _in("birth_year", years),
                ]
            )
        if surnames:
            found.append([_in("surname_key", surnames), _in("birth_year", years)])
        if forenames:
            found.append([_in("forename_key", forenames), _in("birth_year", years)])
        if query.outward_code:
            found.append([_eq("outward_code", query.outward_code), _in("birth_year", years)])
    elif query.outward_code:
        if surnames:
            found.append([_eq("outward_code", query.outward_code), _in("surname_key", surnames)])
        if forenames:
            found.append([_eq("outward_code", query.outward_code), _in("forename_key", forenames)])
    return found


def _adapt(value):
    if isinstance(value, date):
        return connection.ops.adapt_datefield_value(value)
    return value


def _uuid(value):
    return value if value is None or isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _date(value):
    return value if value is None or isinstance(value, date) else date.fromisoformat(str(value))


def born_together(query: Query, households, born) -> list[Candidate]:
    """The rows of everyone born on one of the dates `born` into one of the `households`:
    the twins and triplets of a candidate, whether or not a route found them."""
    if not households or not born:
        return []
    return fetch(query, chosen=[[_in("household_id", households), _in("date_of_birth", born)]])


def fetch(query: Query, *, person_ids=(), chosen=None) -> list[Candidate]:
    """The candidate rows of every route (or of the given people), in route order."""
    selected = ", ".join(_column(name) for name in COLUMNS)
    table = connection.ops.quote_name(PersonSearchKey._meta.db_table)
    order = f"{_column('person_id')}, {_column('id')}"
    parts, params = [], []
    if chosen is None:
        chosen = [[_in("person_id", person_ids)]] if person_ids else routes(query)
    for number, conditions in enumerate(chosen):
        where = " AND ".join(sql for sql, _ in conditions)
        parts.append(
            f"SELECT * FROM (SELECT {selected} FROM {table} WHERE {where} "  # noqa: S608
            f"ORDER BY {order} LIMIT {ROUTE_LIMIT}) route_{number}"
        )
        for _, values in conditions:
            params += [_adapt(v) if not isinstance(v, uuid.UUID) else _key(v) for v in values]
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    return [
        Candidate(
            person_id=_uuid(row[0]),
            given_names=row[1],
            family_names=row[2],
            date_of_birth=_date(row[3]),
            is_unborn=bool(row[4]),
            sex=row[5],
            postcode=row[6],
            outward_code=row[7],
            district_id=_uuid(row[8]),
            household_id=_uuid(row[9]),
            is_own_name=bool(row[10]),
        )
        for row in rows
    ]


def _key(value: uuid.UUID):
    return value if connection.features.has_native_uuid_field else value.hex
