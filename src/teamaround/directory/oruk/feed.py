"""Importing an Open Referral UK JSON feed from another publisher.

The whole feed is checked first: the profile's required fields, id formats and enumerations
(jsonschema), then what the schema cannot see (duplicate ids, organisations that exist
neither in the feed nor in the directory, unknown taxonomy terms, impossible age ranges).
A feed with any problem is rejected with every problem listed and nothing written. A good
feed is upserted by ORUK id, so importing it twice creates nothing twice.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from jsonschema import Draft202012Validator, FormatChecker

from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.directory.models import Organisation, TaxonomyTerm
from teamaround.directory.oruk.feed_schema import ORGANIZATION, SERVICE
from teamaround.directory.taxonomy import builtin_terms

_service_schema = Draft202012Validator(SERVICE, format_checker=FormatChecker())
_organisation_schema = Draft202012Validator(ORGANIZATION, format_checker=FormatChecker())


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class FeedRejected(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the feed; nothing was imported.")
        self.problems = problems


@dataclass
class ImportReport:
    organisations_created: int = 0
    organisations_updated: int = 0
    services_created: int = 0
    services_updated: int = 0
    locations_created: int = 0
    locations_updated: int = 0
    notes: list[str] = field(default_factory=list)


def feed_parts(feed) -> tuple[list, list, list[Problem]]:
    """Services and organisations from a list of services, a page ({"contents": [...]}) or
    {"services": [...], "organizations": [...]}."""
    if isinstance(feed, list):
        return feed, [], []
    if isinstance(feed, dict) and isinstance(feed.get("contents"), list):
        return feed["contents"], [], []
    if isinstance(feed, dict) and isinstance(feed.get("services"), list):
        organisations = feed.get("organizations", [])
        if isinstance(organisations, list):
            return feed["services"], organisations, []
    where = Problem(
        "feed",
        "Expected a list of services, a page with contents, or an object "
        "with services (and optionally organizations).",
    )
    return [], [], [where]


def feed_problems(services: list, organisations: list) -> list[Problem]:
    problems = _schema_problems("organizations", organisations, _organisation_schema)
    problems += _schema_problems("services", services, _service_schema)
    if problems:
        return problems  # references cannot be checked until the shapes are right
    problems += _duplicates(services, organisations)
    known_orgs = {o["id"] for o in organisations}
    known_orgs |= {s["organization"]["id"] for s in services if "organization" in s}
    wanted = {s["organization_id"] for s in services if "organization_id" in s} - known_orgs
    in_directory = {
        str(pk) for pk in Organisation.objects.filter(pk__in=wanted).values_list("pk", flat=True)
    }
    known_terms = {str(t.id) for t in builtin_terms()} | _feed_terms(services)
    for i, service in enumerate(services):
        where = f"services[{i}]"
        org_id = service.get("organization_id") or service.get("organization", {}).get("id")
        if not org_id:
            problems.append(Problem(where, "no organization_id or organization"))
        elif org_id not in known_orgs and org_id not in in_directory:
            problems.append(
                Problem(
                    f"{where}.organization_id",
                    f"organisation {org_id} is not in the feed or the directory",
                )
            )
        low, high = service.get("minimum_age"), service.get("maximum_age")
        if low is not None and high is not None and low > high:
            problems.append(Problem(f"{where}.maximum_age", "is less than minimum_age"))
        for j, attribute in enumerate(service.get("attributes", [])):
            term_id = attribute.get("taxonomy_term_id") or attribute.get("taxonomy_term", {}).get(
                "id"
            )
            if not term_id:
                problems.append(Problem(f"{where}.attributes[{j}]", "no taxonomy term"))
            elif (
                term_id not in known_terms and not TaxonomyTerm.objects.filter(pk=term_id).exists()
            ):
                problems.append(
                    Problem(
                        f"{where}.attributes[{j}].taxonomy_term_id",
                        f"taxonomy term {term_id} is unknown",
                    )
                )
    return problems


def _schema_problems(label: str, rows: list, validator) -> list[Problem]:
    problems = []
    for i, row in enumerate(rows):
        for error in sorted(validator.iter_errors(row), key=lambda e: e.json_path):
            path = f"{label}[{i}]{error.json_path[1:]}"
            problems.append(Problem(path, _plain_message(error)))
    return problems


def _plain_message(error) -> str:
    if error.validator == "required":
        return error.message.replace("is a required property", "is missing (required)")
    if error.validator == "format":
        return f"{error.instance!r} is not a valid {error.validator_value}"
    return error.message


def _duplicates(services: list, organisations: list) -> list[Problem]:
    problems = []
    for label, ids in (
        ("services", [s["id"] for s in services]),
        ("organizations", [o["id"] for o in organisations]),
    ):
        for value, count in Counter(ids).items():
            if count > 1:
                problems.append(Problem(label, f"id {value} appears {count} times"))
    links = [link["id"] for s in services for link in s.get("service_at_locations", [])]
    for value, count in Counter(links).items():
        if count > 1:
            problems.append(Problem("service_at_locations", f"id {value} appears {count} times"))
    return problems


def _feed_terms(services: list) -> set[str]:
    return {
        a["taxonomy_term"]["id"]
        for s in services
        for a in s.get("attributes", [])
        if "taxonomy_term" in a
    }


def oruk_feed_import(*, actor, feed, progress: Callable[[int, int], None] | None = None):
    """Check the whole feed, then upsert it in one transaction. Raises FeedRejected (writing
    nothing but the audited rejection) if any problem is found."""
    require(actor, "directory.manage_directory", what="import a directory feed")
    services, organisations, problems = feed_parts(feed)
    problems = problems or feed_problems(services, organisations)
    if problems:
        audit_record(
            action=AuditAction.REFUSED,
            actor=actor,
            object_type="directory.feed",
            summary=f"Rejected an Open Referral feed with {len(problems)} problem(s)",
        )
        raise FeedRejected(problems)
    return _write(actor, services, organisations, progress)


@transaction.atomic
def _write(actor, services, organisations, progress) -> ImportReport:
    from teamaround.directory.oruk.feed_writer import FeedWriter

    writer = FeedWriter(actor)
    for organisation in organisations:
        writer.organisation(organisation)
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
