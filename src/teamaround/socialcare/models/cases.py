"""A social care case: one child's referral and everything after it, with one status on a
timeline (moved by socialcare.services.lifecycle.CASE_LIFECYCLE) and an append-only event
row for each move."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.socialcare.models import codes
from teamaround.socialcare.models.choices import CaseEventKind, CaseStatus, Decision, Origin

USER = settings.AUTH_USER_MODEL


class SocialCareReferral(TrackedModel):
    """A referral to children's social care about one child, and the case that follows it."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    family = models.ForeignKey("people.Family", on_delete=models.PROTECT, related_name="+")
    origin = models.CharField(max_length=10, choices=Origin.choices)
    hand_over_id = models.UUIDField(null=True, blank=True, help_text="The Hub's hand-over.")
    step_up_id = models.UUIDField(null=True, blank=True, help_text="Early help's step-up.")
    source = models.CharField(max_length=3, choices=codes.REFERRAL_SOURCES)
    primary_need = models.CharField(max_length=2, choices=codes.PRIMARY_NEEDS)
    reason = models.TextField()
    received_on = models.DateField()
    decision_due_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=CaseStatus.choices, default=CaseStatus.AWAITING_DECISION
    )
    decision = models.CharField(max_length=12, choices=Decision.choices, blank=True)
    decision_reason = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    allocated_worker = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=3, choices=codes.CLOSURE_REASONS, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-created_at"]
        indexes = [
            models.Index(fields=["team", "status"], name="sc_referral_team"),
            models.Index(fields=["allocated_worker", "status"], name="sc_referral_worker"),
            models.Index(fields=["family", "received_on"], name="sc_referral_family"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["hand_over_id"],
                condition=models.Q(hand_over_id__isnull=False),
                name="sc_referral_one_per_hand_over",
            ),
            models.UniqueConstraint(
                fields=["step_up_id"],
                condition=models.Q(step_up_id__isnull=False),
                name="sc_referral_one_per_step_up",
            ),
        ]

    def __str__(self) -> str:
        return f"Social care referral {self.reference}"

    @property
    def reference(self) -> str:
        return f"SC-{str(self.pk)[:8].upper()}"

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED


class CaseEvent(models.Model):
    """Append-only: what happened to the case, with the status before and after."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    referral = models.ForeignKey(
        SocialCareReferral, on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(max_length=14, choices=CaseEventKind.choices)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    summary = models.CharField(max_length=300)

    class Meta:
        ordering = ["occurred_at"]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.get_kind_display()}"
