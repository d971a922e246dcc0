from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """The Directory of Services (Open Referral UK): services, organisations, locations."""

    name = "teamaround.directory"
    label = "directory"
    verbose_name = "Directory of Services"

    def ready(self) -> None:
        from teamaround.core import navigation

        navigation.register(
            "Directory of Services",
            "directory:search",
            visible=lambda u: u.has_perm("directory.view_professional_details"),
            order=40,
        )
        navigation.register(
            "Manage the directory",
            "directory:manage",
            visible=lambda u: u.has_perm("directory.use_editor_pages"),
            order=86,
            section="Administration",
        )
