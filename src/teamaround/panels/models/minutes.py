"""Minutes: generated from the recorded decisions, locked once approved; a correction is a new
version with its reason, so what was approved is never overwritten."""

from django.conf import settings
from django.db import models

from teamaround.core.models import TrackedModel, Versioned
from teamaround.panels.models.choices import MinutesStatus


class Minutes(Versioned, TrackedModel):
    meeting = models.OneToOneField(
        "panels.PanelMeeting", on_delete=models.PROTECT, related_name="minutes"
    )
    status = models.CharField(
        max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    draft_html = models.TextField(blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "minutes"

    @property
    def is_locked(self) -> bool:
        return self.status == MinutesStatus.APPROVED

    @property
    def current(self):
        return self.versions.order_by("-number").first()


class MinutesVersion(models.Model):
    """Append-only: version 1 is what was approved; later versions are corrections."""

    minutes = models.ForeignKey(Minutes, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    html = models.TextField()
    correction = models.TextField(blank=True)
    reason = models.TextField(blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["minutes", "number"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "number"], name="minutes_version_once")
        ]

    def __str__(self) -> str:
        return f"Minutes version {self.number}"
