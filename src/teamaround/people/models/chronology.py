"""The family chronology: what happened to a family, when, and who recorded it.

Append-only typed events. Other apps record theirs through people.services.family_event_record
with their own app label and record id, so the timeline links back to where the work is.
Summaries say what happened, not personal details (no names, no free-text allegations).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class FamilyEventKind(models.TextChoices):
    FAMILY_RECORDED = "family_recorded", "Family recorded"
    MEMBER_JOINED = "member_joined", "Member joined the household"
    MEMBER_LEFT = "member_left", "Member left the household"
    RELATIONSHIP_RECORDED = "relationship_recorded", "Relationship recorded"
    ADDRESS_CHANGED = "address_changed", "Address changed"
    INVOLVEMENT_OPENED = "involvement_opened", "Team became involved"
    INVOLVEMENT_CLOSED = "involvement_closed", "Team's involvement ended"
    RECORDS_MERGED = "records_merged", "Duplicate records merged"
    MERGE_UNDONE = "merge_undone", "Merge undone"
    BREAK_GLASS = "break_glass", "Break-glass access"
    REQUEST_FOR_SUPPORT = "request_for_support", "Request for support"
    HUB_DECISION = "hub_decision", "Hub decision"
    EPISODE_OPENED = "episode_opened", "Episode of support opened"
    EPISODE_CLOSED = "episode_closed", "Episode of support closed"
    EPISODE_REOPENED = "episode_reopened", "Episode of support reopened"
    ASSESSMENT_SIGNED_OFF = "assessment_signed_off", "Family assessment signed off"
    PLAN_AGREED = "plan_agreed", "Early Help Plan agreed"
    TAF_MEETING = "taf_meeting", "Team Around the Family meeting"
    LEAD_PROFESSIONAL_CHANGED = "lead_changed", "Lead professional changed"
    STEPPED_UP = "stepped_up", "Stepped up to social care"
    STEPPED_DOWN = "stepped_down", "Stepped down to early help"
    REFERRAL_SENT = "referral_sent", "Referral to a service"
    PANEL_DECISION = "panel_decision", "Multi-agency panel decision"
    CONSULTATION = "consultation", "Consultation with the Hub"
    MISSING_EPISODE = "missing_episode", "Missing episode"
    OTHER = "other", "Other"


class FamilyEvent(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    family = models.ForeignKey("people.Family", on_delete=models.PROTECT, related_name="events")
    occurred_at = models.DateTimeField()
    recorded_at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=30, choices=FamilyEventKind.choices)
    summary = models.CharField(max_length=300)
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_app = models.CharField(max_length=40, default="people")
    source_id = models.CharField(max_length=64, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-occurred_at", "-recorded_at"]
        indexes = [models.Index(fields=["family", "occurred_at"], name="people_event_family")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.get_kind_display()}"
