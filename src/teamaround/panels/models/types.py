"""Panel types (data, with an Essex default) and the panels that meet for each scope.

A PanelType says what kind of meeting it is and the rules it runs by: its scope, how often it
meets, who must be there for it to be quorate, the legal basis for sharing, whether what it
hears is restricted to its members, who may refer and what it may decide. A Panel is one
instance of a type for one district, one quadrant or the county, with its members.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.panels.models.choices import (
    CaseSubject,
    Frequency,
    MemberRole,
    PanelScope,
    SharingBasis,
)


class PanelType(TrackedModel):
    code = models.SlugField(max_length=30, unique=True)
    name = models.CharField(max_length=120)
    short_name = models.CharField(max_length=20)
    purpose = models.TextField()
    scope = models.CharField(max_length=10, choices=PanelScope.choices)
    frequency = models.CharField(max_length=15, choices=Frequency.choices)
    case_subject = models.CharField(
        max_length=10, choices=CaseSubject.choices, default=CaseSubject.FAMILY
    )
    member_agency_kinds = models.JSONField(default=list, help_text="Agency kinds that sit on it.")
    quorum_minimum = models.PositiveSmallIntegerField(default=3)
    quorum_agency_kinds = models.JSONField(
        default=list, help_text="Agency kinds that must be present for the meeting to be quorate."
    )
    sharing_basis = models.CharField(max_length=10, choices=SharingBasis.choices)
    legal_basis = models.CharField(max_length=300, blank=True)
    restricted = models.BooleanField(
        default=False, help_text="What the panel hears is seen only by its members."
    )
    referrer_roles = models.JSONField(default=list)
    referrer_agency_kinds = models.JSONField(default=list)
    decision_kinds = models.JSONField(default=list)
    records_risk_score = models.BooleanField(
        default=False, help_text="Referrals carry a DASH risk score (MARAC)."
    )
    agenda_limit = models.PositiveSmallIntegerField(default=12)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Panel(TrackedModel):
    panel_type = models.ForeignKey(PanelType, on_delete=models.PROTECT, related_name="panels")
    name = models.CharField(max_length=160, unique=True)
    district = models.ForeignKey(
        "core.District", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    quadrant = models.ForeignKey(
        "core.Quadrant", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["panel_type__name", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def restricted(self) -> bool:
        return self.panel_type.restricted


class PanelMembership(TrackedModel):
    """A member of staff sitting on a panel between two dates, for their agency."""

    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="panel_memberships"
    )
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=12, choices=MemberRole.choices, default=MemberRole.MEMBER)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    can_see_linked_children = models.BooleanField(
        default=False, help_text="May see the children linked to place-based items (MACE 2)."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["panel", "role", "started_on"]
        indexes = [models.Index(fields=["user", "panel", "started_on"])]

    def __str__(self) -> str:
        return f"{self.user} on {self.panel}"
