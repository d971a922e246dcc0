"""Child protection: strategy discussions (who attended, from which agency), section 47
enquiries, child protection conferences and child protection plans."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.socialcare.models import codes
from teamaround.socialcare.models.choices import ConferenceKind, ConferenceOutcome, EnquiryOutcome

USER = settings.AUTH_USER_MODEL
CASE = "socialcare.SocialCareReferral"


class StrategyDiscussion(TrackedModel):
    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="strategies")
    held_on = models.DateField()
    attendees = models.JSONField(default=list, help_text="[{name, agency, role}]")
    summary = models.TextField()
    section_47 = models.BooleanField(help_text="Whether a section 47 enquiry starts.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["held_on", "created_at"]


class Section47Enquiry(TrackedModel):
    strategy = models.OneToOneField(
        StrategyDiscussion, on_delete=models.PROTECT, related_name="enquiry"
    )
    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="enquiries")
    started_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    findings = models.TextField(blank=True)
    outcome = models.CharField(max_length=12, choices=EnquiryOutcome.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_on", "created_at"]


class ChildProtectionConference(TrackedModel):
    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="conferences")
    kind = models.CharField(max_length=8, choices=ConferenceKind.choices)
    due_on = models.DateField()
    held_on = models.DateField(null=True, blank=True)
    chair = models.CharField(max_length=120, blank=True)
    outcome = models.CharField(max_length=8, choices=ConferenceOutcome.choices, blank=True)
    category = models.CharField(max_length=3, choices=codes.ABUSE_CATEGORIES, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "created_at"]


class ChildProtectionPlan(TrackedModel):
    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="plans")
    started_on = models.DateField()
    initial_category = models.CharField(max_length=3, choices=codes.ABUSE_CATEGORIES)
    latest_category = models.CharField(max_length=3, choices=codes.ABUSE_CATEGORIES)
    next_review_due = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=codes.PLAN_END_REASONS, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_on", "created_at"]

    @property
    def is_open(self) -> bool:
        return self.ended_on is None
