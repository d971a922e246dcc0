"""Alerts for the council's information governance lead: someone read more records about people
in an hour than the council expects (TEAMAROUND_BULK_READ_THRESHOLD). Raised by core.alerts,
once per user per window, and shown on the alerts page with a link to the audit search."""

import uuid

from django.conf import settings
from django.db import models


class BulkReadAlert(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bulk_read_alerts"
    )
    username = models.CharField(max_length=150)
    records = models.PositiveIntegerField(help_text="Records about people read in the window.")
    threshold = models.PositiveIntegerField()
    window_start = models.DateTimeField()
    window_end = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-window_end"]
        indexes = [models.Index(fields=["user", "window_end"])]

    def __str__(self) -> str:
        return f"{self.username}: {self.records} records by {self.window_end:%Y-%m-%d %H:%M}"
