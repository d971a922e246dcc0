"""Step up to social care, step down from it, and closure with the family's feedback."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from teamaround.core.models import TrackedModel
from teamaround.earlyhelp.models.choices import ClosureReason


class StepUp(TrackedModel):
    """A hand-over to children's social care. The receiving team becomes involved with the
    family (so the social worker sees the early help history) and gets a work item."""

    episode = models.ForeignKey(
        "earlyhelp.Episode", on_delete=models.PROTECT, related_name="step_ups"
    )
    to_team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    stepped_up_at = models.DateTimeField()


class StepDown(TrackedModel):
    """Where a stepped-down episode came from: the social care team and its case, and the
    earlier early help episode if there was one."""

    episode = models.OneToOneField(
        "earlyhelp.Episode", on_delete=models.PROTECT, related_name="step_down"
    )
    from_team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    social_care_reference = models.CharField(max_length=60, blank=True)
    previous_episode = models.ForeignKey(
        "earlyhelp.Episode", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()


class EpisodeClosure(TrackedModel):
    episode = models.ForeignKey(
        "earlyhelp.Episode", on_delete=models.PROTECT, related_name="closures"
    )
    reason = models.CharField(max_length=20, choices=ClosureReason.choices)
    closed_on = models.DateField()
    summary = models.TextField(blank=True)
    reopened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["closed_on", "created_at"]


class FamilyFeedback(TrackedModel):
    """What the family said about the help, kept for the outcomes framework (1 to 5 each)."""

    closure = models.OneToOneField(
        EpisodeClosure, on_delete=models.PROTECT, related_name="feedback"
    )
    listened_to = models.PositiveSmallIntegerField()
    things_got_better = models.PositiveSmallIntegerField()
    would_ask_again = models.PositiveSmallIntegerField()
    comments = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(listened_to__range=(1, 5))
                & Q(things_got_better__range=(1, 5))
                & Q(would_ask_again__range=(1, 5)),
                name="eh_feedback_1_5",
            )
        ]
