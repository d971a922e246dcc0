"""Children looked after: a period of care with its legal status, the placements within it
(each row an SSDA903 episode: reason for the new episode, placement type, provider and
postcode, and why it ceased), reviews (reg 33), statutory visits (reg 28, and child
protection visits), missing from placement with the return conversation, and the pathway
plan of a care leaver."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.socialcare.models import codes
from teamaround.socialcare.models.choices import ConversationResponse, VisitKind

CASE = "socialcare.SocialCareReferral"


class CarePeriod(TrackedModel):
    """One period of being looked after, from the day the child became looked after."""

    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="care_periods")
    started_on = models.DateField()
    legal_status = models.CharField(max_length=2, choices=codes.LEGAL_STATUSES)
    ended_on = models.DateField(null=True, blank=True)
    reason_ceased = models.CharField(max_length=3, choices=codes.CARE_ENDED_REASONS, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_on", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["referral"],
                condition=models.Q(ended_on__isnull=True),
                name="sc_one_open_care_period",
            )
        ]

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class Placement(TrackedModel):
    """A placement (an SSDA903 episode): a new row when the placement or the legal status
    changes, so the history is the rows."""

    period = models.ForeignKey(CarePeriod, on_delete=models.PROTECT, related_name="placements")
    started_on = models.DateField()
    reason_new_episode = models.CharField(max_length=1, choices=codes.NEW_EPISODE_REASONS)
    legal_status = models.CharField(max_length=2, choices=codes.LEGAL_STATUSES)
    placement_type = models.CharField(max_length=2, choices=codes.PLACEMENT_TYPES)
    provider = models.CharField(max_length=3, choices=codes.PLACEMENT_PROVIDERS)
    provider_name = models.CharField(max_length=120)
    postcode = models.CharField(max_length=8)
    ended_on = models.DateField(null=True, blank=True)
    reason_ceased = models.CharField(max_length=3, choices=codes.EPISODE_CEASED_REASONS, blank=True)
    next_visit_due = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_on", "created_at"]
        indexes = [models.Index(fields=["ended_on", "next_visit_due"], name="sc_placement_visit")]


class CareReview(TrackedModel):
    """A looked-after child's review (reg 33): numbered, due, held."""

    period = models.ForeignKey(CarePeriod, on_delete=models.PROTECT, related_name="reviews")
    number = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    held_on = models.DateField(null=True, blank=True)
    chair = models.CharField(max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["period", "number"], name="sc_care_review_number")
        ]


class StatutoryVisit(TrackedModel):
    """A visit to the child by their social worker: to a looked-after child in placement
    (reg 28) or to a child on a child protection plan."""

    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="visits")
    kind = models.CharField(max_length=16, choices=VisitKind.choices)
    placement = models.ForeignKey(
        Placement, null=True, blank=True, on_delete=models.PROTECT, related_name="visits"
    )
    visited_on = models.DateField()
    seen_alone = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-visited_on", "-created_at"]
        indexes = [models.Index(fields=["referral", "visited_on"], name="sc_visit_case")]


class MissingFromCare(TrackedModel):
    """A looked-after child missing from their placement, with the return conversation
    offered afterwards; linked to the Hub's police notification when there is one."""

    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="missing_episodes")
    period = models.ForeignKey(CarePeriod, on_delete=models.PROTECT, related_name="missing")
    notification_id = models.UUIDField(
        null=True, blank=True, help_text="The Hub's missing episode (frontdoor)."
    )
    missing_on = models.DateField()
    returned_on = models.DateField(null=True, blank=True)
    conversation_offered_on = models.DateField(null=True, blank=True)
    conversation_response = models.CharField(
        max_length=10, choices=ConversationResponse.choices, blank=True
    )
    conversation_held_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-missing_on", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["notification_id"],
                condition=models.Q(notification_id__isnull=False),
                name="sc_missing_one_per_notification",
            )
        ]


class PathwayPlan(TrackedModel):
    """A care leaver's pathway plan and personal adviser: the plan before 16 years and 3
    months, then reviewed at most every 6 months."""

    referral = models.OneToOneField(CASE, on_delete=models.PROTECT, related_name="pathway_plan")
    personal_adviser = models.CharField(max_length=120)
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    last_reviewed_on = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    history = HistoricalRecords()
