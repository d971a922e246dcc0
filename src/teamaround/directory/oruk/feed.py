"""Importing Open Referral UK documents from another publisher.

Any conformant document is read: a service (fully nested or not), an organisation with its
services, a service_at_location, a taxonomy with its terms, a taxonomy term, a page of any of
these (`{"contents": [...]}`), a list, NDJSON (one record a line), or a bundle
`{"services": [...], "organizations": [...], "taxonomies": [...], "taxonomy_terms": [...]}`.

The whole document is checked first against the profile's own JSON schemas, then for what a
schema cannot see (duplicate ids, organisations or terms that are neither in the feed nor
imported before from the same source, impossible age ranges, links that are not http(s),
values longer than we can store: never silently cut).
Every problem is reported, each with its path; a document with any problem is rejected whole
and nothing is written. A good one is written in one transaction, namespaced by its source.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.dateparse import parse_date

from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.directory.models import Organisation, TaxonomyTerm
from teamaround.directory.oruk.feed_checks import (
    Problem,
    coordinate_problems,
    length_problems,
    link_problems,
    schema_problems,
)
from teamaround.directory.oruk.spec import CLOCK
from teamaround.directory.taxonomy import builtin_terms

BUNDLE_KEYS = {
    "services": "service",
    "organizations": "organization",
    "service_at_locations": "service_at_location",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
}
__all__ = ["FeedRejected", "ImportReport", "Problem", "oruk_feed_import", "read_document"]


class FeedRejected(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the feed; nothing was imported.")
        self.problems = problems


@dataclass
class ImportReport:
    source: str = ""
    organisations_created: int = 0
    organisations_updated: int = 0
    services_created: int = 0
    services_updated: int = 0
    locations_created: int = 0
    locations_updated: int = 0
    taxonomies: int = 0
    taxonomy_terms: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class Feed:
    services: list[dict] = field(default_factory=list)
    organisations: list[dict] = field(default_factory=list)
    taxonomies: list[dict] = field(default_factory=list)
    terms: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    wheres: dict[int, str] = field(default_factory=dict)  # id(record) -> its path

    def where(self, record: dict) -> str:
        return self.wheres.get(id(record), "feed")


def read_document(text: str):
    """JSON, or NDJSON (one JSON record a line)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as whole:
        records = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                problem = Problem(f"line {number}", f"is not JSON ({whole.msg})")
                raise FeedRejected([problem]) from None
        if not records:
            raise FeedRejected([Problem("feed", "is empty")]) from None
        return records


def kind_of(record) -> str | None:
    if not isinstance(record, dict):
        return None
    keys = set(record)
    if {"location", "service"} <= keys:
        return "service_at_location"
    if "status" in keys:
        return "service"
    organisation = {"services", "website", "logo", "parent_organization_id", "legal_status"}
    if keys & (organisation | {"organization_identifiers"}):
        return "organization"
    if keys & {"taxonomy_terms", "version"}:
        return "taxonomy"
    if keys & {"term", "term_uri", "parent_id", "taxonomy", "taxonomy_id", "code"}:
        return "taxonomy_term"
    return None


def feed_parts(document) -> Feed:
    feed = Feed()
    if isinstance(document, list):
        for i, record in enumerate(document):
            _add(feed, record, f"[{i}]")
    elif isinstance(document, dict) and isinstance(document.get("contents"), list):
        for i, record in enumerate(document["contents"]):
            _add(feed, record, f"contents[{i}]")
    elif isinstance(document, dict) and "id" not in document and set(document) & set(BUNDLE_KEYS):
        for key, kind in BUNDLE_KEYS.items():
            rows = document.get(key, [])
            if not isinstance(rows, list):
                feed.problems.append(Problem(key, "must be a list"))
                continue
            for i, record in enumerate(rows):
                _add(feed, record, f"{key}[{i}]", expected=kind)
    elif isinstance(document, dict):
        _add(feed, document, kind_of(document) or "feed")
    else:
        feed.problems.append(Problem("feed", "is not an Open Referral UK document"))
    return feed


def _add(feed: Feed, record, where: str, expected: str | None = None) -> None:
    kind = expected or kind_of(record)
    if kind is None or not isinstance(record, dict):
        feed.problems.append(
            Problem(
                where,
                "is not an ORUK service, service_at_location, organization, taxonomy or "
                "taxonomy term (none of their fields is there)",
            )
        )
        return
    problems = schema_problems(where, record, kind) + link_problems(where, record)
    problems += length_problems(where, record, kind)
    if kind == "service":
        problems += _value_problems(where, record)
    elif kind == "service_at_location" and isinstance(record.get("service"), dict):
        problems += _value_problems(f"{where}.service", record["service"])
    feed.problems += problems
    if problems:
        return
    feed.wheres[id(record)] = where
    if kind == "service":
        feed.services.append(record)
    elif kind == "service_at_location":
        service = {**record["service"], "service_at_locations": [_link(record)]}
        feed.wheres[id(service)] = where + ".service"
        feed.services.append(service)
    elif kind == "organization":
        feed.organisations.append({k: v for k, v in record.items() if k != "services"})
        for j, service in enumerate(record.get("services", [])):
            if isinstance(service, dict):
                service = {"organization_id": record["id"], **service}
            _add(feed, service, f"{where}.services[{j}]", expected="service")
    elif kind == "taxonomy":
        feed.taxonomies.append({k: v for k, v in record.items() if k != "taxonomy_terms"})
        for term in record.get("taxonomy_terms", []):
            term = {"taxonomy_id": record["id"], **term}
            feed.wheres[id(term)] = where + ".taxonomy_terms"
            feed.terms.append(term)
    else:
        feed.terms.append(record)


def _link(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "service"}


def feed_problems(feed: Feed, source: str) -> list[Problem]:
    problems = list(feed.problems)
    problems += _duplicates(feed)
    known_orgs = {o["id"] for o in feed.organisations}
    known_orgs |= {s["organization"]["id"] for s in feed.services if "organization" in s}
    wanted = {s["organization_id"] for s in feed.services if "organization_id" in s}
    earlier = Organisation.objects.filter(source=source, source_id__in=wanted - known_orgs)
    known_orgs |= {str(pk) for pk in earlier.values_list("source_id", flat=True)}
    known_terms = {str(t.id) for t in builtin_terms()} | {t["id"] for t in feed.terms}
    known_terms |= {
        a["taxonomy_term"]["id"]
        for s in feed.services
        for a in s.get("attributes", [])
        if "taxonomy_term" in a
    }
    for service in feed.services:
        where = feed.where(service)
        org_id = service.get("organization_id") or service.get("organization", {}).get("id")
        if not org_id:
            problems.append(Problem(where, "has no organization_id or organization"))
        elif org_id not in known_orgs:
            problems.append(
                Problem(
                    f"{where}.organization_id",
                    f"organisation {org_id} is not in the feed (nor imported from {source})",
                )
            )
        for j, attribute in enumerate(service.get("attributes", [])):
            term_id = attribute.get("taxonomy_term_id") or attribute.get("taxonomy_term", {}).get(
                "id"
            )
            if not term_id:
                problems.append(Problem(f"{where}.attributes[{j}]", "has no taxonomy term"))
            elif (
                term_id not in known_terms and not TaxonomyTerm.objects.filter(pk=term_id).exists()
            ):
                problems.append(
                    Problem(
                        f"{where}.attributes[{j}].taxonomy_term_id",
                        f"taxonomy term {term_id} is unknown",
                    )
                )
        for j, link in enumerate(service.get("service_at_locations", [])):
            feed.notes += coordinate_problems(
                f"{where}.service_at_locations[{j}].location", link.get("location", {})
            )
    return problems


def _value_problems(where: str, service: dict) -> list[Problem]:
    """What the schema types loosely but we must store exactly."""
    problems = []
    low, high = service.get("minimum_age"), service.get("maximum_age")
    for name, value in (("minimum_age", low), ("maximum_age", high)):
        if value is not None and not 0 <= value <= 150:
            problems.append(Problem(f"{where}.{name}", f"{value} is not an age from 0 to 150"))
    if low is not None and high is not None and low > high:
        problems.append(Problem(f"{where}.maximum_age", "is less than minimum_age"))
    for j, cost in enumerate(service.get("cost_options", [])):
        amount = cost.get("amount")
        if amount is not None and not 0 <= amount < 1_000_000:
            problems.append(
                Problem(
                    f"{where}.cost_options[{j}].amount", f"{amount} is not a charge we can hold"
                )
            )
        dates = {}
        for name in ("valid_from", "valid_to"):
            value = cost.get(name)
            try:
                dates[name] = parse_date(value) if isinstance(value, str) and value else None
            except ValueError:
                dates[name] = None
            if isinstance(value, str) and value and dates[name] is None:
                problems.append(
                    Problem(f"{where}.cost_options[{j}].{name}", f"{value!r} is not a date")
                )
        start, end = dates.get("valid_from"), dates.get("valid_to")
        if start and end and end < start:
            problems.append(Problem(f"{where}.cost_options[{j}].valid_to", "is before valid_from"))
    for j, schedule in enumerate(service.get("schedules", [])):
        for name in ("opens_at", "closes_at"):
            value = schedule.get(name)
            if value is not None and not re.fullmatch(CLOCK, value):
                problems.append(
                    Problem(f"{where}.schedules[{j}].{name}", f"{value!r} is not a time (HH:MM)")
                )
    return problems


def _duplicates(feed: Feed) -> list[Problem]:
    problems = []
    groups = {
        "services": [s["id"] for s in feed.services if not _from_link(feed, s)],
        "organizations": [o["id"] for o in feed.organisations],
        "service_at_locations": [
            link["id"] for s in feed.services for link in s.get("service_at_locations", [])
        ],
    }
    for label, ids in groups.items():
        for value, count in Counter(ids).items():
            if count > 1:
                problems.append(Problem(label, f"id {value} appears {count} times"))
    return problems


def _from_link(feed: Feed, service: dict) -> bool:
    return feed.where(service).endswith(".service")


def oruk_feed_import(
    *,
    actor,
    feed,
    source: str = "imported feed",
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Check the whole document, then write it in one transaction, namespaced by `source`.
    Raises FeedRejected (writing nothing but the audited rejection) if any problem is found."""
    require(actor, "directory.manage_directory", what="import a directory feed")
    source = (source or "").strip()[:200]
    parts = feed_parts(feed)
    problems = feed_problems(parts, source) if source else [Problem("source", "is missing")]
    if problems:
        audit_record(
            action=AuditAction.REFUSED,
            actor=actor,
            object_type="directory.feed",
            summary=f"Rejected an Open Referral feed with {len(problems)} problem(s)",
        )
        raise FeedRejected(problems)
    return _write(actor, parts, source, progress)


@transaction.atomic
def _write(actor, parts: Feed, source: str, progress) -> ImportReport:
    from teamaround.directory.oruk.feed_writer import FeedWriter

    writer = FeedWriter(actor, source)
    writer.report.notes += parts.notes
    writer.vocabulary(parts.taxonomies, parts.terms)
    for organisation in parts.organisations:
        writer.organisation(organisation)
    services = _merged(parts.services)
    for done, service in enumerate(services, start=1):
        writer.service(service)
        if progress:
            progress(done, len(services))
    report = writer.report
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        object_type="directory.feed",
        object_id=str(uuid.uuid4()),
        summary=f"Imported an Open Referral feed: {report.services_created} services "
        f"added, {report.services_updated} updated",
    )
    return report


def _merged(services: list[dict]) -> list[dict]:
    """One record per service: a service met in several service_at_locations has them all."""
    by_id: dict[str, dict] = {}
    for service in services:
        seen = by_id.get(service["id"])
        if seen is None:
            by_id[service["id"]] = {**service}
        else:
            links = seen.get("service_at_locations", []) + service.get("service_at_locations", [])
            by_id[service["id"]] = {**seen, **service, "service_at_locations": links}
    return list(by_id.values())
