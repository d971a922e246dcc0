"""A practitioner's referral of a family to a service: counted as the service's uptake and
written to the family's chronology."""

from django.db import models

from teamaround.core.models import TrackedModel


class ServiceReferral(TrackedModel):
    service = models.ForeignKey(
        "directory.Service", on_delete=models.PROTECT, related_name="referrals"
    )
    # The family in the people app. The directory only points at it; the family's
    # chronology is written by people.services.family_event_record.
    family = models.ForeignKey(
        "people.Family", on_delete=models.PROTECT, related_name="service_referrals"
    )
    reason = models.TextField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Referral to {self.service_id}"
