"""Packages of support agreed by MAAG (and EARP): services from the Directory, each with the
agency providing it and its cost; reviewed at each review date by the panel."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.panels.models.choices import PackageOutcome, PackageStatus


class PackageOfSupport(TrackedModel):
    decision = models.OneToOneField(
        "panels.PanelDecision", on_delete=models.PROTECT, related_name="package"
    )
    panel = models.ForeignKey("panels.Panel", on_delete=models.PROTECT, related_name="packages")
    district = models.ForeignKey(
        "core.District", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField()
    duration_weeks = models.PositiveSmallIntegerField()
    review_on = models.DateField()
    status = models.CharField(
        max_length=15, choices=PackageStatus.choices, default=PackageStatus.ACTIVE
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["review_on"]
        verbose_name_plural = "packages of support"

    @property
    def total_cost(self):
        return sum((part.cost for part in self.parts.all()), start=0)


class PackagePart(models.Model):
    package = models.ForeignKey(PackageOfSupport, on_delete=models.CASCADE, related_name="parts")
    service = models.ForeignKey("directory.Service", on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    cost = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.service} from {self.provider}"


class PackageReview(models.Model):
    """At a review date: is the package delivering, and what the panel decided to do."""

    package = models.ForeignKey(PackageOfSupport, on_delete=models.PROTECT, related_name="reviews")
    meeting = models.ForeignKey(
        "panels.PanelMeeting", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_on = models.DateField()
    delivering = models.BooleanField()
    distance_travelled = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Change in the family's average score at early help reviews, where present.",
    )
    outcome = models.CharField(max_length=15, choices=PackageOutcome.choices)
    notes = models.TextField(blank=True)
    next_review_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on"]

    def __str__(self) -> str:
        return f"Review on {self.reviewed_on}"
