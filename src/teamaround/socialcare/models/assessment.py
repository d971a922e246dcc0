"""The child and family assessment (Working Together 2023: within 45 working days of the
referral), with the factors identified, the child's voice and the manager's authorisation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel, Versioned
from teamaround.socialcare.models import codes
from teamaround.socialcare.models.choices import AssessmentOutcome, AssessmentStatus

USER = settings.AUTH_USER_MODEL


class ChildAndFamilyAssessment(Versioned, TrackedModel):
    referral = models.OneToOneField(
        "socialcare.SocialCareReferral", on_delete=models.PROTECT, related_name="assessment"
    )
    started_on = models.DateField()
    due_on = models.DateField()
    status = models.CharField(
        max_length=12, choices=AssessmentStatus.choices, default=AssessmentStatus.IN_PROGRESS
    )
    factors = models.JSONField(default=list, blank=True, help_text="DfE factor codes.")
    child_voice = models.TextField(blank=True, help_text="What the child said and wants.")
    analysis = models.TextField(blank=True)
    outcome = models.CharField(max_length=10, choices=AssessmentOutcome.choices, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    authorised_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    def factor_labels(self) -> list[str]:
        return [codes.label(codes.ASSESSMENT_FACTORS, code) for code in self.factors]
