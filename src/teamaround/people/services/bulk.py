"""Writing many people-app rows at once, for the batch services and the county seeder.

A plain executemany per table, with each column's value adapted by Django's own adapters
chosen once per column: bulk_create's per-value machinery dominates at tens of thousands of
rows. Callers build the model instances (ids included), so related rows can point at each
other before anything is written. Field history starts at a record's first change: bulk
writes skip simple_history, as the seeder always has.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection, models
from django.utils import timezone

from teamaround.people.models import (
    Family,
    FamilyEvent,
    FamilyMembership,
    Involvement,
    Person,
    PersonAddress,
    PersonIdentifier,
    PersonName,
    PersonSearchKey,
    Relationship,
)

# Parents before children, so foreign keys hold at every step on any database.
MODELS = [
    Family,
    Person,
    FamilyMembership,
    Relationship,
    PersonAddress,
    PersonIdentifier,
    PersonName,
    PersonSearchKey,
    Involvement,
    FamilyEvent,
]
CHUNK = 2000


@dataclass
class Buffers:
    """Rows waiting to be written, by model; `flush` writes them in MODELS order."""

    rows: dict = field(default_factory=lambda: {model: [] for model in MODELS})

    def add(self, instance) -> None:
        self.rows[type(instance)].append(instance)

    def flush(self) -> int:
        written = 0
        for model in MODELS:
            batch = self.rows[model]
            if batch:
                bulk_insert(model, batch)
                written += len(batch)
                batch.clear()
        return written


def _adapter(column, ops):
    """How one column's Python value becomes the driver's, chosen once per column."""
    if column.is_relation:
        column = column.target_field
    if isinstance(column, models.UUIDField):
        return (
            (lambda v: v)
            if connection.features.has_native_uuid_field
            else (lambda v: v.hex if v is not None else None)
        )
    if isinstance(column, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(column, models.DateField):
        return ops.adapt_datefield_value
    return lambda value: value


def bulk_insert(model, instances) -> None:
    """INSERT the instances as they are (auto_now(_add) filled in as bulk_create would)."""
    fields = [
        f
        for f in model._meta.concrete_fields
        if not (isinstance(f, models.AutoField | models.BigAutoField))
    ]
    for column in fields:
        if getattr(column, "auto_now", False) or getattr(column, "auto_now_add", False):
            now = timezone.now()
            for instance in instances:
                if getattr(instance, column.attname) is None:
                    setattr(instance, column.attname, now)
    adapters = [_adapter(column, connection.ops) for column in fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    # Table and column names come from the models, never from input.
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(instances), CHUNK):
            rows = [
                [
                    adapt(getattr(instance, column.attname))
                    for column, adapt in zip(fields, adapters, strict=True)
                ]
                for instance in instances[start : start + CHUNK]
            ]
            cursor.executemany(sql, rows)
