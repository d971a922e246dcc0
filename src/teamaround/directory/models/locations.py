"""Where services are delivered. A Location is ORUK's `location`; ServiceAtLocation links a
service to each place it runs (ORUK `service_at_location`), with its own stable id."""

import uuid

from django.db import models
from simple_history.models import HistoricalRecords

from teamaround.core.models import TrackedModel
from teamaround.directory.geo import outward_code
from teamaround.directory.models.sourcing import Sourced, one_per_source


class LocationType(models.TextChoices):
    PHYSICAL = "physical", "A place people visit"
    VIRTUAL = "virtual", "Online or by phone"
    POSTAL = "postal", "Postal address only"


class Location(Sourced, TrackedModel):
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="locations"
    )
    location_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    address_1 = models.CharField("Address", max_length=200, blank=True)
    city = models.CharField("Town or city", max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    # The postcode's first half, kept with it (on every save) so "services with a place in
    # this postcode area" is an index lookup, not a scan of every location's postcode.
    outward_code = models.CharField(max_length=8, blank=True, editable=False, db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    address_id = models.UUIDField(default=uuid.uuid4, editable=False)
    accessibility = models.TextField("Access and facilities", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["latitude", "longitude"])]
        constraints = [one_per_source("location_once_per_source")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.outward_code = outward_code(self.postcode)[:8] if self.postcode else ""
        fields = kwargs.get("update_fields")
        if fields is not None and "postcode" in fields:
            kwargs["update_fields"] = {*fields, "outward_code"}
        super().save(*args, **kwargs)


class ServiceAtLocation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="service_links")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="service_at_location_once")
        ]

    def __str__(self) -> str:
        return f"{self.service_id} at {self.location_id}"
