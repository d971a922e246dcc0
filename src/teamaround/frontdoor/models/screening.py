"""Screening a request: the checks made, what partners said, the decision with its level and
rationale, and the hand-over that opens the next piece of work for the receiving team."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel, Versioned
from teamaround.frontdoor.models.choices import DecisionRoute, HandOverKind, HandOverStatus
from teamaround.frontdoor.models.requests import RequestForSupport


class ScreeningChecks(TrackedModel):
    """What the screener found when checking the family's records. Team names, not people's
    details; re-checking replaces the findings (field history keeps the earlier ones)."""

    request = models.OneToOneField(
        RequestForSupport, on_delete=models.CASCADE, related_name="checks"
    )
    known_to_social_care = models.BooleanField(default=False)
    social_care_teams = models.JSONField(default=list, blank=True)
    open_early_help = models.BooleanField(default=False)
    early_help_teams = models.JSONField(default=list, blank=True)
    previous_requests = models.JSONField(default=list, blank=True, help_text="References.")
    notes = models.TextField(blank=True)
    history = HistoricalRecords()


class PartnerInformation(TrackedModel):
    """Information gathered from a partner agency during screening."""

    request = models.ForeignKey(
        RequestForSupport, on_delete=models.CASCADE, related_name="partner_information"
    )
    agency = models.ForeignKey(
        "accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agency_name = models.CharField(max_length=200)
    information = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]


class HubDecision(Versioned, TrackedModel):
    """The Hub's decision on a request: the level, why, the route and who takes it on. A later
    decision (a level 4 escalation) supersedes an earlier one; both are kept."""

    request = models.ForeignKey(
        RequestForSupport, on_delete=models.PROTECT, related_name="decisions"
    )
    level = models.ForeignKey("core.WindscreenLevel", on_delete=models.PROTECT, related_name="+")
    rationale = models.TextField()
    route = models.CharField(max_length=30, choices=DecisionRoute.choices)
    named_services = models.JSONField(
        default=list, blank=True, help_text="Directory services named: [{id, name}]."
    )
    other_services = models.TextField(blank=True)
    lead_professional = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    family_agreement = models.BooleanField(default=False)
    receiving_team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome_message = models.TextField(help_text="What the referrer is told.")
    decided_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    within_timescale = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_at"]
        indexes = [models.Index(fields=["decided_at"], name="frontdoor_decision_when")]


class HandOver(TrackedModel):
    """The next piece of work, waiting for the receiving team to accept it. Early help
    episodes and social care referrals are built by later apps from these."""

    decision = models.OneToOneField(HubDecision, on_delete=models.PROTECT, related_name="hand_over")
    request = models.ForeignKey(
        RequestForSupport, on_delete=models.PROTECT, related_name="hand_overs"
    )
    family = models.ForeignKey("people.Family", on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey("core.WindscreenLevel", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=30, choices=HandOverKind.choices)
    reason = models.TextField()
    receiving_team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=HandOverStatus.choices, default=HandOverStatus.AWAITING
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(fields=["receiving_team", "status"], name="frontdoor_handover_team")
        ]
