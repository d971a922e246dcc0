"""`teamaround safety_checks`: run social care's live safety checks now (every open case),
raising new breaches and clearing mended ones; `--enqueue` queues the background task instead
(for the nightly schedule, worked by `teamaround db_worker`)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run social care's live safety checks (raise and clear breaches)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the background task instead."
        )

    def handle(self, *args, **options):
        from teamaround.core.access import SYSTEM
        from teamaround.socialcare.services.safety import safety_checks_run
        from teamaround.socialcare.tasks import run_safety_checks

        if options["enqueue"]:
            result = run_safety_checks.enqueue()
            self.stdout.write(f"Queued the safety checks ({result.id}).")
            return
        counts = safety_checks_run(actor=SYSTEM)
        self.stdout.write(
            "Safety checks: {checked} open cases; {raised} breaches raised, {cleared} cleared, "
            "{open} open.".format(**counts)
        )
