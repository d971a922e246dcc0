"""A member of the public's (or a practitioner's) report of a problem with a service's page,
sent to the service's editors as a task; the editors record what they did about it."""

from django.conf import settings
from django.db import models

from teamaround.core.models import TrackedModel


class ReportStatus(models.TextChoices):
    OPEN = "open", "Open"
    FIXED = "fixed", "Fixed"
    NO_CHANGE = "no_change", "Checked: no change needed"


class ProblemReport(TrackedModel):
    service = models.ForeignKey(
        "directory.Service", on_delete=models.PROTECT, related_name="problem_reports"
    )
    description = models.TextField()
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default="open")
    outcome = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Problem reported with {self.service_id}"
