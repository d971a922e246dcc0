"""Live safety checks: the standards they hold cases to (data, with the council's defaults)
and each breach found, raised on one run and cleared by the first run that finds it mended."""

from __future__ import annotations

from django.db import models

from teamaround.core.models import TrackedModel
from teamaround.socialcare.models.choices import SafetyCheck

CASE = "socialcare.SocialCareReferral"


class SafetyStandard(models.Model):
    """A number a safety check uses, set by the council (the child protection visit standard:
    10 working days unless the council sets another)."""

    key = models.CharField(max_length=40, unique=True)
    label = models.CharField(max_length=200)
    working_days = models.PositiveSmallIntegerField()

    def __str__(self) -> str:
        return f"{self.label}: {self.working_days} working days"


class SafetyBreach(TrackedModel):
    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="breaches")
    kind = models.CharField(max_length=20, choices=SafetyCheck.choices)
    subject_id = models.CharField(
        max_length=40, blank=True, help_text="The record in breach (a missing episode, a plan)."
    )
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    detail = models.CharField(max_length=300)
    raised_at = models.DateTimeField()
    cleared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "referral", "subject_id"],
                condition=models.Q(cleared_at__isnull=True),
                name="sc_one_open_breach",
            )
        ]
        indexes = [models.Index(fields=["team", "cleared_at"], name="sc_breach_team")]

    @property
    def is_open(self) -> bool:
        return self.cleared_at is None
