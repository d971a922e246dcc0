"""The disclosure ledger: every time information about a person leaves the team that holds
it, and every decision not to share. Append-only, like the audit trail: the model and its
queryset refuse changes, and a database trigger refuses them too (see the migration)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from teamaround.governance.models.choices import BasisKind, Channel, Outcome, Purpose


class LedgerQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Ledger entries cannot be changed.")

    def delete(self):
        raise PermissionError("Ledger entries cannot be deleted.")


class Disclosure(models.Model):
    """What (record and fields), to whom (user, agency), why (purpose), on which basis, who
    decided, and the outcome. Names no one but by id: safe to search and to keep."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    occurred_at = models.DateTimeField(db_index=True)
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+", db_constraint=False
    )
    record_type = models.CharField(max_length=80, blank=True)
    record_id = models.CharField(max_length=64, blank=True)
    fields = models.JSONField(default=list, blank=True)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
    )
    recipient_agency = models.ForeignKey(
        "accounts.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.SHARED)
    basis_kind = models.CharField(max_length=20, choices=BasisKind.choices, blank=True)
    basis = models.ForeignKey(
        "governance.SharingBasis",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disclosures",
        db_constraint=False,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
    )
    decided_by_username = models.CharField(max_length=150, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
    )
    reason = models.TextField(blank=True)

    objects = LedgerQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [
            models.Index(fields=["person", "occurred_at"], name="gov_ledger_person"),
            models.Index(fields=["recipient_agency", "occurred_at"], name="gov_ledger_agency"),
            models.Index(fields=["occurred_at", "outcome", "basis_kind"], name="gov_ledger_period"),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.channel} {self.outcome}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("Ledger entries cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Ledger entries cannot be deleted.")
