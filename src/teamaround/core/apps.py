from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Geography, the working-day calendar, the audit trail and the shared page furniture."""

    name = "teamaround.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from teamaround.core import navigation_items, signals  # noqa: F401
        from teamaround.core.audit_database import _after_migrate

        post_migrate.connect(_after_migrate, sender=self, dispatch_uid="core-audit-harden")
