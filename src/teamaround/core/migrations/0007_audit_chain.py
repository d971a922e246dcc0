"""The audit trail becomes a hash chain (core.audit_chain): each event gets its sequence, the
previous event's hash and its own, existing events are linked in the order they happened, and
the head row is written.

Linking existing events changes rows the append-only trigger protects, so the trigger stands
aside for this migration only (PostgreSQL: disabled and enabled again in the same transaction;
SQLite: adding the columns rebuilds the table, which drops the trigger, so it is made again).
"""

import django.utils.timezone
from django.db import migrations, models

from teamaround.core.audit_chain import GENESIS, HEAD_ID, event_hash
from teamaround.core.audit_database import SQLITE_TRIGGER


def link_existing_events(apps, schema_editor):
    AuditEvent = apps.get_model("core", "AuditEvent")
    AuditChainHead = apps.get_model("core", "AuditChainHead")
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE core_auditevent DISABLE TRIGGER core_auditevent_append_only"
        )
    elif vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS core_auditevent_append_only")
    sequence, previous = 0, GENESIS
    for event in AuditEvent.objects.order_by("occurred_at", "id").iterator(chunk_size=2000):
        sequence += 1
        event.sequence, event.previous_hash = sequence, previous
        event.hash = previous = event_hash(event)
        AuditEvent.objects.filter(pk=event.pk).update(
            sequence=event.sequence, previous_hash=event.previous_hash, hash=event.hash
        )
    AuditChainHead.objects.create(id=HEAD_ID, sequence=sequence, hash=previous)
    if vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE core_auditevent ENABLE TRIGGER core_auditevent_append_only"
        )
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_TRIGGER)


def restore_sqlite_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_bulkreadalert"),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                ("id", models.PositiveSmallIntegerField(primary_key=True, serialize=False)),
                ("sequence", models.BigIntegerField()),
                ("hash", models.CharField(max_length=64)),
            ],
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="previous_hash",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="sequence",
            field=models.BigIntegerField(editable=False, null=True, unique=True),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="occurred_at",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, editable=False
            ),
        ),
        migrations.RunPython(link_existing_events, restore_sqlite_trigger),
    ]
