"""Services, their places and opening times: create, change, archive.

Administrators may change any service; a provider's nominated editor only their own
organisation's (checked here with the record, so pages and the API refuse alike and the
refusal is audited).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from decimal import Decimal

from django.utils import timezone

from teamaround.core.access import SYSTEM, actor_user, require, use_case
from teamaround.core.audit import changed_fields
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.updates import version_claim
from teamaround.directory import geo
from teamaround.directory.models import (
    AccessRoute,
    CostOption,
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
    Weekday,
)
from teamaround.directory.oruk.feed_checks import safe_url
from teamaround.directory.quality import required_fields
from teamaround.directory.services.approvals import change_hold, waits_for_approval
from teamaround.directory.services.audit_trail import audit_change, ids
from teamaround.directory.services.feed_fields import forget_source_fields
from teamaround.directory.services.search_text import search_text_for

RELATIONS = ("levels", "needs_met", "districts")


def service_create(
    *,
    actor,
    organisation: Organisation,
    cost_amount: Decimal | None = None,
    cost_description: str = "",
    **values,
) -> Service:
    with use_case(actor, "directory.edit_services", organisation, what="add a directory service"):
        relations = {name: list(values.pop(name, [])) for name in RELATIONS}
        person = actor is not SYSTEM
        _check(values, relations, cost_amount, cost_description, new=person, profile=person)
        service = Service(
            organisation=organisation,
            created_by=actor_user(actor),
            updated_by=actor_user(actor),
            **values,
        )
        service.save()
        for name, rows in relations.items():
            getattr(service, name).set(rows)
        _set_cost(service, cost_amount, cost_description)
        service.search_text = search_text_for(service)
        service.save(update_fields=["search_text"])
        audit_change(
            actor,
            service,
            AuditAction.CREATE,
            {name: [[], ids(rows)] for name, rows in relations.items()},
        )
        return service


def service_update(
    *,
    actor,
    service: Service,
    cost_amount: Decimal | None = None,
    cost_description: str | None = None,
    version: int | None = None,
    **values,
) -> Service:
    """Change a service from the version the editor read (None: as read here); if someone
    else saved it since, a StaleVersion and nothing is written."""
    with use_case(actor, "directory.edit_services", service, what="change a directory service"):
        if service.is_archived:
            raise DomainError("This service is archived and cannot be changed.")
        if "organisation" in values and values["organisation"] != service.organisation:
            require(
                actor, "directory.manage_directory", what="move a service between organisations"
            )
        relations = {name: list(values.pop(name)) for name in RELATIONS if name in values}
        edited = [*values, *relations]
        if cost_amount is not None or cost_description is not None:
            edited.append("cost_options")
        merged = {f: getattr(service, f) for f in CHECKED_FIELDS}
        merged.update(values)
        merged["contacts_reachable"] = any(c.phone or c.email for c in service.contacts.all())
        if cost_description is None:
            current = service.cost_options.first()
            cost_amount = cost_amount if cost_amount is not None else (current and current.amount)
            cost_description = current.amount_description if current else ""
        new_review = values.get("review_date") not in (None, service.review_date)
        _check(
            merged,
            relations or None,
            cost_amount,
            cost_description,
            new=new_review,
            profile=actor is not SYSTEM,
        )
        held = None
        if waits_for_approval(actor):
            bundle = {**values, **relations}
            bundle |= {"cost_amount": cost_amount, "cost_description": cost_description}
            held = change_hold(actor=actor, service=service, values=bundle)
            values = {name: value for name, value in values.items() if name in bundle}
            relations = {}
            current = service.cost_options.first()
            cost_amount = current.amount if current else None
            cost_description = current.amount_description if current else ""
            edited = [name for name in edited if name in values]
        changes = changed_fields(service, values)
        for name, rows in relations.items():
            before = ids(getattr(service, name).all())
            if before != ids(rows):
                changes[name] = [before, ids(rows)]
        cost = _cost_after(merged, cost_amount, cost_description)
        if changes or cost != _cost_of(service):
            submitted = values | relations | {"cost_amount": cost[0], "cost_description": cost[1]}
            version_claim(service, expected_version=version, submitted=submitted, what="service")
        for name, value in values.items():
            setattr(service, name, value)
        forget_source_fields(service, edited)
        service.updated_by = actor_user(actor)
        service.save()
        for name, rows in relations.items():
            getattr(service, name).set(rows)
        _set_cost(service, cost_amount, cost_description)
        service.search_text = search_text_for(service)
        service.save(update_fields=["search_text"])
        audit_change(actor, service, AuditAction.UPDATE, changes)
        service.held_change = held
        return service


def service_archive(*, actor, service: Service, reason: str) -> Service:
    with use_case(actor, "directory.edit_services", service, what="archive a directory service"):
        if not (reason or "").strip():
            raise DomainError("Give a reason.", field="reason")
        service.archive(actor=actor, reason=reason.strip())
        audit_change(actor, service, AuditAction.ARCHIVE, reason=reason)
        return service


CHECKED_FIELDS = (
    "minimum_age",
    "maximum_age",
    "is_free",
    "access_routes",
    "review_date",
    "email",
    "phone",
    "url",
    "fees",
)


def _check(
    values: dict, relations: dict | None, amount, description, *, new: bool, profile: bool = False
) -> None:
    """Every problem at once. With `profile` (any save by a person), the council's required
    fields (quality.required_fields) that the service's own form holds are enforced too: a
    contact route and who it is for. (An address is a place added after the service; a missing
    one is flagged by the data-quality checks.)"""
    errors: dict[str, list[str]] = {}
    if profile:
        errors |= _profile_errors(values)
    if values.get("url") and not safe_url(values["url"]):
        errors["url"] = ["Enter a web address starting with http:// or https://"]
    low, high = values.get("minimum_age"), values.get("maximum_age")
    if low is not None and high is not None and low > high:
        errors["maximum_age"] = ["The oldest age must be the same as or more than the youngest."]
    routes = values.get("access_routes") or []
    if not routes:
        errors["access_routes"] = ["Choose at least one way to get this service."]
    elif set(routes) - set(AccessRoute.values):
        errors["access_routes"] = ["Choose ways to get this service from the list."]
    described = (description or "").strip() or (values.get("fees") or "").strip()
    if not values.get("is_free", True) and amount is None and not described:
        errors["cost_amount"] = ["Enter what it costs, or say the service is free."]
    review: date | None = values.get("review_date")
    if review is None:
        errors["review_date"] = ["Enter the date this entry should next be checked."]
    elif new and review < timezone.localdate():
        errors["review_date"] = ["The review date must be today or in the future."]
    for name, message in (
        ("levels", "Choose at least one level of need."),
        ("needs_met", "Choose at least one need the service meets."),
        ("districts", "Choose at least one district the service covers."),
    ):
        if relations is not None and name in relations and not relations[name]:
            errors[name] = [message]
    if errors:
        raise ValidationFailed(errors)


def _profile_errors(values: dict) -> dict[str, list[str]]:
    required = required_fields()
    errors: dict[str, list[str]] = {}
    reachable = any((values.get(name) or "").strip() for name in ("email", "phone", "url"))
    if "contact" in required and not (reachable or values.get("contacts_reachable")):
        errors["phone"] = ["Give a way to contact the service: a phone number, email or website."]
    no_ages = values.get("minimum_age") is None and values.get("maximum_age") is None
    if "eligibility" in required and no_ages:
        errors["minimum_age"] = [
            "Say who the service is for: the youngest age, the oldest age, or both."
        ]
    return errors


def _cost_of(service: Service) -> tuple:
    option = service.cost_options.first()
    return (option.amount, option.amount_description) if option else (None, "")


def _cost_after(values: dict, amount, description) -> tuple:
    return (None, "") if values.get("is_free") else (amount, (description or "").strip())


def _set_cost(service: Service, amount, description: str) -> None:
    if service.is_free:
        service.cost_options.all().delete()
        return
    option = service.cost_options.first() or CostOption(service=service)
    option.amount = amount
    option.amount_description = (description or "").strip()
    option.option = option.option or "Standard charge"
    option.save()


def location_create(
    *,
    actor,
    organisation: Organisation,
    name: str,
    postcode: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    **details,
) -> Location:
    """A place where the organisation delivers services. Without coordinates, the postcode's
    outward-code centroid places it near enough for distances in the search."""
    with use_case(actor, "directory.edit_services", organisation, what="add a directory location"):
        if not name.strip():
            raise DomainError("Enter the name of the place.", field="name")
        postcode = " ".join(postcode.upper().split())
        if latitude is None and postcode:
            centroid = geo.centroid_for_postcode(postcode)
            if centroid is None:
                raise DomainError("We do not know that postcode.", field="postcode")
            latitude, longitude = centroid
        location = Location.objects.create(
            organisation=organisation,
            name=name.strip(),
            postcode=postcode,
            latitude=latitude,
            longitude=longitude,
            created_by=actor_user(actor),
            **details,
        )
        audit_change(actor, location, AuditAction.CREATE)
        return location


def service_location_add(*, actor, service: Service, location: Location) -> ServiceAtLocation:
    with use_case(actor, "directory.edit_services", service, what="link a service to a location"):
        if location.organisation_id != service.organisation_id:
            require(actor, "directory.manage_directory", what="use another organisation's location")
        link, created = ServiceAtLocation.objects.get_or_create(service=service, location=location)
        if created:
            audit_change(
                actor, service, AuditAction.UPDATE, {"locations": [None, str(location.pk)]}
            )
        return link


def service_opening_times_set(
    *, actor, service: Service, sessions: Iterable[tuple[str, time, time]]
) -> list[Schedule]:
    """Replace the opening times with these (day, opens, closes) sessions."""
    with use_case(actor, "directory.edit_services", service, what="change opening times"):
        sessions = list(sessions)
        errors = {}
        for day, opens, closes in sessions:
            if day not in Weekday.values:
                errors[f"{day}"] = ["Choose a day of the week."]
            elif opens >= closes:
                errors[f"{day.lower()}_closes"] = [
                    f"On {Weekday(day).label}, the closing time must be after the opening time."
                ]
        if errors:
            raise ValidationFailed(errors)
        before = [
            f"{s.byday} {s.opens_at:%H:%M}-{s.closes_at:%H:%M}" for s in service.schedules.all()
        ]
        service.schedules.all().delete()
        rows = Schedule.objects.bulk_create(
            [Schedule(service=service, byday=d, opens_at=o, closes_at=c) for d, o, c in sessions]
        )
        after = [f"{d} {o:%H:%M}-{c:%H:%M}" for d, o, c in sessions]
        forget_source_fields(service, ["schedules"])
        service.updated_by = actor_user(actor)
        service.save(update_fields=["updated_by", "updated_at", "source_record", "source_modified"])
        audit_change(actor, service, AuditAction.UPDATE, {"opening_times": [before, after]})
        return rows
