"""What a panel decides about a case, with the detail each kind of decision needs.

A decision made while the meeting was not quorate is marked (`inquorate`), never hidden.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.panels.models.choices import AvoidedPlacement, DecisionKind


class PanelDecision(TrackedModel):
    item = models.OneToOneField(
        "panels.AgendaItem", on_delete=models.PROTECT, related_name="decision"
    )
    kind = models.CharField(max_length=20, choices=DecisionKind.choices)
    summary = models.TextField()
    inquorate = models.BooleanField(default=False)
    lead_professional = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["item__meeting__held_on", "item__position"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.item})"


class PlacementAlternative(models.Model):
    """EARP: the support agreed instead of care or an independent school, and what it saves."""

    decision = models.OneToOneField(
        PanelDecision, on_delete=models.CASCADE, related_name="alternative"
    )
    avoided = models.CharField(max_length=20, choices=AvoidedPlacement.choices)
    description = models.TextField()
    annual_cost = models.DecimalField(max_digits=10, decimal_places=2)
    avoided_annual_cost = models.DecimalField(max_digits=10, decimal_places=2)

    def __str__(self) -> str:
        return f"Alternative to {self.get_avoided_display()}"

    @property
    def saving(self):
        return self.avoided_annual_cost - self.annual_cost


class JointFundingShare(models.Model):
    """JAP: one agency's share of a jointly funded package. Shares add up to exactly 100%."""

    decision = models.ForeignKey(
        PanelDecision, on_delete=models.CASCADE, related_name="funding_shares"
    )
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    percentage = models.DecimalField(max_digits=5, decimal_places=2)
    amount = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["decision", "agency"], name="one_share_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.percentage}%"


class SafetyPlan(models.Model):
    """MARAC's safety plan, or MACE 1's plan for a child at risk of exploitation; the actions
    for each agency are PanelActions of the same decision."""

    decision = models.OneToOneField(
        PanelDecision, on_delete=models.CASCADE, related_name="safety_plan"
    )
    risks = models.TextField()
    protective_factors = models.TextField(blank=True)

    def __str__(self) -> str:
        return "Safety plan"


class PlaceReview(models.Model):
    """MACE 2: places, themes and disruption across a quadrant. No child identifiers here;
    children involved are LinkedChild rows, shown only to members with the right."""

    decision = models.OneToOneField(
        PanelDecision, on_delete=models.CASCADE, related_name="place_review"
    )
    places = models.TextField()
    themes = models.TextField()

    def __str__(self) -> str:
        return "Places and themes"


class LinkedChild(models.Model):
    place_review = models.ForeignKey(
        PlaceReview, on_delete=models.CASCADE, related_name="linked_children"
    )
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return "Linked child"


class MissingReview(models.Model):
    decision = models.OneToOneField(
        PanelDecision, on_delete=models.CASCADE, related_name="missing_review"
    )
    episodes_in_last_90_days = models.PositiveSmallIntegerField()
    pattern = models.TextField()

    def __str__(self) -> str:
        return "Missing review"
