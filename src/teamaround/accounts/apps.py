from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff, agencies, teams, roles, sign-in and two-factor."""

    name = "teamaround.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from teamaround.accounts import navigation  # noqa: F401
