"""A council's geography as data: quadrants, districts and the postcodes that fall in each.

Essex's default (12 districts in 4 quadrants, with Southend and Thurrock as neighbouring
unitary authorities) is loaded by `teamaround load_geography`; another council loads its own.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models.base import TrackedModel


class Quadrant(TrackedModel):
    """A group of districts that share locality teams and partnerships."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    display_order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["display_order", "name"]

    def __str__(self) -> str:
        return self.name


class DistrictKind(models.TextChoices):
    DISTRICT = "district", "District, borough or city council in the county"
    NEIGHBOURING_UNITARY = "neighbouring_unitary", "Neighbouring unitary authority"


class District(TrackedModel):
    """A district the council works in, or a neighbouring authority it works alongside."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    ons_code = models.CharField("ONS code", max_length=9, blank=True)
    kind = models.CharField(
        max_length=30, choices=DistrictKind.choices, default=DistrictKind.DISTRICT
    )
    quadrant = models.ForeignKey(
        Quadrant, null=True, blank=True, on_delete=models.PROTECT, related_name="districts"
    )
    display_order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["display_order", "name"]

    def __str__(self) -> str:
        return self.name


class PostcodeOutwardCode(models.Model):
    """Which district a postcode's outward code (e.g. "CM1") falls in, where the council knows."""

    outward_code = models.CharField(max_length=4, unique=True)
    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="outward_codes")

    class Meta:
        ordering = ["outward_code"]

    def __str__(self) -> str:
        return f"{self.outward_code} in {self.district}"
