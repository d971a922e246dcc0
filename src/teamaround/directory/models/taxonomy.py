"""Other publishers' taxonomies, kept when a feed is imported so their terms round-trip.

TeamAround's own terms (need domains and Windscreen levels) are not stored here: they are the
core rows themselves, given stable ORUK ids by `directory.taxonomy`.
"""

import uuid

from django.db import models


class Taxonomy(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    uri = models.URLField(blank=True)
    version = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "taxonomies"

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(
        Taxonomy, null=True, blank=True, on_delete=models.PROTECT, related_name="terms"
    )
    taxonomy_name = models.CharField(max_length=200, blank=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    code = models.CharField(max_length=120, blank=True)
    parent_id = models.UUIDField(null=True, blank=True)
    term_uri = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
