from django.apps import AppConfig


class CommissioningConfig(AppConfig):
    """Commissioning and outcomes: the needs analysis by county, quadrant and district (counts
    and rates per 10,000 children, every published figure suppressed where small). It reads the
    casework apps only through their selectors and never writes their tables."""

    name = "teamaround.commissioning"
    label = "commissioning"
    verbose_name = "Commissioning and outcomes"

    def ready(self) -> None:
        from teamaround.commissioning import home_blocks, navigation  # noqa: F401
