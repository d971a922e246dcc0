"""This app's part of the synthetic county (see core.seeding)."""

from teamaround.core.seeding import SeedContext


def seed(context: SeedContext) -> None:
    """Nothing yet."""
