"""Where an imported record came from, so that records from another publisher are namespaced
by their source: an import never overwrites a local record that happens to share an id, and a
re-import of the same publisher's feed finds and updates only that publisher's records.

`source_record` keeps the record as the publisher sent it, so that what we do not model (fees,
languages, funding, accreditations, the whole schedule...) is published again unchanged.
"""

from django.db import models


class Sourced(models.Model):
    source = models.CharField(
        max_length=200, blank=True, help_text="The publisher it was imported from; blank if ours."
    )
    source_id = models.UUIDField(
        null=True, blank=True, help_text="Its id in that publisher's feed."
    )
    source_record = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True


def one_per_source(name: str) -> models.UniqueConstraint:
    return models.UniqueConstraint(
        fields=["source", "source_id"], condition=~models.Q(source=""), name=name
    )
