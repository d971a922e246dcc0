"""A professional's consultation with a Hub social worker: advice, not a referral."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.frontdoor.models.choices import ConsultationTopic


class Consultation(TrackedModel):
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="hub_consultations"
    )
    hub_social_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    family = models.ForeignKey(
        "people.Family", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField()
    topic = models.CharField(max_length=30, choices=ConsultationTopic.choices)
    question = models.TextField()
    advice = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-created_at"]
