"""A service in the Directory: what it offers, to whom, at which levels of need, for which
needs, where, when, at what cost, how to get it, and when its entry must next be checked.

Fields marked professional-only are shown to signed-in staff and never to the public, in pages
or in the Open Referral feed (see PROFESSIONAL_ONLY_FIELDS).
"""

import uuid

from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel, Versioned
from teamaround.directory.models.sourcing import Sourced, one_per_source


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", "Running"
    TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"
    INACTIVE = "inactive", "Not running"
    DEFUNCT = "defunct", "Closed for good"


class AccessRoute(models.TextChoices):
    SELF_REFERRAL = "self_referral", "Families can contact the service themselves"
    PROFESSIONAL_REFERRAL = "professional_referral", "A professional can refer"
    VIA_HUB = "via_hub", "Through the Children and Families Hub (Request for Support)"
    VIA_PANEL = "via_panel", "Through a panel (for example MAAG)"


PROFESSIONAL_ONLY_FIELDS = ("referral_routes", "eligibility_notes", "capacity")


def language_index(languages) -> str:
    names = [" ".join(str(name).lower().split()) for name in languages or []]
    names = [name for name in names if name]
    return f"|{'|'.join(names)}|" if names else ""


class Service(Versioned, Sourced, TrackedModel):
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(max_length=200)
    description = models.TextField()
    url = models.URLField("Website", blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    status = models.CharField(
        max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    levels = models.ManyToManyField("core.WindscreenLevel", related_name="directory_services")
    needs_met = models.ManyToManyField("core.NeedDomain", related_name="directory_services")
    districts = models.ManyToManyField("core.District", related_name="directory_services")
    other_terms = models.ManyToManyField(
        "directory.TaxonomyTerm", blank=True, related_name="services"
    )
    is_free = models.BooleanField(default=True)
    fees = models.TextField(
        "About the cost", blank=True, help_text="ORUK `fees`: the charges, in plain words."
    )
    # Languages the service is delivered in (not those only through an interpreter).
    languages = models.JSONField(default=list, blank=True)
    # The same, lower-cased between bars ("|english|polish|"), so the search filters by a
    # language in SQL on any database.
    language_index = models.TextField(editable=False, default="")
    access_routes = models.JSONField(default=list, blank=True)
    how_to_access = models.TextField(
        "How to get this service", blank=True, help_text="For families, in plain words."
    )
    waiting_time_weeks = models.PositiveSmallIntegerField(null=True, blank=True)
    review_date = models.DateField()
    assured_date = models.DateField(null=True, blank=True)
    alert = models.TextField(blank=True)
    # Professional-only.
    referral_routes = models.TextField("Referral routes (professionals only)", blank=True)
    eligibility_notes = models.TextField("Eligibility notes (professionals only)", blank=True)
    capacity = models.PositiveIntegerField("Places or caseload capacity", null=True, blank=True)
    # Lower-cased name, description and provider, so keyword search is one indexed-free scan.
    search_text = models.TextField(editable=False, default="")
    # An imported service's last_modified as its publisher gave it, until it is edited here.
    source_modified = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords(m2m_fields=[levels, needs_met, districts])

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["status", "review_date"]),
            models.Index(fields=["minimum_age", "maximum_age"]),
        ]
        constraints = [one_per_source("service_once_per_source")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.language_index = language_index(self.languages)
        fields = kwargs.get("update_fields")
        if fields is not None and "languages" in fields:
            kwargs["update_fields"] = {*fields, "language_index"}
        super().save(*args, **kwargs)

    def access_route_labels(self) -> list[str]:
        return [AccessRoute(route).label for route in self.access_routes if route in AccessRoute]


class CostOption(models.Model):
    """A charge for the service (ORUK `cost_option`); a free service has none."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(max_length=200, blank=True)
    amount = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(max_length=200, blank=True)
    valid_from = models.DateField("Price valid from", null=True, blank=True)
    valid_to = models.DateField("Price valid until", null=True, blank=True)

    def __str__(self) -> str:
        return self.option or "Charge"


class Contact(models.Model):
    """A named contact for a service (ORUK `contact`), with a phone for the page."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)

    def __str__(self) -> str:
        return self.name or self.title or "Contact"


class Weekday(models.TextChoices):
    MO = "MO", "Monday"
    TU = "TU", "Tuesday"
    WE = "WE", "Wednesday"
    TH = "TH", "Thursday"
    FR = "FR", "Friday"
    SA = "SA", "Saturday"
    SU = "SU", "Sunday"


class Schedule(models.Model):
    """Opening times (ORUK `schedule`, an RFC 5545 weekly rule): one row per day and session."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules")
    byday = models.CharField(max_length=20, help_text="RFC 5545 days, e.g. MO or MO,TU,WE")
    opens_at = models.TimeField()
    closes_at = models.TimeField()
    description = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["service", "byday", "opens_at"]

    def __str__(self) -> str:
        return f"{self.byday} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"

    def days_label(self) -> str:
        names = dict(Weekday.choices)
        return ", ".join(names.get(day.strip(), day) for day in self.byday.split(","))
