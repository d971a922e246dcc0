"""Reads of geography and the audit trail, filtered by what the actor may see."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Q, QuerySet
from django.utils import timezone

from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import (
    AuditAction,
    AuditEvent,
    District,
    PostcodeOutwardCode,
    Quadrant,
    WindscreenLevel,
)


def district_list(*, actor, include_neighbours: bool = True) -> QuerySet[District]:
    require(actor, "core.view_geography", what="list districts")
    districts = District.objects.select_related("quadrant").filter(archived_at__isnull=True)
    if not include_neighbours:
        districts = districts.filter(kind="district")
    return districts


def quadrant_list(*, actor) -> QuerySet[Quadrant]:
    require(actor, "core.view_geography", what="list quadrants")
    return Quadrant.objects.filter(archived_at__isnull=True).prefetch_related("districts")


def neighbour_list(*, actor) -> QuerySet[District]:
    """Neighbouring areas: districts outside the council's quadrants."""
    require(actor, "core.view_geography", what="list neighbouring areas")
    return District.objects.filter(quadrant__isnull=True, archived_at__isnull=True)


def district_choices() -> QuerySet[District]:
    """Every district, archived ones too (an old filter still matches), for a list page's
    filter. Geography is public reference data, so this needs no actor."""
    return District.objects.all()


def district_by_code(code: str) -> District | None:
    """The district with this code (a filter's ?district=), or None. Public reference data."""
    return District.objects.filter(code=code).first() if code else None


def windscreen_levels() -> QuerySet[WindscreenLevel]:
    """The levels of need (reference data: public, no actor)."""
    return WindscreenLevel.objects.all()


def district_for_postcode(postcode: str) -> District | None:
    """The district a postcode falls in, from its outward code, where the council knows it.
    Geography is public reference data, so this needs no actor."""
    outward = postcode.strip().upper().split(" ")[0] if postcode else ""
    if len(outward) < 2:
        return None
    match = PostcodeOutwardCode.objects.select_related("district").filter(outward_code=outward)
    first = match.first()
    return first.district if first else None


def audit_event_list(
    *,
    actor,
    username: str = "",
    object_id: str = "",
    action: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEvent]:
    """Administrators search the whole trail; a team manager sees what their team's staff did.
    The search itself is recorded, since the trail shows what people looked at."""
    require(actor, "core.read_audit", what="search the audit trail")
    events = AuditEvent.objects.all()
    if not actor.has_perm("core.read_whole_audit"):
        events = events.filter(actor__team_id=actor.team_id) if actor.team_id else events.none()
    if username:
        events = events.filter(actor_username__iexact=username.strip())
    if object_id:
        events = events.filter(Q(object_id=object_id.strip()) | Q(object_type=object_id.strip()))
    if action:
        events = events.filter(action=action)
    if date_from:
        events = events.filter(occurred_at__gte=_start_of(date_from))
    if date_to:
        events = events.filter(occurred_at__lt=_start_of(date_to) + timezone.timedelta(days=1))
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="core.auditevent",
        summary="Searched the audit trail",
        changes={
            "filters": {
                "username": username,
                "object_id": object_id,
                "action": action,
                "date_from": str(date_from or ""),
                "date_to": str(date_to or ""),
            }
        },
    )
    return events.order_by("-occurred_at")


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
