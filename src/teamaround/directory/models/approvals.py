"""A provider editor's change to a public field of a service, waiting for an administrator's
approval (unless the council turns approval off: TEAMAROUND_DIRECTORY_APPROVAL=false)."""

from django.conf import settings
from django.db import models

from teamaround.core.models import TrackedModel


class ChangeStatus(models.TextChoices):
    PENDING = "pending", "Waiting for approval"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Not approved"


class PendingChange(TrackedModel):
    service = models.ForeignKey(
        "directory.Service", on_delete=models.PROTECT, related_name="pending_changes"
    )
    # The submitted values of the public fields that change (ids for lists of terms, ISO dates).
    values = models.JSONField(default=dict)
    # Field label -> [as it is, as it would be], for the field-by-field view.
    shown = models.JSONField(default=dict)
    status = models.CharField(
        max_length=10, choices=ChangeStatus.choices, default=ChangeStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"Change to {self.service_id} ({self.status})"
