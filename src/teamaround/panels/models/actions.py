"""Actions agreed by a panel: an owner, a date, and where they were written back to."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.panels.models.choices import ActionStatus


class PanelAction(TrackedModel):
    decision = models.ForeignKey(
        "panels.PanelDecision", on_delete=models.PROTECT, related_name="actions"
    )
    panel = models.ForeignKey("panels.Panel", on_delete=models.PROTECT, related_name="actions")
    family = models.ForeignKey(
        "people.Family", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    what = models.CharField(max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="panel_actions"
    )
    owner_agency = models.ForeignKey(
        "accounts.Agency", null=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=ActionStatus.choices, default="open")
    completed_at = models.DateTimeField(null=True, blank=True)
    shared_with_owner = models.BooleanField(
        default=True,
        help_text="For restricted panels (MARAC, MACE): the panel decided to share this action "
        "with its owner. Otherwise only the panel's members see it.",
    )
    written_to_plan = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "created_at"]
        indexes = [
            models.Index(fields=["panel", "status", "due_on"]),
            models.Index(fields=["owner", "status"]),
        ]

    def __str__(self) -> str:
        return self.what
