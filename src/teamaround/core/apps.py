from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Geography, the working-day calendar, the audit trail and the shared page furniture."""

    name = "teamaround.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from teamaround.core import navigation_items, signals  # noqa: F401
