"""Subject access requests: the statutory deadline (one month, extendable by two), the work
item that tracks it, and the officer's redaction decisions about third parties."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel


class AccessRequestStatus(models.TextChoices):
    OPEN = "open", "Open"
    EXTENDED = "extended", "Extended"
    COMPLETED = "completed", "Completed"


class SubjectAccessRequest(TrackedModel):
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="access_requests"
    )
    requested_by = models.CharField(
        max_length=120, help_text="Who asked: the person, a parent, a solicitor."
    )
    received_on = models.DateField()
    due_on = models.DateField()
    extension_reason = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=AccessRequestStatus.choices, default=AccessRequestStatus.OPEN
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    exported_at = models.DateTimeField(null=True, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on"]

    def __str__(self) -> str:
        return f"Subject access request received {self.received_on:%d %b %Y}"


class RedactionDecision(TrackedModel):
    """Whether a third party named in the export is shown or redacted (redacted by default)."""

    access_request = models.ForeignKey(
        SubjectAccessRequest, on_delete=models.PROTECT, related_name="redactions"
    )
    third_party = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    redact = models.BooleanField(default=True)
    reason = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["access_request", "third_party"], name="gov_one_redaction_per_party"
            )
        ]
