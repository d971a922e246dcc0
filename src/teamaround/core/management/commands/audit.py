"""`teamaround audit verify`: walk the audit trail's hash chain and report the first broken link
(exit status 1), or that every event is intact (0).

`teamaround audit privileges`: on PostgreSQL, what the database role this process connects as
may do to the audit table (the application's role should hold none of it; exit status 1 if it
does).
"""

from django.core.management.base import BaseCommand, CommandError

from teamaround.core.audit_chain import chain_verify
from teamaround.core.audit_database import audit_table_privileges


class Command(BaseCommand):
    help = "Check the audit trail: `verify` its hash chain, `privileges` of this database role."

    def add_arguments(self, parser):
        parser.add_argument("check", choices=["verify", "privileges"])

    def handle(self, *args, check, **options):
        if check == "verify":
            self._verify()
        else:
            self._privileges()

    def _verify(self) -> None:
        checked, broken = chain_verify()
        if broken is not None:
            self.stderr.write(f"The audit trail is broken at {broken}.")
            raise CommandError(f"Audit chain broken ({checked} events checked).", returncode=1)
        self.stdout.write(self.style.SUCCESS(f"The audit trail is intact: {checked} events."))

    def _privileges(self) -> None:
        found = audit_table_privileges()
        if not found:
            self.stdout.write("Not PostgreSQL: the trigger and the application refuse changes.")
            return
        held = [name for name, has in found.items() if has]
        if held:
            raise CommandError(
                "This database role may change the audit table: " + ", ".join(held), returncode=1
            )
        self.stdout.write(self.style.SUCCESS("This role may only read and add audit events."))
