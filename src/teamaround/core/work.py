"""Use-cases and reads for work items (task lists). Other apps create work through these.

Who may see or close a work item: the person it is assigned to, members of the team it is
assigned to, and that team's managers.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from teamaround.core.access import actor_user, refuse, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction, WorkItem, WorkItemStatus
from teamaround.core.updates import model_update


def work_item_create(
    *,
    actor,
    title: str,
    source_type: str,
    source_id: str,
    assigned_to=None,
    team=None,
    due_on: date | None = None,
    details: str = "",
    link: str = "",
) -> WorkItem:
    """Any member of staff (or the system) may give work to a person or a team."""
    with use_case(actor, "core.create_work_item", what="create a work item"):
        if assigned_to is None and team is None:
            raise DomainError("Give the work to a person or a team.", field="assigned_to")
        if not title.strip():
            raise DomainError("Say what needs doing.", field="title")
        item = WorkItem.objects.create(
            title=title.strip()[:200],
            details=details,
            assigned_to=assigned_to,
            team=team,
            due_on=due_on,
            source_type=source_type,
            source_id=str(source_id),
            link=link,
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=item, summary=item.title)
        return item


def work_item_complete(*, actor, item: WorkItem, outcome: str = "") -> WorkItem:
    _require_owner(actor, item, "complete a work item")
    with use_case(actor, "core.create_work_item", item, what="complete a work item"):
        if item.status != WorkItemStatus.OPEN:
            raise DomainError("This work item is already closed.")
        model_update(
            item,
            actor=actor,
            values={
                "status": WorkItemStatus.DONE,
                "completed_at": timezone.now(),
                "outcome": outcome,
            },
        )
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=item, changes={"status": "done"})
        return item


def work_item_cancel_for_source(*, actor, source_type: str, source_id: str, reason: str) -> int:
    """Cancel open work made by a record that no longer needs it (e.g. a closed episode)."""
    items = WorkItem.objects.filter(
        source_type=source_type, source_id=str(source_id), status=WorkItemStatus.OPEN
    )
    count = 0
    for item in items:
        item.status = WorkItemStatus.CANCELLED
        item.outcome = reason
        item.save(update_fields=["status", "outcome", "updated_at"])
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=item, reason=reason)
        count += 1
    return count


def work_items_for(*, actor, include_team: bool = True, status: str = "open") -> QuerySet:
    """The actor's task list: assigned to them, and (optionally) to their team."""
    if not getattr(actor, "is_authenticated", False) or actor_user(actor) is None:
        return WorkItem.objects.none()
    mine = Q(assigned_to=actor)
    if include_team and actor.team_id:
        mine |= Q(team_id=actor.team_id, assigned_to__isnull=True)
    items = WorkItem.objects.filter(mine).select_related("team", "assigned_to")
    if status:
        items = items.filter(status=status)
    return items.order_by("due_on", "created_at")


def work_items_from(*, source_type: str, source_id: str) -> QuerySet:
    """The work a record made, for showing on that record's own page."""
    return WorkItem.objects.filter(source_type=source_type, source_id=str(source_id))


def _require_owner(actor, item: WorkItem, what: str) -> None:
    user = actor_user(actor)
    if user is None:
        return
    owns = item.assigned_to_id == user.pk or (item.team_id and item.team_id == user.team_id)
    if not owns:
        raise refuse(actor, what=what, obj=item, message="This work belongs to someone else.")
