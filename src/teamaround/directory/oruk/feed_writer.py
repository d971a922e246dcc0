"""Writes a checked Open Referral UK feed: upserts by ORUK id, so a second import of the same
feed changes nothing, and each record created or changed is audited."""

from __future__ import annotations

import uuid
from datetime import date, time, timedelta
from decimal import Decimal

from django.utils import timezone

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
from teamaround.directory.services.audit_trail import audit_change
from teamaround.directory.services.search_text import search_text_for
from teamaround.directory.taxonomy import builtin_terms


class FeedWriter:
    def __init__(self, actor):
        self.actor, self.user = actor, actor_user(actor)
        self.report = ImportReport()
        self.terms = {str(t.id): t for t in builtin_terms()}
        self.districts = {}
        for district in District.objects.all():
            self.districts[district.name.lower()] = district
            self.districts[district.code.lower()] = district

    def _upsert(self, model, pk, values: dict, *, label: str):
        record = model.objects.filter(pk=pk).first()
        if record is None:
            record = model.objects.create(
                id=pk, created_by=self.user, updated_by=self.user, **values
            )
            audit_change(self.actor, record, AuditAction.CREATE, {"source": [None, "feed"]})
            return record, True
        changes = model_update(record, actor=self.actor, values=values)
        if changes:
            audit_change(self.actor, record, AuditAction.UPDATE, changes)
        return record, False

    def organisation(self, data: dict) -> Organisation:
        values = {
            "name": data["name"],
            "description": data.get("description") or data["name"],
            "email": data.get("email", ""),
            "website": data.get("website", "")[:200],
        }
        organisation, created = self._upsert(Organisation, data["id"], values, label="org")
        if created:
            self.report.organisations_created += 1
        else:
            self.report.organisations_updated += 1
        return organisation

    def service(self, data: dict) -> Service:
        if "organization" in data:
            organisation = self.organisation(data["organization"])
        else:
            organisation = Organisation.objects.get(pk=data["organization_id"])
        assured = date.fromisoformat(data["assured_date"]) if data.get("assured_date") else None
        costs = data.get("cost_options", [])
        values = {
            "organisation": organisation,
            "name": data["name"],
            "description": data.get("description") or data["name"],
            "url": data.get("url", ""),
            "email": data.get("email", ""),
            "status": data["status"],
            "minimum_age": _age(data.get("minimum_age")),
            "maximum_age": _age(data.get("maximum_age")),
            "assured_date": assured,
            "alert": data.get("alert", ""),
            "is_free": all(not c.get("amount") for c in costs) and not data.get("fees"),
        }
        existing = Service.objects.filter(pk=data["id"]).first()
        if existing is None:
            values["review_date"] = (assured or timezone.localdate()) + timedelta(days=365)
        elif assured and assured != existing.assured_date:
            values["review_date"] = assured + timedelta(days=365)
        service, created = self._upsert(Service, data["id"], values, label="service")
        if created:
            self.report.services_created += 1
        else:
            self.report.services_updated += 1
        self._terms(service, data.get("attributes", []))
        self._areas(service, data.get("service_areas", []))
        self._children(service, data)
        service.search_text = search_text_for(service)
        service.save(update_fields=["search_text"])
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
                pk=data["taxonomy_id"], defaults={"name": data.get("taxonomy") or "Imported"}
            )
        term, _ = TaxonomyTerm.objects.update_or_create(
            pk=term_id,
            defaults={
                "name": data["name"],
                "description": data.get("description", ""),
                "taxonomy": taxonomy,
                "taxonomy_name": data.get("taxonomy", ""),
                "code": data.get("term", ""),
                "parent_id": data.get("parent_id"),
            },
        )
        return term

    def _areas(self, service: Service, areas: list) -> None:
        found = []
        for area in areas:
            name = (area.get("name") or area.get("service_area") or "").strip().lower()
            district = self.districts.get(name)
            if district is None:
                self.report.notes.append(
                    f"{service.name}: area {name or area['id']!r} is not one of our districts"
                )
            else:
                found.append(district)
        service.districts.set(found)

    def _children(self, service: Service, data: dict) -> None:
        keep = []
        for link in data.get("service_at_locations", []):
            location = self._location(service, link["location"])
            ServiceAtLocation.objects.update_or_create(
                pk=link["id"], defaults={"service": service, "location": location}
            )
            keep.append(link["id"])
        service.service_at_locations.exclude(pk__in=keep).delete()
        _sync(
            service.cost_options,
            CostOption,
            data.get("cost_options", []),
            lambda c: {
                "option": c.get("option", ""),
                "amount_description": c.get("amount_description", ""),
                "amount": Decimal(str(c["amount"])) if c.get("amount") is not None else None,
            },
        )
        _sync(
            service.contacts,
            Contact,
            data.get("contacts", []),
            lambda c: {"name": c.get("name", ""), "title": c.get("title", "")},
        )
        weekly = [
            s
            for s in data.get("schedules", [])
            if s.get("freq", "WEEKLY") == "WEEKLY" and s.get("opens_at") and s.get("closes_at")
        ]
        if len(weekly) < len(data.get("schedules", [])):
            self.report.notes.append(f"{service.name}: only weekly opening times were imported")
        _sync(
            service.schedules,
            Schedule,
            weekly,
            lambda s: {
                "byday": s.get("byday", "MO,TU,WE,TH,FR")[:20],
                "description": s.get("description", "")[:200],
                "opens_at": time.fromisoformat(s["opens_at"]),
                "closes_at": time.fromisoformat(s["closes_at"]),
            },
        )

    def _location(self, service: Service, data: dict) -> Location:
        address = (data.get("addresses") or [{}])[0]
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if latitude is None and address.get("postal_code"):
            latitude, longitude = geo.centroid_for_postcode(address["postal_code"]) or (None, None)
        values = {
            "location_type": data["location_type"],
            "name": data.get("name") or service.name,
            "description": data.get("description", ""),
            "latitude": latitude,
            "longitude": longitude,
            "address_1": address.get("address_1", ""),
            "city": address.get("city", ""),
            "postcode": address.get("postal_code", "")[:10],
            "accessibility": " ".join(
                a.get("description", "") for a in data.get("accessibility", [])
            ),
        }
        if address.get("id"):
            values["address_id"] = uuid.UUID(address["id"])
        existing = Location.objects.filter(pk=data["id"]).exists()
        if not existing:
            values["organisation"] = service.organisation
        location, created = self._upsert(Location, data["id"], values, label="location")
        if created:
            self.report.locations_created += 1
        return location


def _sync(related, model, rows: list, values_for) -> None:
    keep = []
    for row in rows:
        model.objects.update_or_create(
            pk=row["id"], defaults={"service": related.instance, **values_for(row)}
        )
        keep.append(row["id"])
    related.exclude(pk__in=keep).delete()


def _age(value) -> int | None:
    return None if value is None else int(value)
