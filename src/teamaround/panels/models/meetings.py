"""Meetings, who attended for which agency, referrals and the agenda built from them."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel, Versioned
from teamaround.panels.models.choices import ItemKind, MeetingStatus, ReferralStatus


class PanelMeeting(TrackedModel):
    panel = models.ForeignKey("panels.Panel", on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField()
    starts_at = models.TimeField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    agenda_limit = models.PositiveSmallIntegerField()
    papers_sent_at = models.DateTimeField(null=True, blank=True)
    is_quorate = models.BooleanField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["held_on", "starts_at"]
        indexes = [models.Index(fields=["panel", "held_on"])]

    def __str__(self) -> str:
        when = f" {self.starts_at:%H:%M}" if self.starts_at else ""
        return f"{self.panel} {self.held_on:%d %B %Y}{when}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class MeetingAttendance(models.Model):
    meeting = models.ForeignKey(PanelMeeting, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey(
        "panels.PanelMembership", on_delete=models.PROTECT, related_name="attendance"
    )
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.membership} present: {self.present}"


class PanelReferral(TrackedModel):
    """A case brought to a panel: a family (and perhaps one child), or for place-based panels a
    place or theme, with the question the referrer wants the panel to answer."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.PROTECT, related_name="referrals")
    family = models.ForeignKey(
        "people.Family", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    child = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(max_length=200, blank=True)
    question = models.TextField()
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    referrer_agency = models.ForeignKey(
        "accounts.Agency", null=True, on_delete=models.PROTECT, related_name="+"
    )
    received_at = models.DateTimeField()
    status = models.CharField(
        max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.WAITING
    )
    risk_score = models.PositiveSmallIntegerField("DASH risk score", null=True, blank=True)
    professional_judgement = models.BooleanField(default=False)
    is_repeat = models.BooleanField(default=False)
    times_carried_over = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["received_at"]
        indexes = [models.Index(fields=["panel", "status", "received_at"])]

    def __str__(self) -> str:
        return f"Referral to {self.panel} ({self.received_at:%d %b %Y})"


class AgendaItem(TrackedModel):
    meeting = models.ForeignKey(PanelMeeting, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=15, choices=ItemKind.choices, default=ItemKind.CASE)
    position = models.PositiveSmallIntegerField()
    referral = models.ForeignKey(
        PanelReferral, null=True, blank=True, on_delete=models.PROTECT, related_name="items"
    )
    action = models.ForeignKey(
        "panels.PanelAction", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    package = models.ForeignKey(
        "panels.PackageOfSupport",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    heard = models.BooleanField(default=False)

    class Meta:
        ordering = ["meeting", "position"]

    def __str__(self) -> str:
        return f"Item {self.position} at {self.meeting}"


class CaseSummary(Versioned, TrackedModel):
    """What the panel is told about a case: the minimum needed to answer the question."""

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="summary")
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "case summaries"
