"""`teamaround train_matching`: estimate the match model from the records (Splink on DuckDB)
and store it as the next version, which "is this child known?" uses from then on."""

from django.core.management.base import BaseCommand, CommandError

from teamaround.core.access import SYSTEM
from teamaround.core.errors import DomainError
from teamaround.people.models import MatchModel
from teamaround.people.services.match_model import match_model_train


class Command(BaseCommand):
    help = "Train the known-child match model on the records and store it as a new version."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--max-pairs", type=int, default=1_000_000, help="random pairs sampled for u"
        )
        parser.add_argument("--list", action="store_true", help="list the stored versions")

    def handle(self, *args, seed, max_pairs, list, **options):
        if list:
            for model in MatchModel.objects.order_by("version"):
                self.stdout.write(
                    f"{model.version}\t{model.trained_at:%Y-%m-%d %H:%M}\t{model.summary}"
                )
            return
        try:
            stored = match_model_train(actor=SYSTEM, seed=seed, max_pairs=max_pairs)
        except DomainError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Stored match model version {stored.version}: {stored.summary}")
        )
