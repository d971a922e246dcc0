"""On PostgreSQL the application's database role may read the audit trail and add to it, and
nothing else: no UPDATE, DELETE or TRUNCATE, and (not being the table's owner) it cannot
disable the append-only trigger either.

Migrations run as the owner role (MIGRATE_DATABASE_URL, see teamaround.cli and the README),
the application as a role granted ordinary DML. After every migrate, `audit_table_harden`
takes back from every role but the owner whatever more than SELECT and INSERT it was given on
the audit table (a `GRANT ... ON ALL TABLES` or default privileges give UPDATE and DELETE too),
so the rule holds however the app role's grants were written.
"""

from __future__ import annotations

from django.db import connections

AUDIT_TABLE = "core_auditevent"
REVOKED = ("UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES")

GRANTEES_SQL = """
SELECT DISTINCT CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(acl.grantee) END
FROM pg_class AS c, aclexplode(c.relacl) AS acl
WHERE c.oid = %s::regclass AND acl.privilege_type = ANY(%s) AND acl.grantee <> c.relowner
"""


def audit_table_harden(using: str = "default") -> list[str]:
    """Revoke changing the audit table from every role but its owner; the roles it was
    revoked from. Nothing to do on SQLite (its trigger and the ORM refuse)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(GRANTEES_SQL, [AUDIT_TABLE, list(REVOKED)])
        roles = [row[0] for row in cursor.fetchall()]
        for role in roles:
            grantee = "PUBLIC" if role == "PUBLIC" else connection.ops.quote_name(role)
            cursor.execute(f"REVOKE {', '.join(REVOKED)} ON {AUDIT_TABLE} FROM {grantee}")
    return roles


def audit_table_privileges(using: str = "default") -> dict[str, bool]:
    """What the role this process connects as may do to the audit table (PostgreSQL):
    {"UPDATE": False, ..., "OWNER": False}. Empty on SQLite."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return {}
    found = {}
    with connection.cursor() as cursor:
        for privilege in ("UPDATE", "DELETE", "TRUNCATE"):
            cursor.execute(
                "SELECT has_table_privilege(current_user, %s, %s)", [AUDIT_TABLE, privilege]
            )
            found[privilege] = cursor.fetchone()[0]
        cursor.execute(
            "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class "
            "WHERE oid = %s::regclass",
            [AUDIT_TABLE],
        )
        found["OWNER"] = cursor.fetchone()[0]
    return found


SQLITE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS core_auditevent_append_only BEFORE UPDATE ON core_auditevent
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
"""


def _after_migrate(sender, using="default", **kwargs) -> None:
    """After every migrate: PostgreSQL, take back changing the trail; SQLite, make sure the
    append-only trigger is there (a migration that rebuilds the table drops it)."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(SQLITE_TRIGGER)
    audit_table_harden(using)
