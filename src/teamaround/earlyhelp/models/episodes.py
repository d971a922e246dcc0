"""An early help episode: a family, a level, a lead professional and a Team Around the Family,
moved through its life by typed events (opened, assessed, planned, reviewed, ... closed)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.earlyhelp.models.choices import (
    EpisodeEventKind,
    EpisodeSource,
    EpisodeStatus,
    TafRole,
)

USER = settings.AUTH_USER_MODEL


class Episode(TrackedModel):
    family = models.ForeignKey("people.Family", on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey("core.WindscreenLevel", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=EpisodeStatus.choices, default="open")
    source = models.CharField(max_length=12, choices=EpisodeSource.choices)
    hand_over_id = models.UUIDField(null=True, blank=True, help_text="The Hub's hand-over.")
    lead_professional = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    lead_team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(
        "core.District", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_on = models.DateField()
    family_agreed_on = models.DateField()
    family_agreed_by = models.CharField(max_length=120, help_text="Who in the family agreed.")
    review_interval_weeks = models.PositiveSmallIntegerField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on"]
        permissions = [("see_caseloads", "See caseloads and timeliness")]
        indexes = [
            models.Index(fields=["lead_professional", "status"], name="eh_episode_lead"),
            models.Index(fields=["lead_team", "status"], name="eh_episode_team"),
            models.Index(fields=["family", "started_on"], name="eh_episode_family"),
            models.Index(fields=["status", "next_review_due"], name="eh_episode_review"),
        ]

    def __str__(self) -> str:
        return f"Early help episode {str(self.pk)[:8]}"

    @property
    def is_closed(self) -> bool:
        return self.status == EpisodeStatus.CLOSED

    @property
    def reference(self) -> str:
        return f"EH-{str(self.pk)[:8].upper()}"


class EpisodeEvent(models.Model):
    """Append-only: what happened to the episode, in order, with the status before and after
    (moved by earlyhelp's EPISODE_LIFECYCLE through core.transitions)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=14, choices=EpisodeEventKind.choices)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    summary = models.CharField(max_length=300)

    class Meta:
        ordering = ["occurred_at"]
        indexes = [models.Index(fields=["kind", "occurred_at"], name="eh_event_kind")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.get_kind_display()}"


class LeadProfessionalAssignment(TrackedModel):
    """Who was lead professional and when; the current one has no end."""

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="leads")
    practitioner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["started_at"]


class TafMember(TrackedModel):
    """A practitioner in the Team Around the Family. Current members (no `left_at`) may work on
    the episode; `involvement_id` is the people Involvement this membership opened, if any."""

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="taf_members")
    practitioner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=20, choices=TafRole.choices)
    joined_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)
    involvement_id = models.UUIDField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["joined_at"]
        indexes = [models.Index(fields=["practitioner", "left_at"], name="eh_taf_practitioner")]

    @property
    def is_current(self) -> bool:
        return self.left_at is None
