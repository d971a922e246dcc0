from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    """Information governance: the legal basis for sharing each person's information (consent
    or a statutory basis), the ledger of every disclosure, subject access requests, retention
    and legal holds. Other apps call its services when information leaves the team holding it;
    it sits above people and below the casework apps (see docs/architecture.md)."""

    name = "teamaround.governance"
    label = "governance"
    verbose_name = "Information governance"

    def ready(self) -> None:
        from teamaround.governance import navigation  # noqa: F401
