"""Which teams work with a family, and break-glass access for everyone else.

An open Involvement is what lets a team see a family's record (see people.permissions). Other
apps (the Hub, early help, social care) open and close involvements through people.services.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.people.models.families import Family
from teamaround.people.models.persons import Person


class Involvement(TrackedModel):
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="involvements")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="involvements")
    lead_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_at"]
        indexes = [models.Index(fields=["team", "closed_at"], name="people_involvement_team")]

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class BreakGlassGrant(models.Model):
    """Access a member of staff took to a record outside the usual rules, with their reason.
    Time-limited; shown to their team manager. Never changed once made."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass_grants"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    family = models.ForeignKey(
        Family, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()
    granted_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)
    # Who must look at it: the user's team manager, else the council's named reviewer, else an
    # administrator (people.services.involvement.break_glass_reviewer). Only the review changes.
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="break_glass_to_review",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    review_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return f"Break-glass access by {self.user_id} at {self.granted_at:%Y-%m-%d %H:%M}"
