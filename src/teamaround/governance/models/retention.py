"""Retention as data: how long each kind of record is kept (with Essex's defaults), the
records listed for review when their period has passed, and legal holds that keep a person's
records whatever the rules say."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel


class RetentionAction(models.TextChoices):
    ANONYMISE = "anonymise", "Anonymise (keep what statistics need)"
    DELETE = "delete", "Erase personal details and archive"


class RetentionRule(TrackedModel):
    """One kind of record: kept `years_after_closure` after it closed, or to the person's
    `until_age` birthday if that is later; a looked-after child's records to
    `looked_after_years` after the last entry if that is later still."""

    kind = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=120)
    years_after_closure = models.PositiveSmallIntegerField(null=True, blank=True)
    until_age = models.PositiveSmallIntegerField(null=True, blank=True)
    looked_after_years = models.PositiveSmallIntegerField(null=True, blank=True)
    action = models.CharField(
        max_length=10, choices=RetentionAction.choices, default=RetentionAction.ANONYMISE
    )
    authority = models.CharField(max_length=200, blank=True, help_text="Where the rule comes from.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.label


class LegalHold(TrackedModel):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]


class ReviewStatus(models.TextChoices):
    LISTED = "listed", "Waiting for approval"
    APPROVED = "approved", "Approved and carried out"
    KEPT = "kept", "Kept"


class RetentionReview(TrackedModel):
    """A person whose records are all past their period, listed for a manager to approve."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    rule = models.ForeignKey(RetentionRule, on_delete=models.PROTECT, related_name="reviews")
    keep_until = models.DateField()
    status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.LISTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["keep_until"]
