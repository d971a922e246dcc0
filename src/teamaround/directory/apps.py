from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """The Directory of Services (Open Referral UK): services, organisations, locations."""

    name = "teamaround.directory"
    label = "directory"
    verbose_name = "Directory of Services"
