from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """Persons, families and households, relationships, identifiers, "is this child known?"."""

    name = "teamaround.people"
    label = "people"
    verbose_name = "People and families"

    def ready(self) -> None:
        from teamaround.accounts.permissions import is_staff_member, is_team_manager
        from teamaround.core import navigation

        navigation.register(
            "Is this child known?", "people:search", visible=is_staff_member, order=10
        )
        navigation.register(
            "Break-glass access", "people:break-glass-review", visible=is_team_manager, order=70
        )
