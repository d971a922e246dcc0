"""Police notifications of missing episodes, the return conversations offered afterwards, and
the files they arrive in.

One MissingEpisode per police notification (the notification id is unique, so nothing is
recorded twice). The episode is matched to a known child or a new record, then routed: to the
allocated worker when the child is open to social care, otherwise into the Hub queue.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.frontdoor.models.choices import (
    ConversationOutcome,
    ImportStatus,
    MissingRoute,
    RiskGrade,
)
from teamaround.frontdoor.models.requests import RequestForSupport


class MissingImport(TrackedModel):
    """A file of notifications, checked whole before it is accepted, then imported in the
    background with its progress recorded here."""

    file_name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64, db_index=True)
    content = models.TextField(help_text="The accepted file, kept until it is imported.")
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    episodes_created = models.PositiveIntegerField(default=0)
    children_matched = models.PositiveIntegerField(default=0)
    children_recorded = models.PositiveIntegerField(default=0)
    failure = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class MissingEpisode(TrackedModel):
    notification_id = models.CharField(max_length=60, unique=True)
    police_reference = models.CharField(max_length=60, blank=True)
    child_forenames = models.CharField(max_length=100)
    child_surname = models.CharField(max_length=100)
    child_date_of_birth = models.DateField()
    address_line_1 = models.CharField(max_length=120, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    reported_missing_at = models.DateTimeField()
    returned_at = models.DateTimeField(null=True, blank=True)
    where_found = models.CharField(max_length=200, blank=True)
    risk_grade = models.CharField(max_length=20, choices=RiskGrade.choices)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    family = models.ForeignKey("people.Family", on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(
        "core.District", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    matched_known_child = models.BooleanField(default=False)
    age_when_missing = models.PositiveSmallIntegerField()
    route = models.CharField(max_length=20, choices=MissingRoute.choices)
    screening_request = models.OneToOneField(
        RequestForSupport,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="missing_episode",
    )
    allocated_team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    allocated_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_repeat = models.BooleanField(default=False, help_text="3 or more episodes in 90 days.")
    episodes_in_90_days = models.PositiveSmallIntegerField(default=1)
    needs_scrutiny = models.BooleanField(default=False, help_text="Under 10 when missing.")
    scrutinised_at = models.DateTimeField(null=True, blank=True)
    scrutinised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    scrutiny_notes = models.TextField(blank=True)
    source_import = models.ForeignKey(
        MissingImport, null=True, blank=True, on_delete=models.PROTECT, related_name="episodes"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_missing_at"]
        indexes = [
            models.Index(fields=["person", "reported_missing_at"], name="frontdoor_missing_person"),
            models.Index(fields=["reported_missing_at"], name="frontdoor_missing_when"),
        ]

    def __str__(self) -> str:
        return self.notification_id


class ReturnConversation(TrackedModel):
    """The "Missing Chat" offered to every 10 to 18 year old who has returned, within 72 hours."""

    episode = models.OneToOneField(
        MissingEpisode, on_delete=models.CASCADE, related_name="return_conversation"
    )
    due_by = models.DateTimeField()
    offered_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(
        max_length=12, choices=ConversationOutcome.choices, default=ConversationOutcome.PENDING
    )
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_by"]
        indexes = [models.Index(fields=["outcome", "due_by"], name="frontdoor_conversation_due")]

    @property
    def offered_in_time(self) -> bool:
        return self.offered_at is not None and self.offered_at <= self.due_by
