from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """Persons, families and households, relationships, identifiers, "is this child known?"."""

    name = "teamaround.people"
    label = "people"
    verbose_name = "People and families"
