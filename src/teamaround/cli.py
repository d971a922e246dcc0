"""The `teamaround` command: Django's management commands with TeamAround's settings.

`teamaround seed`, `teamaround migrate`, `teamaround runserver` and the rest all go through here,
so a council's operators never need to know about manage.py or DJANGO_SETTINGS_MODULE.
"""

import os
import sys

# Commands that change the schema or empty tables run as the database's owner role when
# MIGRATE_DATABASE_URL is set; everything else (the site, the worker, imports) as the
# application's role in DATABASE_URL, which may not change or remove audit events.
OWNER_COMMANDS = frozenset({"migrate", "flush", "seed", "createcachetable"})


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teamaround.settings")
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command in OWNER_COMMANDS and os.environ.get("MIGRATE_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["MIGRATE_DATABASE_URL"]
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
