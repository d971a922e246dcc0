"""The legal basis for sharing a person's information for a purpose: a consent (who gave it,
for which scope, until when) or a statutory basis. Withdrawal is a move of status (from, to,
who, when, why) and takes effect at once."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.governance.models.choices import BasisKind, BasisStatus, Purpose, Scope


class SharingBasis(TrackedModel):
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="sharing_bases"
    )
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    kind = models.CharField(max_length=20, choices=BasisKind.choices)
    scope = models.CharField(max_length=15, choices=Scope.choices, default=Scope.ANY_AGENCY)
    agency = models.ForeignKey(
        "accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    given_by = models.CharField(
        max_length=120, blank=True, help_text="Who gave consent (the person, a parent)."
    )
    evidence = models.TextField(help_text="Where the consent or the basis is recorded.")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=BasisStatus.choices, default=BasisStatus.ACTIVE
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdrawn_reason = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "-created_at"]
        indexes = [models.Index(fields=["person", "purpose", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.get_purpose_display().lower()}"

    @property
    def is_consent(self) -> bool:
        return self.kind == BasisKind.CONSENT

    def in_force_on(self, day: date) -> bool:
        return (
            self.status == BasisStatus.ACTIVE
            and self.starts_on <= day
            and (self.ends_on is None or self.ends_on >= day)
        )
