"""The test database is built from the models (pytest-django's `--no-migrations`), not by
running some 60 migrations: on two cores replaying every operation's model state took longer
than a minute per test process, which every xdist worker paid again. What the migrations do
besides the schema (the Essex reference data, the append-only triggers of the audit trail
and the disclosure ledger, the audit chain's head row) is then done here by running each
migration's RunPython and RunSQL operations in the order the migration graph gives, against
the current models.

The migrations themselves are still run wherever a real database is made: `make demo`
(SQLite) and the deploy smoke of `.ci/run` (PostgreSQL) migrate from empty, and
`makemigrations --check` keeps them in step with the models."""

from __future__ import annotations

from django.apps import apps as current_apps
from django.db import connection, migrations
from django.db.migrations.loader import MigrationLoader
from django.test.utils import override_settings

OURS = "teamaround."


def _plan() -> list:
    """TeamAround's migrations, dependencies first (the order `migrate` applies them). Other
    packages' data operations only convert rows an older version of theirs wrote, and run
    against their historical models, so they are left out."""
    with override_settings(MIGRATION_MODULES={}):
        loader = MigrationLoader(connection, ignore_no_migrations=True, load=True)
    plan = []
    for leaf in loader.graph.leaf_nodes():
        for key in loader.graph.forwards_plan(leaf):
            if key not in plan:
                plan.append(key)
    ours = {
        config.label for config in current_apps.get_app_configs() if config.name.startswith(OURS)
    }
    return [loader.graph.nodes[key] for key in plan if key[0] in ours]


def _run(operation, schema_editor) -> None:
    if isinstance(operation, migrations.RunPython):
        operation.code(current_apps, schema_editor)
    elif isinstance(operation, migrations.RunSQL):
        statements = operation.sql
        if isinstance(statements, str):
            statements = [statements]
        for statement in statements:
            if statement is not migrations.RunSQL.noop:
                schema_editor.execute(statement, params=None)


def replay_data_operations() -> int:
    """Run the data operations of every migration once; the number run."""
    ran = 0
    with connection.schema_editor(atomic=True) as schema_editor:
        for migration in _plan():
            for operation in migration.operations:
                if isinstance(operation, migrations.RunPython | migrations.RunSQL):
                    _run(operation, schema_editor)
                    ran += 1
    return ran
