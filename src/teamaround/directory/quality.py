"""How good a directory entry is: the council's required fields, a completeness score and a
staleness flag. A pure computation on a service (no actor): the editors' list, the
administrators' data-quality page and the importer's report all use it.

The required fields are what ORUK and the council need to route a family to a service:
an address (or an online or phone place), a category (a need it meets), a contact route, who
it is for (an age range) and a review date that has not passed. A council may change the list
with TEAMAROUND_DIRECTORY_REQUIRED_FIELDS (names from CHECKS).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from teamaround.directory.models import LocationType, Service

DEFAULT_REQUIRED = ("address", "category", "contact", "eligibility", "review_date")
# What a fully nested check reads, for prefetch_related.
QUALITY_PREFETCH = (
    "service_at_locations__location",
    "needs_met",
    "other_terms",
    "contacts",
    "schedules",
    "cost_options",
    "districts",
)


def _address(s: Service) -> bool:
    for link in s.service_at_locations.all():
        place = link.location
        if place.location_type != LocationType.PHYSICAL or (place.address_1 and place.postcode):
            return True
    return False


def _contact(s: Service) -> bool:
    return bool(s.email or s.phone or s.url or any(c.phone or c.email for c in s.contacts.all()))


def _cost(s: Service) -> bool:
    return s.is_free or any(
        c.amount is not None or c.amount_description for c in s.cost_options.all()
    )


def _assured(s: Service) -> bool:
    return s.assured_date is not None and (timezone.localdate() - s.assured_date).days <= 366


CHECKS: dict[str, tuple[str, Callable[[Service], bool]]] = {
    "address": ("An address, or an online or phone place", _address),
    "category": ("A need it meets", lambda s: bool(s.needs_met.all() or s.other_terms.all())),
    "contact": ("A way to contact it (email, phone or website)", _contact),
    "eligibility": (
        "Who it is for (an age range)",
        lambda s: s.minimum_age is not None or s.maximum_age is not None,
    ),
    "review_date": ("A review date that has not passed", lambda s: not stale(s)),
    "description": ("A description of at least 40 characters", lambda s: len(s.description) >= 40),
    "how_to_access": ("How families get it", lambda s: bool(s.how_to_access.strip())),
    "opening_times": ("Opening times", lambda s: bool(s.schedules.all())),
    "cost": ("What it costs, or that it is free", _cost),
    "area": ("The districts it covers", lambda s: bool(s.districts.all())),
    "assured": ("Checked (assured) in the last year", _assured),
}


def required_fields() -> tuple[str, ...]:
    names = getattr(settings, "TEAMAROUND_DIRECTORY_REQUIRED_FIELDS", DEFAULT_REQUIRED)
    return tuple(name for name in names if name in CHECKS)


def stale(service: Service) -> bool:
    """Past its review date: flagged to its editors (and hidden after the grace period)."""
    return service.review_date < timezone.localdate()


@dataclass(frozen=True)
class Quality:
    score: int  # 0 to 100: the share of CHECKS met
    missing_required: tuple[str, ...]  # labels
    missing_other: tuple[str, ...]
    stale: bool

    @property
    def complete(self) -> bool:
        return not self.missing_required


def service_quality(service: Service) -> Quality:
    required = required_fields()
    met = {name: check(service) for name, (_, check) in CHECKS.items()}
    return Quality(
        score=round(100 * sum(met.values()) / len(met)),
        missing_required=tuple(CHECKS[n][0] for n in required if not met[n]),
        missing_other=tuple(CHECKS[n][0] for n in CHECKS if n not in required and not met[n]),
        stale=stale(service),
    )
