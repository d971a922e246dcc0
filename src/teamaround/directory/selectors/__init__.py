"""Reads of the Directory. Public reads need no actor check or audit (the Directory is public
information); editors' reads are scoped by the same rule that lets them edit."""

from teamaround.directory.selectors.editing import (
    organisation_get,
    organisation_list,
    service_for_editing,
    services_for_editing,
)
from teamaround.directory.selectors.public import (
    publicly_visible,
    review_grace_days,
    service_get,
    service_uptake,
)
from teamaround.directory.selectors.quality import quality_worst_first
from teamaround.directory.selectors.search import SearchResult, ServiceSearch, service_search

__all__ = [
    "SearchResult",
    "ServiceSearch",
    "organisation_get",
    "organisation_list",
    "publicly_visible",
    "quality_worst_first",
    "review_grace_days",
    "service_for_editing",
    "service_get",
    "service_search",
    "service_uptake",
    "services_for_editing",
]
