"""The organisations that run services, and the staff each may nominate to keep them up to date.

An Organisation is Open Referral's `organization`: its id is the ORUK id, kept stable so a feed
published here and read back elsewhere (or imported from elsewhere) names the same record.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel, Versioned
from teamaround.directory.models.sourcing import Sourced, one_per_source


class Organisation(Versioned, Sourced, TrackedModel):
    """A provider of services: a council team, an NHS trust, a school, a charity."""

    name = models.CharField(max_length=200)
    description = models.TextField()
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    logo = models.URLField("Logo (a link to the image)", blank=True)
    uri = models.URLField(
        "Persistent identifier (URI)", blank=True, help_text="ORUK `uri`, where it has one."
    )
    agency = models.ForeignKey(
        "accounts.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_organisations",
        help_text="The agency in TeamAround that this provider is, where it is one.",
    )
    identifier_scheme = models.CharField(
        max_length=20, blank=True, help_text="e.g. GB-CHC (charity) or GB-COH (company)"
    )
    identifier = models.CharField(max_length=40, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [one_per_source("organisation_once_per_source")]

    def __str__(self) -> str:
        return self.name


class DirectoryEditor(TrackedModel):
    """A provider's own nominated editor: may keep this organisation's services up to date and
    nothing else. Granted and withdrawn (archived) by an administrator."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="directory_grants"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="editors")
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(archived_at__isnull=True),
                name="directory_editor_one_live_grant",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} edits {self.organisation}"
