"""Team Around the Family meetings (reviews): who came, what the family said, how each action
went, and a score per need agreed with the family (0 to 10), which shows distance travelled."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.earlyhelp.models.choices import PROGRESS_CHOICES


class TafMeeting(TrackedModel):
    episode = models.ForeignKey(
        "earlyhelp.Episode", on_delete=models.PROTECT, related_name="meetings"
    )
    held_on = models.DateField()
    attendance = models.JSONField(
        default=list, help_text="[{name, agency, attendance}] for each TAF member and guest."
    )
    family_views = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["held_on", "created_at"]


class ActionProgress(TrackedModel):
    meeting = models.ForeignKey(TafMeeting, on_delete=models.CASCADE, related_name="progress")
    action = models.ForeignKey("earlyhelp.PlanAction", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=PROGRESS_CHOICES)
    note = models.TextField(blank=True)


class NeedScore(TrackedModel):
    meeting = models.ForeignKey(TafMeeting, on_delete=models.CASCADE, related_name="scores")
    episode = models.ForeignKey("earlyhelp.Episode", on_delete=models.PROTECT, related_name="+")
    domain = models.ForeignKey("core.NeedDomain", on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["domain__display_order"]
        indexes = [models.Index(fields=["episode", "domain"], name="eh_score_episode")]
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=0, score__lte=10), name="eh_score_0_10"),
            models.UniqueConstraint(fields=["meeting", "domain"], name="eh_one_score_each"),
        ]
