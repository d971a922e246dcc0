"""Rules that keep what is stored publishable: imported records edited here, and links."""

from __future__ import annotations

from teamaround.core.errors import DomainError
from teamaround.directory.oruk.feed_checks import safe_url

# Our fields -> the ORUK fields they are published as.
ORUK_FIELDS = {
    "levels": "attributes",
    "needs_met": "attributes",
    "other_terms": "attributes",
    "districts": "service_areas",
}


def forget_source_fields(service, fields) -> None:
    """An imported service edited here: what was edited is ours now (not the publisher's
    copy), and its last_modified is ours from now on."""
    if service.source_record:
        record = dict(service.source_record)
        for name in fields:
            record.pop(ORUK_FIELDS.get(name, name), None)
        service.source_record = record
    service.source_modified = None


def check_link(value: str | None, field: str) -> None:
    """Only http and https links are stored (and so shown, and published)."""
    if value and not safe_url(value):
        raise DomainError("Enter a web address starting with http:// or https://", field=field)
