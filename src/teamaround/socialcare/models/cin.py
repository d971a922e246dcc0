"""Child in need plans and their reviews (Children Act 1989, s17; Working Together to
Safeguard Children 2023: the plan is reviewed regularly with the family and the agencies).
The plan is held by a Family Help lead practitioner of any agency (the Families First
reforms: not necessarily a social worker). How often it is reviewed is the council's
standard (socialcare.SafetyStandard "cin_review"), not a number in the code."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel

USER = settings.AUTH_USER_MODEL
CASE = "socialcare.SocialCareReferral"


class ChildInNeedPlan(TrackedModel):
    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="cin_plans")
    started_on = models.DateField()
    lead_practitioner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    next_review_due = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_on", "created_at"]


class ChildInNeedReview(TrackedModel):
    plan = models.ForeignKey(ChildInNeedPlan, on_delete=models.PROTECT, related_name="reviews")
    due_on = models.DateField()
    held_on = models.DateField()
    summary = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["held_on", "created_at"]
