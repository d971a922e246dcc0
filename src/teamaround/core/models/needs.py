"""The shared language of need: the Effective Support Windscreen's levels and the need domains.

Both are data with an Essex default (data/essex_reference.json), loaded by a migration so a
fresh install has them, and editable by a council. Requests, episodes, assessments, services
and panels all refer to these rows, so a need is named the same way everywhere.
"""

from django.db import models
from simple_history.models import HistoricalRecords


class WindscreenLevel(models.Model):
    """One level of the Effective Support Windscreen (1 Universal ... 4 Specialist)."""

    number = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=60)
    summary = models.CharField(max_length=300)
    descriptors = models.JSONField(
        default=list, help_text="Examples of what a child's situation looks like at this level."
    )
    typical_response = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Level {self.number}: {self.name}"


class NeedDomain(models.Model):
    """An area of a family's life in which needs are assessed, scored and met by services."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=300, blank=True)
    display_order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["display_order", "name"]

    def __str__(self) -> str:
        return self.name
