"""Families and households: who belonged when, and how people are related."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel, Versioned
from teamaround.people.models.choices import MemberRole, RelationshipKind
from teamaround.people.models.persons import Person


class Family(Versioned, TrackedModel):
    """A family or household. Its members change over time; the family record stays."""

    name = models.CharField(max_length=150, help_text="For example, the Smith household.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "families"

    def __str__(self) -> str:
        return self.name


class FamilyMembership(TrackedModel):
    """A person's place in a family between two dates (no end date: still a member)."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=12, choices=MemberRole.choices)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_on"]
        indexes = [models.Index(fields=["person", "family"], name="people_membership_person")]

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class Relationship(TrackedModel):
    """A typed link from one person to another ("A is parent of B"), with dates."""

    from_person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="relationships_from"
    )
    to_person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="relationships_to")
    kind = models.CharField(max_length=16, choices=RelationshipKind.choices)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_person=models.F("to_person")), name="relationship_not_to_self"
            )
        ]

    def __str__(self) -> str:
        return f"{self.from_person} {self.get_kind_display().lower()} {self.to_person}"
