"""The multi-agency child protection team (Children's Wellbeing and Schools Act 2026) with
its Lead Child Protection Practitioner, and the core group of each child protection plan.

A current member (no `left_at`) reads the case from the moment they join and loses it the
moment they leave (socialcare.permissions reads membership, nothing is copied). The LCPP is
held as assignments with a start and an end, so who led and when is never overwritten.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel

USER = settings.AUTH_USER_MODEL
CASE = "socialcare.SocialCareReferral"


class Discipline(models.TextChoices):
    """The four agencies the Act names for the team, and anyone else who joins it."""

    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    SOCIAL_CARE = "social_care", "Social care"
    OTHER = "other", "Other agency"


REQUIRED_DISCIPLINES = (
    Discipline.POLICE,
    Discipline.HEALTH,
    Discipline.EDUCATION,
    Discipline.SOCIAL_CARE,
)


class ChildProtectionTeamMember(TrackedModel):
    """A practitioner in the case's multi-agency child protection team."""

    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="cp_team")
    practitioner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    discipline = models.CharField(max_length=12, choices=Discipline.choices)
    joined_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)
    left_reason = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["joined_at"]
        indexes = [models.Index(fields=["practitioner", "left_at"], name="sc_cpteam_member")]
        constraints = [
            models.UniqueConstraint(
                fields=["referral", "practitioner"],
                condition=models.Q(left_at__isnull=True),
                name="sc_cpteam_once",
            )
        ]

    @property
    def is_current(self) -> bool:
        return self.left_at is None


class LeadPractitionerAssignment(TrackedModel):
    """Who was the Lead Child Protection Practitioner and when; the current one has no end."""

    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="lcpps")
    practitioner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["referral"],
                condition=models.Q(ended_at__isnull=True),
                name="sc_one_current_lcpp",
            )
        ]


class CoreGroup(TrackedModel):
    """The core group of one child protection plan: its first meeting is due within 10 working
    days of the initial conference (Working Together to Safeguard Children 2023)."""

    plan = models.OneToOneField(
        "socialcare.ChildProtectionPlan", on_delete=models.PROTECT, related_name="core_group"
    )
    referral = models.ForeignKey(CASE, on_delete=models.PROTECT, related_name="core_groups")
    first_meeting_due = models.DateField()
    history = HistoricalRecords()


class CoreGroupMember(TrackedModel):
    """A member of the core group: a practitioner (of any agency) or a family member, named."""

    core_group = models.ForeignKey(CoreGroup, on_delete=models.PROTECT, related_name="members")
    practitioner = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(max_length=120)
    agency = models.CharField(max_length=200, help_text="Their agency, or 'Family'.")
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["joined_on", "name"]


class CoreGroupMeeting(TrackedModel):
    """A core group meeting: when, who came (a snapshot of names), what progress was made."""

    core_group = models.ForeignKey(CoreGroup, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField()
    attendance = models.JSONField(default=list, help_text="[{name, agency, attended}]")
    progress = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["held_on", "created_at"]
