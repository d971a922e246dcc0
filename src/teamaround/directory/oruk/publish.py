"""The Directory in Open Referral UK's shape (HSDS 3.0 UK profile).

Built from public fields only: professional-only fields (referral routes, eligibility notes,
capacity) have no place in these functions, so no caller can leak them. Empty optional values
are left out rather than sent as "" (an empty email or URL would break the schema's formats).
"""

from __future__ import annotations

import uuid

from django.conf import settings

from teamaround.directory.models import Location, Organisation, Service, ServiceAtLocation
from teamaround.directory.oruk import spec
from teamaround.directory.taxonomy import level_term, need_term

# What a fully nested service reads, for prefetch_related.
FULL_PREFETCH = (
    "schedules",
    "districts",
    "cost_options",
    "contacts",
    "needs_met",
    "levels",
    "other_terms__taxonomy",
    "service_at_locations__location",
)


def _allowed(kind: str) -> frozenset[str]:
    if kind == "location":
        props = spec.schema("service_at_location")["properties"]["location"]["properties"]
    else:
        props = spec.schema(kind)["properties"]
    return frozenset(props) - {"services", "service", "location"}


def with_source(data: dict, record, kind: str) -> dict:
    """An imported record is published again with every field it arrived with: the fields we
    model are ours (an edit here wins), the rest are the publisher's, item by item in lists.
    Only fields of the form being published (`kind`'s schema) are added."""
    source = getattr(record, "source_record", None) or {}
    if not source:
        return data
    allowed = _allowed(kind)
    merged = {k: v for k, v in source.items() if k in allowed and k not in data}
    for key, value in data.items():
        theirs = source.get(key)
        if isinstance(value, list) and isinstance(theirs, list):
            by_id = {item.get("id"): item for item in theirs if isinstance(item, dict)}
            value = [{**by_id.get(item.get("id"), {}), **item} for item in value]
            if key == "schedules":  # those we keep no row for (monthly, dated...)
                ours = {item.get("id") for item in value}
                value += [item for item in theirs if item.get("id") not in ours]
        merged[key] = value
    return {key: merged[key] for key in _ordered(merged, source, data)}


def _ordered(merged: dict, source: dict, data: dict) -> list[str]:
    keys = [k for k in source if k in merged]
    return keys + [k for k in data if k not in keys]


def last_modified(svc: Service) -> str:
    moment = svc.source_modified or svc.updated_at
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def minimal_service(svc: Service) -> dict:
    return {"id": str(svc.id), "last_modified": last_modified(svc)}


def full_service(svc: Service) -> dict:
    return service(svc, full=True)


def _clean(values: dict) -> dict:
    return {key: value for key, value in values.items() if value not in (None, "", [])}


def _child_id(parent_id, label: str) -> str:
    return str(uuid.uuid5(uuid.UUID(str(parent_id)), label))


def organization(org: Organisation, *, full: bool = False) -> dict:
    data = _clean(
        {
            "id": str(org.id),
            "name": org.name,
            "description": org.description,
            "email": org.email,
            "website": org.website,
            "logo": org.logo,
            "uri": org.uri,
        }
    )
    if full and org.identifier:
        data["organization_identifiers"] = [
            {
                "id": _child_id(org.id, "identifier"),
                "organization_id": str(org.id),
                "identifier_scheme": org.identifier_scheme,
                "identifier_type": "Organisation identifier",
                "identifier": org.identifier,
            }
        ]
    return with_source(data, org, "organization" if full else "organization_list")


def service(svc: Service, *, full: bool = False) -> dict:
    data = _clean(
        {
            "id": str(svc.id),
            "organization_id": str(svc.organisation_id),
            "name": svc.name,
            "description": svc.description,
            "url": svc.url,
            "email": svc.email,
            "status": svc.status,
            "minimum_age": svc.minimum_age,
            "maximum_age": svc.maximum_age,
            "assured_date": svc.assured_date.isoformat() if svc.assured_date else None,
            "alert": svc.alert,
            "last_modified": last_modified(svc),
        }
    )
    data["organization"] = organization(svc.organisation)
    if not full:
        return with_source(data, svc, "service_list")
    data.update(
        _clean(
            {
                "schedules": [schedule(row) for row in svc.schedules.all()],
                "service_areas": [
                    {
                        "id": _child_id(svc.id, f"area:{d.code}"),
                        "service_id": str(svc.id),
                        "name": d.name,
                        "service_area": d.name,
                    }
                    for d in svc.districts.all()
                ],
                "service_at_locations": [
                    {
                        "id": str(link.id),
                        "service_id": str(svc.id),
                        "location_id": str(link.location_id),
                        "location": location(link.location),
                    }
                    for link in svc.service_at_locations.all()
                ],
                "cost_options": [
                    _clean(
                        {
                            "id": str(c.id),
                            "service_id": str(svc.id),
                            "option": c.option,
                            "amount": float(c.amount) if c.amount is not None else None,
                            "amount_description": c.amount_description,
                            "valid_from": c.valid_from.isoformat() if c.valid_from else None,
                            "valid_to": c.valid_to.isoformat() if c.valid_to else None,
                        }
                    )
                    for c in svc.cost_options.all()
                ],
                "contacts": [
                    _clean(
                        {
                            "id": str(c.id),
                            "service_id": str(svc.id),
                            "name": c.name,
                            "title": c.title,
                        }
                    )
                    for c in svc.contacts.all()
                ],
                "attributes": attributes(svc),
                "fees": svc.fees,
                "languages": languages(svc),
            }
        )
    )
    data["organization"] = organization(svc.organisation, full=True)
    return with_source(data, svc, "service")


def languages(svc: Service) -> list[dict]:
    """The languages it is delivered in. The UK profile's `language` holds only ids; the name
    and ISO code are HSDS 3's (the profile allows more properties). An imported service whose
    languages have not been edited here publishes the publisher's own (see with_source)."""
    if (svc.source_record or {}).get("languages"):
        return []
    return [
        {
            "id": _child_id(svc.id, f"language:{name.lower()}"),
            "service_id": str(svc.id),
            "name": name,
        }
        for name in svc.languages or []
    ]


def schedule(row) -> dict:
    return _clean(
        {
            "id": str(row.id),
            "service_id": str(row.service_id),
            "freq": "WEEKLY",
            "interval": 1,
            "byday": row.byday,
            "opens_at": row.opens_at.strftime("%H:%M:%S"),
            "closes_at": row.closes_at.strftime("%H:%M:%S"),
            "description": row.description,
        }
    )


def attributes(svc: Service) -> list[dict]:
    terms = [term_dict(need_term(d)) for d in svc.needs_met.all()]
    terms += [term_dict(level_term(level)) for level in svc.levels.all()]
    terms += [foreign_term(t) for t in svc.other_terms.all()]
    return [
        {
            "id": _child_id(svc.id, f"attribute:{t['id']}"),
            "link_id": str(svc.id),
            "taxonomy_term_id": t["id"],
            "link_type": "service",
            "taxonomy_term": t,
        }
        for t in terms
    ]


def term_dict(term) -> dict:
    return _clean(
        {
            "id": str(term.id),
            "name": term.name,
            "description": term.description,
            "taxonomy": term.taxonomy,
            "taxonomy_id": str(term.taxonomy_id),
            "term": term.code,
        }
    )


def foreign_term(term) -> dict:
    return _clean(
        {
            "id": str(term.id),
            "name": term.name,
            "description": term.description or term.name,
            "parent_id": str(term.parent_id) if term.parent_id else None,
            "taxonomy": term.taxonomy.name if term.taxonomy_id else term.taxonomy_name,
            "taxonomy_id": str(term.taxonomy_id) if term.taxonomy_id else None,
            "term_uri": term.term_uri,
            "term": term.code,
        }
    )


def location(loc: Location) -> dict:
    data = _clean(
        {
            "id": str(loc.id),
            "location_type": loc.location_type,
            "name": loc.name,
            "description": loc.description,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
        }
    )
    if loc.address_1 and loc.city and loc.postcode:
        data["addresses"] = [
            {
                "id": str(loc.address_id),
                "location_id": str(loc.id),
                "address_1": loc.address_1,
                "city": loc.city,
                "state_province": county_name(),
                "postal_code": loc.postcode,
                "country": "GB",
                "address_type": "physical",
            }
        ]
        theirs = (loc.source_record or {}).get("addresses") or [{}]
        if theirs[0].get("id") == str(loc.address_id):
            # Where the publisher said, not our defaults (their address may be elsewhere).
            for name in ("state_province", "country", "address_type"):
                if theirs[0].get(name):
                    data["addresses"][0][name] = theirs[0][name]
    if loc.accessibility:
        data["accessibility"] = [
            {
                "id": _child_id(loc.id, "accessibility"),
                "location_id": str(loc.id),
                "description": loc.accessibility,
            }
        ]
        theirs = (loc.source_record or {}).get("accessibility") or []
        if " ".join(a.get("description", "") for a in theirs) == loc.accessibility:
            data["accessibility"] = theirs  # as the publisher gave it, details and all
    return with_source(data, loc, "location")


def service_at_location(link: ServiceAtLocation, *, full: bool = False) -> dict:
    return {
        "id": str(link.id),
        "service_id": str(link.service_id),
        "location_id": str(link.location_id),
        "location": location(link.location),
        "service": service(link.service, full=full),
    }


def full_service_at_location(link: ServiceAtLocation) -> dict:
    return service_at_location(link, full=True)


def county_name() -> str:
    return settings.TEAMAROUND_COUNCIL_NAME.replace(" County Council", "").replace(" Council", "")
