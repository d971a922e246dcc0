"""The Early Help Plan: what the family wants to change and who does what, by when.

`version` goes up by one on every change; a save carries the version it started from, so two
people editing at once cannot silently overwrite each other (optimistic locking).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel, Versioned
from teamaround.earlyhelp.models.choices import ActionStatus


class EarlyHelpPlan(Versioned, TrackedModel):
    episode = models.OneToOneField(
        "earlyhelp.Episode", on_delete=models.PROTECT, related_name="plan"
    )
    outcomes = models.TextField(help_text="What the family wants to be different, in their words.")
    agreed_on = models.DateField()
    history = HistoricalRecords()


class PlanAction(TrackedModel):
    """Specific: who (a practitioner, with their agency, or a family member), what, by when,
    and which need it meets."""

    plan = models.ForeignKey(EarlyHelpPlan, on_delete=models.PROTECT, related_name="actions")
    domain = models.ForeignKey(
        "core.NeedDomain", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    what = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_agency = models.ForeignKey(
        "accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=12, choices=ActionStatus.choices, default="not_started")
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "created_at"]
        indexes = [models.Index(fields=["owner", "status", "due_on"], name="eh_action_owner")]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner__isnull=False) | Q(owner_person__isnull=False),
                name="eh_action_has_an_owner",
            )
        ]

    @property
    def who(self) -> str:
        if self.owner_id:
            agency = f" ({self.owner_agency.name})" if self.owner_agency_id else ""
            return f"{self.owner.get_full_name() or self.owner.username}{agency}"
        return self.owner_person.forenames if self.owner_person_id else ""

    @property
    def is_open(self) -> bool:
        return self.status in (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)
