"""The administrators' view of the directory's data quality: every live service with its
completeness and staleness, worst first (most required fields missing, lowest score, longest
overdue)."""

from __future__ import annotations

from teamaround.core.access import require
from teamaround.directory.models import Service
from teamaround.directory.quality import QUALITY_PREFETCH, Quality, service_quality


def quality_worst_first(*, actor) -> list[tuple[Service, Quality]]:
    require(actor, "directory.manage_directory", what="see the directory's data quality")
    services = (
        Service.objects.filter(archived_at__isnull=True)
        .select_related("organisation")
        .prefetch_related(*QUALITY_PREFETCH)
    )
    rows = [(service, service_quality(service)) for service in services]
    rows.sort(key=lambda row: (-len(row[1].missing_required), row[1].score, row[0].review_date))
    return rows
