from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """Persons, families and households, relationships, identifiers, "is this child known?"."""

    name = "teamaround.people"
    label = "people"
    verbose_name = "People and families"

    def ready(self) -> None:
        from teamaround.accounts.permissions import is_staff_member
        from teamaround.core import navigation
        from teamaround.people.permissions import reviews_grant

        navigation.register(
            "Is this child known?", "people:search", visible=is_staff_member, order=10
        )
        navigation.register(
            "Break-glass access",
            "people:break-glass-review",
            visible=reviews_grant,
            order=87,
            section="Administration",
        )
