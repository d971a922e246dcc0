"""`teamaround seed`: build a believable synthetic county (synthetic data only, ever).

Deterministic for a given --seed. On a database that is already seeded it says so and changes
nothing, unless --reset is given, which empties the database first.
"""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from teamaround.core.models import SeedRun
from teamaround.core.seeding import COUNTIES, SeedContext


class Command(BaseCommand):
    help = "Seed a synthetic county: geography, agencies, teams and staff of every role."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--reset", action="store_true", help="Empty the database and seed again."
        )
        parser.add_argument(
            "--children", type=int, default=2000, help="How many children to make (scale)."
        )
        parser.add_argument(
            "--county",
            choices=COUNTIES,
            default="essex",
            help="essex (every district) or small (one district per quadrant: fast, for tests).",
        )
        parser.add_argument(
            "--allow-reset-in-production",
            action="store_true",
            help="Needed with --reset outside a demo site: it deletes everything.",
        )

    def handle(self, *args, seed, reset, children, county, allow_reset_in_production, **options):
        previous = SeedRun.objects.filter(finished_at__isnull=False).first()
        if previous and not reset:
            self.stdout.write(
                f"This database was already seeded (seed {previous.seed}, "
                f"{previous.finished_at:%d %B %Y %H:%M}). Nothing changed; "
                "use --reset to empty it and start again."
            )
            self._print_summary()
            return
        if reset:
            if not settings.TEAMAROUND_DEMO_SITE and not allow_reset_in_production:
                raise CommandError(
                    "Refusing to empty a production database without --allow-reset-in-production."
                )
            self.stdout.write("Emptying the database...")
            call_command("flush", interactive=False, verbosity=0)
        started = time.perf_counter()
        context = SeedContext(
            seed=seed, options={"children": children, "county": county}, out=self.stdout
        )
        with transaction.atomic():
            run = SeedRun.objects.create(seed=seed, options=context.options)
            for path in settings.TEAMAROUND_SEEDERS:
                import_string(path)(context)
            run.finished_at = timezone.now()
            run.save(update_fields=["finished_at"])
        self.stdout.write(
            self.style.SUCCESS(f"Seeded the county in {time.perf_counter() - started:.1f}s.")
        )
        self._print_summary()

    def _print_summary(self) -> None:
        """Each app may say what a newcomer needs to know (accounts: the demo sign-ins)."""
        for path in settings.TEAMAROUND_SEED_SUMMARIES:
            for line in import_string(path)():
                self.stdout.write(line)
