"""Writes a checked Open Referral UK feed, namespaced by its source.

Records are found again by (source, id in the source's feed), so a re-import of the same
publisher's feed updates only that publisher's records. A new record keeps the publisher's id
as ours when no record here has it; when one does (a local record, or another publisher's),
ours is a UUID5 of the source and the publisher's id, so an import never overwrites a record
it does not own. Each record keeps what the publisher sent (`source_record`), so fields we do
not model are published again unchanged, and a service keeps the publisher's last_modified.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, time, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from teamaround.core.access import actor_user
from teamaround.core.models import AuditAction, District
from teamaround.core.updates import model_update
from teamaround.directory import geo
from teamaround.directory.models import (
    Contact,
    CostOption,
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from teamaround.directory.oruk.feed import ImportReport
from teamaround.directory.quality import service_quality
from teamaround.directory.services.audit_trail import audit_change
from teamaround.directory.services.search_text import search_text_for
from teamaround.directory.taxonomy import builtin_terms


def source_namespace(source: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"teamaround:oruk-source:{source}")


class FeedWriter:
    def __init__(self, actor, source: str):
        self.actor, self.user, self.source = actor, actor_user(actor), source
        self.report = ImportReport(source=source)
        self.terms = {str(t.id): t for t in builtin_terms()}
        self.organisations: dict[str, Organisation] = {}
        self.districts = {}
        for district in District.objects.all():
            self.districts[district.name.lower()] = district
            self.districts[district.code.lower()] = district

    def _new_pk(self, model, source_id: str) -> uuid.UUID:
        pk = uuid.UUID(source_id)
        if model.objects.filter(pk=pk).exists():
            return uuid.uuid5(source_namespace(self.source), source_id)
        return pk

    def _upsert(self, model, data: dict, values: dict):
        values = {**values, "source_record": data}
        record = model.objects.filter(source=self.source, source_id=data["id"]).first()
        if record is None:
            record = model.objects.create(
                id=self._new_pk(model, data["id"]),
                source=self.source,
                source_id=data["id"],
                created_by=self.user,
                updated_by=self.user,
                **values,
            )
            audit_change(self.actor, record, AuditAction.CREATE, {"source": [None, self.source]})
            return record, True
        changes = model_update(record, actor=self.actor, values=values)
        if changes:
            audit_change(self.actor, record, AuditAction.UPDATE, changes)
        return record, False

    def vocabulary(self, taxonomies: list[dict], terms: list[dict]) -> None:
        for data in taxonomies:
            Taxonomy.objects.update_or_create(
                pk=data["id"],
                defaults={
                    "name": data["name"][:200],
                    "description": data.get("description", ""),
                    "uri": data.get("uri", "")[:200],
                    "version": data.get("version", "")[:40],
                },
            )
            self.report.taxonomies += 1
        for data in terms:
            if data["id"] not in self.terms:
                self._foreign_term(data["id"], data)
                self.report.taxonomy_terms += 1

    def organisation(self, data: dict) -> Organisation:
        if data["id"] in self.organisations:
            return self.organisations[data["id"]]
        identifier = (data.get("organization_identifiers") or [{}])[0]
        values = {
            "name": data["name"][:200],
            "description": data.get("description") or data["name"],
            "email": data.get("email", "")[:254],
            "website": data.get("website", ""),
            "logo": data.get("logo", ""),
            "uri": data.get("uri", ""),
            "identifier_scheme": identifier.get("identifier_scheme", "")[:20],
            "identifier": identifier.get("identifier", "")[:40],
        }
        organisation, created = self._upsert(Organisation, data, values)
        if created:
            self.report.organisations_created += 1
        else:
            self.report.organisations_updated += 1
        self.organisations[data["id"]] = organisation
        return organisation

    def _organisation_for(self, data: dict) -> Organisation:
        if "organization" in data:
            return self.organisation(data["organization"])
        wanted = data["organization_id"]
        if wanted not in self.organisations:
            self.organisations[wanted] = Organisation.objects.get(
                source=self.source, source_id=wanted
            )
        return self.organisations[wanted]

    def service(self, data: dict) -> Service:
        organisation = self._organisation_for(data)
        assured = date.fromisoformat(data["assured_date"]) if data.get("assured_date") else None
        costs = data.get("cost_options", [])
        values = {
            "organisation": organisation,
            "name": data["name"][:200],
            "description": data.get("description") or data["name"],
            "url": data.get("url", "")[:200],
            "email": data.get("email", "")[:254],
            "status": data["status"],
            "minimum_age": _age(data.get("minimum_age")),
            "maximum_age": _age(data.get("maximum_age")),
            "assured_date": assured,
            "alert": data.get("alert", ""),
            "is_free": all(not c.get("amount") for c in costs) and not data.get("fees"),
            "fees": data.get("fees", ""),
            "languages": [
                " ".join(str(item["name"]).split())
                for item in data.get("languages", [])
                if isinstance(item, dict) and str(item.get("name") or "").strip()
            ],
            "source_modified": _moment(data.get("last_modified")),
        }
        existing = Service.objects.filter(source=self.source, source_id=data["id"]).first()
        if existing is None:
            values["review_date"] = (assured or timezone.localdate()) + timedelta(days=365)
        elif assured and assured != existing.assured_date:
            values["review_date"] = assured + timedelta(days=365)
        service, created = self._upsert(Service, data, values)
        if created:
            self.report.services_created += 1
        else:
            self.report.services_updated += 1
        self._terms(service, data.get("attributes", []))
        self._areas(service, data.get("service_areas", []))
        self._children(service, data)
        service.search_text = search_text_for(service)
        service.save(update_fields=["search_text"])
        missing = service_quality(service).missing_required
        if missing:
            self.report.notes.append(
                f"{service.name}: the council's required fields are missing ({'; '.join(missing)})"
            )
        return service

    def _terms(self, service: Service, attributes: list) -> None:
        needs, levels, others = [], [], []
        for attribute in attributes:
            term_id = attribute.get("taxonomy_term_id") or attribute["taxonomy_term"]["id"]
            ours = self.terms.get(term_id)
            if ours and ours.need_domain_id:
                needs.append(ours.need_domain_id)
            elif ours and ours.level_id:
                levels.append(ours.level_id)
            else:
                others.append(self._foreign_term(term_id, attribute.get("taxonomy_term")))
        service.needs_met.set(needs)
        service.levels.set(levels)
        service.other_terms.set(others)

    def _foreign_term(self, term_id: str, data: dict | None) -> TaxonomyTerm:
        if data is None:
            return TaxonomyTerm.objects.get(pk=term_id)
        taxonomy = None
        if data.get("taxonomy_id"):
            taxonomy, _ = Taxonomy.objects.get_or_create(
                pk=data["taxonomy_id"], defaults={"name": (data.get("taxonomy") or "Imported")}
            )
        term, _ = TaxonomyTerm.objects.update_or_create(
            pk=term_id,
            defaults={
                "name": data["name"][:200],
                "description": data.get("description", ""),
                "taxonomy": taxonomy,
                "taxonomy_name": (data.get("taxonomy") or "")[:200],
                "code": (data.get("term") or data.get("code") or "")[:120],
                "parent_id": data.get("parent_id"),
                "term_uri": (data.get("term_uri") or "")[:200],
            },
        )
        return term

    def _areas(self, service: Service, areas: list) -> None:
        found = []
        for area in areas:
            name = (area.get("name") or area.get("service_area") or "").strip().lower()
            district = self.districts.get(name)
            if district is None:
                shown = name if len(name) <= 60 else name[:57] + "..."
                self.report.notes.append(
                    f"{service.name}: area {shown or area['id']!r} is not one of our districts"
                )
            else:
                found.append(district)
        service.districts.set(found)

    def _children(self, service: Service, data: dict) -> None:
        service.service_at_locations.all().delete()
        for link in data.get("service_at_locations", []):
            location = self._location(service, link["location"])
            ServiceAtLocation.objects.create(
                pk=_child_pk(ServiceAtLocation, service, link["id"]),
                service=service,
                location=location,
            )
        _replace(
            service,
            CostOption,
            data.get("cost_options", []),
            lambda c: {
                "option": c.get("option", "")[:200],
                "amount_description": c.get("amount_description", "")[:200],
                "amount": Decimal(str(c["amount"])) if c.get("amount") is not None else None,
                "valid_from": parse_date(c["valid_from"]) if c.get("valid_from") else None,
                "valid_to": parse_date(c["valid_to"]) if c.get("valid_to") else None,
            },
        )
        _replace(
            service,
            Contact,
            data.get("contacts", []),
            lambda c: {"name": c.get("name", "")[:200], "title": c.get("title", "")[:200]},
        )
        weekly = [
            s
            for s in data.get("schedules", [])
            if s.get("freq", "WEEKLY") == "WEEKLY" and s.get("opens_at") and s.get("closes_at")
        ]
        if len(weekly) < len(data.get("schedules", [])):
            self.report.notes.append(
                f"{service.name}: only weekly opening times are searchable; the others are "
                "published as they came"
            )
        _replace(
            service,
            Schedule,
            weekly,
            lambda s: {
                "byday": s.get("byday", "MO,TU,WE,TH,FR")[:20],
                "description": s.get("description", "")[:200],
                "opens_at": _clock(s["opens_at"]),
                "closes_at": _clock(s["closes_at"]),
            },
        )

    def _location(self, service: Service, data: dict) -> Location:
        address = (data.get("addresses") or [{}])[0]
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if latitude is not None and not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            latitude = longitude = None  # reported as a note; not stored, nor published again
            data = {k: v for k, v in data.items() if k not in ("latitude", "longitude")}
        if latitude is None and address.get("postal_code"):
            latitude, longitude = geo.centroid_for_postcode(address["postal_code"]) or (None, None)
        values = {
            "location_type": data["location_type"],
            "name": (data.get("name") or service.name)[:200],
            "description": data.get("description", ""),
            "latitude": latitude,
            "longitude": longitude,
            "address_1": address.get("address_1", "")[:200],
            "city": address.get("city", "")[:100],
            "postcode": address.get("postal_code", "")[:10],
            "accessibility": " ".join(
                a.get("description", "") for a in data.get("accessibility", [])
            ),
        }
        if address.get("id"):
            values["address_id"] = uuid.UUID(address["id"])
        existing = Location.objects.filter(source=self.source, source_id=data["id"]).first()
        if existing is None:
            values["organisation"] = service.organisation
        location, created = self._upsert(Location, data, values)
        if created:
            self.report.locations_created += 1
        else:
            self.report.locations_updated += 1
        return location


def _child_pk(model, service: Service, child_id: str) -> uuid.UUID:
    """The publisher's id where it is free, else one namespaced by our service."""
    pk = uuid.UUID(child_id)
    if model.objects.filter(pk=pk).exists():
        return uuid.uuid5(service.pk, child_id)
    return pk


def _replace(service: Service, model, rows: list, values_for) -> None:
    model.objects.filter(service=service).delete()
    for row in rows:
        model.objects.create(
            pk=_child_pk(model, service, row["id"]), service=service, **values_for(row)
        )


def _clock(value: str) -> time:
    return time.fromisoformat(re.match(r"[0-9:]{5,8}", value).group(0))


def _moment(value: str | None):
    """The publisher's moment, in UTC (PostgreSQL holds offsets within +/-15:59 only)."""
    moment = parse_datetime(value) if value else None
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def _age(value) -> int | None:
    return None if value is None else int(value)
