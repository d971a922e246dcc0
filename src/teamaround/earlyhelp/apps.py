from django.apps import AppConfig


class EarlyhelpConfig(AppConfig):
    """Early help casework: episodes, the Shared Family Assessment, the Early Help Plan, Team
    Around the Family meetings and scores, step up and step down, closure and feedback."""

    name = "teamaround.earlyhelp"
    label = "earlyhelp"
    verbose_name = "Early help"

    def ready(self) -> None:
        from teamaround.earlyhelp import home_blocks, navigation, retention  # noqa: F401
        from teamaround.governance.retention import register_source

        register_source(retention.KIND, retention.records)
