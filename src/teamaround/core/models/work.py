"""Work items: the things a member of staff or a team has to do, from whichever app made them.

The Hub sends a missing-child notification to the allocated social worker, a panel gives a
lead professional an action, a plan review falls due: each becomes a WorkItem on the owner's
task list, pointing back at the record that made it (by app label and id, so core depends on
no other app).
"""

from django.conf import settings
from django.db import models

from teamaround.core.models.base import TrackedModel


class WorkItemStatus(models.TextChoices):
    OPEN = "open", "To do"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class WorkItem(TrackedModel):
    title = models.CharField(max_length=200)
    details = models.TextField(blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="work_items",
    )
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="work_items"
    )
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=WorkItemStatus.choices, default="open")
    completed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    source_type = models.CharField(max_length=80, help_text="e.g. frontdoor.missingepisode")
    source_id = models.CharField(max_length=64)
    link = models.CharField(max_length=300, blank=True, help_text="Where to do the work.")

    class Meta:
        ordering = ["due_on", "created_at"]
        indexes = [
            models.Index(fields=["assigned_to", "status", "due_on"]),
            models.Index(fields=["team", "status", "due_on"]),
            models.Index(fields=["source_type", "source_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(assigned_to__isnull=False) | models.Q(team__isnull=False),
                name="work_item_has_an_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title
