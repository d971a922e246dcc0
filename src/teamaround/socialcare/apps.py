from django.apps import AppConfig


class SocialcareConfig(AppConfig):
    """Statutory children's social care at level 4: referral and decision, the child and family
    assessment, child protection, timeliness and the team's caseload."""

    name = "teamaround.socialcare"
    label = "socialcare"
    verbose_name = "Children's social care"

    def ready(self) -> None:
        from teamaround.socialcare import navigation  # noqa: F401
