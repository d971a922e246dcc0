"""The Shared Family Assessment: every family member's own views, strengths, needs by domain
and goals, saved as a draft until it goes to a manager to sign off (or back for more work)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel, Versioned
from teamaround.earlyhelp.models.choices import AssessmentStatus


class SharedFamilyAssessment(TrackedModel):
    episode = models.OneToOneField(
        "earlyhelp.Episode", on_delete=models.PROTECT, related_name="assessment"
    )
    status = models.CharField(max_length=12, choices=AssessmentStatus.choices, default="draft")
    family_summary = models.TextField(blank=True, help_text="The family's story, in brief.")
    submitted_at = models.DateTimeField(null=True, blank=True)
    returned_reason = models.TextField(blank=True)
    signed_off_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["status"], name="eh_assessment_status")]


class MemberView(Versioned, TrackedModel):
    """One family member's part: their views in their own words (a young child's may be
    recorded by the practitioner, which is said), their strengths and their goals."""

    assessment = models.ForeignKey(
        SharedFamilyAssessment, on_delete=models.CASCADE, related_name="member_views"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    in_their_words = models.TextField()
    recorded_for_them = models.BooleanField(
        default=False, help_text="The practitioner wrote this down for them (e.g. a young child)."
    )
    strengths = models.TextField(blank=True)
    goals = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "person"], name="eh_one_view_each")
        ]


class AssessedNeed(TrackedModel):
    """A need in one domain, for the whole family or one member."""

    assessment = models.ForeignKey(
        SharedFamilyAssessment, on_delete=models.CASCADE, related_name="needs"
    )
    domain = models.ForeignKey("core.NeedDomain", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["domain__display_order", "created_at"]
