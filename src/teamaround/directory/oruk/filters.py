"""The ORUK list filters, as the profile describes each one.

- `search`: every word in the name, description or provider.
- `taxonomy_term_id` / `taxonomy_id`: services with that term / any term of that taxonomy.
- `organization_id`: services that organisation provides.
- `minimum_age`: services whose minimum age is at least the value; `maximum_age`: whose
  maximum age is at most the value (numbers, as the profile types them).
- `day`, `start_time`, `end_time`: services with a session on that day, opening at or after
  `start_time` and closing at or before `end_time` (one session must meet all three).
- `postcode`: services whose service area (district) covers the postcode, or with a location
  in its outward code. A postcode we cannot place covers nothing: an empty list, never the
  whole directory.
- `proximity` (metres, with `postcode`): on /services, services with any location that near;
  on /service_at_locations, each row by its own location.
- `modified_after`: services last modified at or after the moment.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce

from teamaround.core.selectors import district_for_postcode
from teamaround.directory import geo, taxonomy
from teamaround.directory.models import Schedule, Service, ServiceAtLocation
from teamaround.directory.oruk.params import BadParameter, Params
from teamaround.directory.selectors.public import publicly_visible
from teamaround.directory.selectors.search import _with_term

METRES_PER_DEGREE = geo.MILES_PER_DEGREE * 1609.344


@dataclass
class Place:
    centroid: tuple[float, float] | None
    within_degrees2: float | None  # the proximity as a squared distance in degrees


def last_modified():
    """The moment a service last changed as published: the source's own for an imported
    service not edited here since, otherwise ours."""
    return Coalesce("source_modified", "updated_at")


def services(params: Params) -> tuple[QuerySet[Service], Place]:
    found = publicly_visible()
    for word in params.text("search").lower().split()[:8]:
        found = found.filter(search_text__contains=word[:100])
    term = params.uuid("taxonomy_term_id")
    if term is not None:
        found = _with_term(found, term)
    scheme = params.uuid("taxonomy_id")
    if scheme is not None:
        found = _in_taxonomy(found, scheme)
    organisation = params.uuid("organization_id")
    if organisation is not None:
        found = found.filter(organisation_id=organisation)
    low, high = params.number("minimum_age"), params.number("maximum_age")
    if low is not None:
        found = found.filter(minimum_age__gte=low)
    if high is not None:
        found = found.filter(maximum_age__lte=high)
    found = _open_when(found, params)
    after = params.moment("modified_after")
    if after is not None:
        found = found.alias(modified=last_modified()).filter(modified__gte=after)
    found, place = _covering(found, params)
    if place.centroid is not None:
        nearest = (
            ServiceAtLocation.objects.filter(service=OuterRef("pk"), **_located())
            .annotate(d2=geo.squared_distance(*place.centroid, *_coordinates()))
            .order_by("d2")
            .values("d2")[:1]
        )
        found = found.annotate(nearest=nearest)
        if place.within_degrees2 is not None:
            found = found.filter(nearest__lte=place.within_degrees2)
        found = found.order_by("nearest", "name", "id")
    else:
        found = found.order_by("name", "id")
    return found, place


def service_at_locations(params: Params) -> QuerySet[ServiceAtLocation]:
    found, place = services(params)
    links = ServiceAtLocation.objects.filter(service__in=found.order_by().values("pk"))
    if place.centroid is None:
        return links.order_by("service__name", "id")
    links = links.annotate(d2=geo.squared_distance(*place.centroid, *_coordinates()))
    if place.within_degrees2 is not None:
        links = links.filter(d2__lte=place.within_degrees2)
    return links.order_by("d2", "id")


def _coordinates() -> tuple[str, str]:
    return "location__latitude", "location__longitude"


def _located() -> dict:
    return {"location__latitude__isnull": False, "location__longitude__isnull": False}


def _in_taxonomy(found: QuerySet[Service], wanted) -> QuerySet[Service]:
    if wanted == taxonomy.NEEDS_TAXONOMY_ID:
        return found.filter(needs_met__isnull=False).distinct()
    if wanted == taxonomy.LEVELS_TAXONOMY_ID:
        return found.filter(levels__isnull=False).distinct()
    return found.filter(other_terms__taxonomy_id=wanted).distinct()


def _open_when(found: QuerySet[Service], params: Params) -> QuerySet[Service]:
    day = params.day()
    opens, closes = params.clock("start_time"), params.clock("end_time")
    if day is None and opens is None and closes is None:
        return found
    sessions = Schedule.objects.filter(service=OuterRef("pk"))
    if day is not None:
        sessions = sessions.filter(byday__contains=day)
    if opens is not None:
        sessions = sessions.filter(opens_at__gte=opens)
    if closes is not None:
        sessions = sessions.filter(closes_at__lte=closes)
    return found.filter(Exists(sessions))


def _covering(found: QuerySet[Service], params: Params) -> tuple[QuerySet[Service], Place]:
    postcode = params.postcode()
    proximity = params.number("proximity")
    if postcode is None:
        if proximity is not None:
            raise BadParameter("proximity", "needs a postcode to measure from")
        return found, Place(None, None)
    outward = geo.outward_code(postcode)
    district = district_for_postcode(outward)
    centroid = geo.centroid_for_postcode(postcode)
    # Two plain id lists, each read once, rather than one OR across outer joins of every
    # service to its areas and places (which the database cannot use an index for).
    here = ServiceAtLocation.objects.filter(location__outward_code=outward).values("service_id")
    covered = Q(pk__in=here)
    if district is not None:
        areas = Service.districts.through.objects.filter(district=district)
        covered |= Q(pk__in=areas.values("service_id"))
    found = found.filter(covered)
    if centroid is None:
        # A postcode we cannot place: no distance can be measured, so nothing is near it.
        return (found.none() if proximity is not None else found), Place(None, None)
    # Half the Earth's circumference covers everything: more is the same (and overflows).
    within = None if proximity is None else (min(proximity, 2e7) / METRES_PER_DEGREE) ** 2
    return found, Place(centroid, within)
