"""Bulk reads of records about people: whoever reads more of them in a window (an hour by
default) than TEAMAROUND_BULK_READ_THRESHOLD raises an alert for the council's information
governance lead (and the administrators), on the alerts page, once per user per window.

What counts is the audit trail's views (every list and record about a person records one per
record shown, core.audit), each record once however often it is read. core.audit calls
`bulk_read_check` after writing views, so no read escapes it.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from teamaround.core.models import AuditAction, AuditEvent, BulkReadAlert


def bulk_read_window() -> timedelta:
    return timedelta(minutes=settings.TEAMAROUND_BULK_READ_WINDOW_MINUTES)


def bulk_read_check(user) -> BulkReadAlert | None:
    """Raise an alert if `user` has read more than the threshold in the window just ended,
    unless an alert for them already covers part of this window."""
    threshold = settings.TEAMAROUND_BULK_READ_THRESHOLD
    if user is None or not threshold:
        return None
    now = timezone.now()
    start = now - bulk_read_window()
    if BulkReadAlert.objects.filter(user=user, window_end__gt=start).exists():
        return None
    read = (
        AuditEvent.objects.filter(actor=user, action=AuditAction.VIEW, occurred_at__gte=start)
        .values("object_type", "object_id")
        .distinct()
        .count()
    )
    if read <= threshold:
        return None
    return BulkReadAlert.objects.create(
        user=user,
        username=user.get_username(),
        records=read,
        threshold=threshold,
        window_start=start,
        window_end=now,
    )


def bulk_read_alert_list(*, actor) -> QuerySet[BulkReadAlert]:
    """Alerts newest first, for the information governance lead and administrators."""
    from teamaround.core.access import require

    require(actor, "core.see_bulk_read_alerts", what="see bulk-read alerts")
    return BulkReadAlert.objects.select_related("user").order_by("-window_end")
