"""The `teamaround` command: Django's management commands with TeamAround's settings.

`teamaround seed`, `teamaround migrate`, `teamaround runserver` and the rest all go through here,
so a council's operators never need to know about manage.py or DJANGO_SETTINGS_MODULE.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teamaround.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
