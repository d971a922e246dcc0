"""Make the disclosure ledger append-only in the database itself, as the audit trail is
(core 0002): PostgreSQL refuses row UPDATE and DELETE by trigger; SQLite refuses UPDATE (DELETE
stays possible there so the test runner can empty tables; the ORM refuses it)."""

from django.db import migrations

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION governance_disclosure_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER governance_disclosure_append_only
    BEFORE UPDATE OR DELETE ON governance_disclosure
    FOR EACH ROW EXECUTE FUNCTION governance_disclosure_refuse_change();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS governance_disclosure_append_only ON governance_disclosure;
DROP FUNCTION IF EXISTS governance_disclosure_refuse_change();
"""
SQLITE_UP = """
CREATE TRIGGER governance_disclosure_append_only BEFORE UPDATE ON governance_disclosure
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS governance_disclosure_append_only;"


def _run(sql_by_vendor):
    def apply(apps, schema_editor):
        sql = sql_by_vendor.get(schema_editor.connection.vendor)
        if sql:
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("governance", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_UP, "sqlite": SQLITE_UP}),
            _run({"postgresql": POSTGRES_DOWN, "sqlite": SQLITE_DOWN}),
        )
    ]
