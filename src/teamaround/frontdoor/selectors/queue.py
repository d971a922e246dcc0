"""The Hub's queue: every open request with its age and its deadline of one working day,
red (overdue), amber (due today) or green (frontdoor.timeliness works the colours out),
filtered by district, level, source and screener.

The deadline (`due_on`) is fixed from the working-day calendar when a request arrives, so the
queue sorts and filters on an indexed column; the colour depends only on today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.frontdoor.models import OPEN_STATUSES, RequestForSupport

UNASSIGNED = "unassigned"


@dataclass
class QueueFilters:
    district: str = ""
    level: int | None = None
    source: str = ""
    screener: str = ""
    rag: str = ""


def hub_queue(
    *, actor, filters: QueueFilters | None = None, today: date | None = None
) -> QuerySet[RequestForSupport]:
    require(actor, "frontdoor.work_queue", what="open the Hub queue")
    filters = filters or QueueFilters()
    today = today or timezone.localdate()
    requests = RequestForSupport.objects.filter(status__in=OPEN_STATUSES)
    if filters.district:
        requests = requests.filter(district__code=filters.district)
    if filters.level:
        requests = requests.filter(level_suggested__number=filters.level)
    if filters.source:
        requests = requests.filter(source=filters.source)
    if filters.screener == UNASSIGNED:
        requests = requests.filter(assigned_to__isnull=True)
    elif filters.screener:
        requests = requests.filter(assigned_to_id=filters.screener)
    if filters.rag == "red":
        requests = requests.filter(due_on__lt=today)
    elif filters.rag == "amber":
        requests = requests.filter(due_on=today)
    elif filters.rag == "green":
        requests = requests.filter(due_on__gt=today)
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="frontdoor.requestforsupport",
        summary="Opened the Hub queue",
        changes={"filters": {k: str(v) for k, v in vars(filters).items() if v}},
    )
    return (
        requests.select_related("district", "level_suggested", "assigned_to")
        .only(
            "id",
            "reference",
            "source",
            "status",
            "child_forenames",
            "child_surname",
            "submitted_at",
            "due_on",
            "is_re_referral",
            "safeguarding_concern",
            "district__name",
            "level_suggested__number",
            "level_suggested__name",
            "assigned_to__first_name",
            "assigned_to__last_name",
            "assigned_to__username",
        )
        .order_by("due_on", "submitted_at", "id")
    )


@dataclass(frozen=True)
class QueueState:
    """How many open requests are past the one-working-day deadline, due today and within it,
    and how many nobody has picked up: counts only, so reading them is not audited."""

    overdue: int
    due_today: int
    in_time: int
    unassigned: int


def queue_state(*, actor, today: date | None = None) -> QueueState:
    require(actor, "frontdoor.work_queue", what="see the state of the Hub queue")
    today = today or timezone.localdate()
    open_requests = RequestForSupport.objects.filter(status__in=OPEN_STATUSES)
    return QueueState(
        overdue=open_requests.filter(due_on__lt=today).count(),
        due_today=open_requests.filter(due_on=today).count(),
        in_time=open_requests.filter(due_on__gt=today).count(),
        unassigned=open_requests.filter(assigned_to__isnull=True).count(),
    )
