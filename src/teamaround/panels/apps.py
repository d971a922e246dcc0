from django.apps import AppConfig


class PanelsConfig(AppConfig):
    """Multi-agency panels (MAAG, EARP, JAP, MARAC, MACE 1 and 2, Missing): referrals, agendas,
    confidential case summaries, decisions, packages of support, actions and minutes."""

    name = "teamaround.panels"
    label = "panels"
    verbose_name = "Multi-agency panels"

    def ready(self) -> None:
        from teamaround.accounts.permissions import is_staff_member
        from teamaround.core import navigation
        from teamaround.panels import home_blocks  # noqa: F401

        navigation.register("Panels", "panels:panel-list", visible=is_staff_member, order=40)
