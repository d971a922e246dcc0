"""Allocation and oversight: each transfer of a case between workers and teams with its
hand-over note (kept, never edited), and management oversight entries signed by a manager."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from teamaround.core.models import TrackedModel

USER = settings.AUTH_USER_MODEL
CASE = "socialcare.SocialCareReferral"


class CaseTransfer(TrackedModel):
    """The case moved from one worker (and team) to another, with what the new worker needs
    to know. Both workers and both teams' managers read it (socialcare.selectors.oversight)."""

    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="transfers")
    from_worker = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_worker = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    from_team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    to_team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    note = models.TextField()
    transferred_at = models.DateTimeField()

    class Meta:
        ordering = ["-transferred_at"]
        indexes = [
            models.Index(fields=["to_worker", "transferred_at"], name="sc_transfer_to"),
            models.Index(fields=["from_worker", "transferred_at"], name="sc_transfer_from"),
        ]


class ManagementOversight(TrackedModel):
    """A manager's recorded oversight of the case: dated, signed (who, in which role), the
    direction given. Append-only: a new entry follows, an old one is never changed."""

    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="oversight")
    recorded_on = models.DateField()
    signed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    signed_as = models.CharField(max_length=200, help_text="Their role and team when signing.")
    text = models.TextField()

    class Meta:
        ordering = ["-recorded_on", "-created_at"]
