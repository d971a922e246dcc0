"""A Request for Support: what a professional or a family sends to the Hub, and the typed
events that move it from draft to decision.

The child and family are linked to the people app's records (found with the known-child
search, or recorded when the request is sent); the details typed are kept as they were given.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel, Versioned
from teamaround.frontdoor.models.choices import (
    Consent,
    PublicRelationship,
    RequestSource,
    RequestStatus,
)


class RequestForSupport(Versioned, TrackedModel):
    reference = models.CharField(max_length=12, unique=True)
    source = models.CharField(max_length=20, choices=RequestSource.choices)
    status = models.CharField(
        max_length=20, choices=RequestStatus.choices, default=RequestStatus.DRAFT
    )
    # The child and family, as given, and the records they were linked to.
    child_forenames = models.CharField(max_length=100, blank=True)
    child_surname = models.CharField(max_length=100, blank=True)
    child_date_of_birth = models.DateField(null=True, blank=True)
    address_line_1 = models.CharField(max_length=120, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    parent_name = models.CharField(max_length=200, blank=True)
    parent_phone = models.CharField(max_length=30, blank=True)
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    family = models.ForeignKey(
        "people.Family", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    district = models.ForeignKey(
        "core.District", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # What the referrer says.
    concern = models.TextField(blank=True)
    tried = models.TextField(blank=True)
    level_suggested = models.ForeignKey(
        "core.WindscreenLevel", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    consent = models.CharField(max_length=3, choices=Consent.choices, blank=True)
    no_consent_reason = models.TextField(blank=True)
    safeguarding_concern = models.BooleanField(default=False)
    # Who asked.
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requests_for_support",
    )
    referrer_agency = models.ForeignKey(
        "accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    referrer_name = models.CharField(max_length=200, blank=True)
    referrer_role = models.CharField(max_length=120, blank=True)
    referrer_email = models.EmailField(blank=True)
    referrer_phone = models.CharField(max_length=30, blank=True)
    public_relationship = models.CharField(
        max_length=20, choices=PublicRelationship.choices, blank=True
    )
    resume_code_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # The Hub's clock and who is working on it.
    submitted_at = models.DateTimeField(null=True, blank=True)
    due_on = models.DateField(null=True, blank=True, help_text="One working day to decide.")
    decided_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_re_referral = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        indexes = [
            models.Index(fields=["status", "due_on"], name="frontdoor_rfs_queue"),
            models.Index(fields=["submitted_at"], name="frontdoor_rfs_submitted"),
            models.Index(fields=["decided_at"], name="frontdoor_rfs_decided"),
            models.Index(fields=["person", "submitted_at"], name="frontdoor_rfs_person"),
            models.Index(fields=["family", "submitted_at"], name="frontdoor_rfs_family"),
            models.Index(fields=["referrer", "status"], name="frontdoor_rfs_referrer"),
        ]
        verbose_name = "request for support"
        verbose_name_plural = "requests for support"

    def __str__(self) -> str:
        return self.reference

    @property
    def child_name(self) -> str:
        return f"{self.child_forenames} {self.child_surname}".strip()


class RequestEventKind(models.TextChoices):
    DRAFT_SAVED = "draft_saved", "Draft saved"
    SUBMITTED = "submitted", "Sent to the Hub"
    ASSIGNED = "assigned", "Assigned to a screener"
    CHECKS_RECORDED = "checks_recorded", "Checks recorded"
    PARTNER_INFORMATION = "partner_information", "Information from a partner"
    REVIEW_REQUESTED = "review_requested", "Passed to a Hub social worker for review"
    DECIDED = "decided", "Decision made"
    WITHDRAWN = "withdrawn", "Withdrawn"


class RequestEvent(models.Model):
    """One thing that happened to a request. Append-only; the request's status is what its
    events made it (see services.lifecycle)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(RequestForSupport, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=RequestEventKind.choices)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    summary = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["occurred_at"]

    def __str__(self) -> str:
        return f"{self.request_id} {self.kind}"
