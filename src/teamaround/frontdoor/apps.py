from django.apps import AppConfig


class FrontdoorConfig(AppConfig):
    """The Children and Families Hub: requests for support, screening against the Windscreen,
    decisions and hand-overs, consultations, and police notifications of missing children."""

    name = "teamaround.frontdoor"
    label = "frontdoor"
    verbose_name = "Children and Families Hub"

    def ready(self) -> None:
        from teamaround.frontdoor import home_blocks, navigation  # noqa: F401
