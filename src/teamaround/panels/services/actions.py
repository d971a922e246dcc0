"""Actions agreed by a panel: each goes on its owner's task list (core WorkItem), into the
family's chronology and, where early help offers it, onto the family's plan.

Restricted panels (MARAC, MACE): an action is shown to its owner only if the panel decided to
share it; its task-list entry and chronology entry then name no panel and no detail beyond the
action itself. Unshared actions must be owned by a member of the panel.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone

from teamaround.core.access import actor_user, use_case
from teamaround.core.errors import Conflict, DomainError
from teamaround.core.models import AuditAction, WorkItemStatus
from teamaround.core.updates import model_update
from teamaround.core.work import (
    work_item_cancel_for_source,
    work_item_complete,
    work_item_create,
    work_items_from,
)
from teamaround.panels import adapters
from teamaround.panels.models import ActionStatus, PanelAction
from teamaround.panels.services.guards import audit

SOURCE_TYPE = "panels.panelaction"


def check_action_row(panel, row: dict, index: int, errors: dict, today: date) -> None:
    def add(field, message):
        errors.setdefault(f"actions-{index}-{field}", []).append(message)

    if not (row.get("what") or "").strip():
        add("what", "Say what will be done.")
    owner = row.get("owner")
    if owner is None:
        add("owner", "Choose who will do this: every action needs an owner.")
    elif (
        panel.restricted
        and not row.get("shared_with_owner")
        and not panel.memberships.filter(user=owner, ended_on__isnull=True).exists()
    ):
        add("owner", "Share this action with its owner, or give it to a panel member.")
    if row.get("due_on") is None:
        add("due_on", "Enter the date this will be done by.")
    elif row["due_on"] < today:
        add("due_on", "The date must be today or in the future.")


def action_create(*, actor, decision, panel, family, row: dict) -> PanelAction:
    """Called inside panel_decision_record's transaction, after its checks."""
    owner = row["owner"]
    shared = bool(row.get("shared_with_owner")) or not panel.restricted
    action = PanelAction.objects.create(
        decision=decision,
        panel=panel,
        family=family,
        what=row["what"].strip()[:300],
        owner=owner,
        owner_agency=owner.agency,
        due_on=row["due_on"],
        shared_with_owner=shared,
        created_by=actor_user(actor),
    )
    title = action.what if not panel.restricted else f"Multi-agency action: {action.what}"
    work_item_create(
        actor=actor,
        title=title[:200],
        source_type=SOURCE_TYPE,
        source_id=str(action.pk),
        assigned_to=owner,
        due_on=action.due_on,
        link=reverse("panels:action-detail", args=[action.pk]),
    )
    if family is not None and shared:
        action.written_to_plan = adapters.plan_action_add(actor=actor, action=action)
        if action.written_to_plan:
            action.save(update_fields=["written_to_plan"])
        adapters.chronology_record(
            actor=actor,
            family=family,
            source_id=str(action.pk),
            summary=_chronology_summary(panel, action),
        )
    audit(actor, action, AuditAction.CREATE, "Panel action agreed")
    return action


def _chronology_summary(panel, action) -> str:
    if panel.restricted:
        return f"A multi-agency meeting shared an action, due {action.due_on:%d %b %Y}"
    return f"{panel.panel_type.short_name} agreed an action, due {action.due_on:%d %b %Y}"


def panel_action_complete(*, actor, action: PanelAction, outcome: str = "") -> PanelAction:
    with use_case(actor, "panels.view_action", action, what="complete a panel action"):
        is_owner = action.owner_id == getattr(actor, "pk", None)
        if (
            not is_owner
            and actor_user(actor)
            and not actor.has_perm("panels.run_panel", action.panel)
        ):
            raise DomainError("Only the owner or the panel's co-ordinator can do this.")
        if action.status != ActionStatus.OPEN:
            raise Conflict("This action is already closed.")
        model_update(
            action,
            actor=actor,
            values={"status": ActionStatus.DONE, "completed_at": timezone.now()},
        )
        _close_work(actor, action, outcome or "Action completed")
        audit(actor, action, AuditAction.UPDATE, "Panel action completed")
        return action


def _close_work(actor, action: PanelAction, outcome: str) -> None:
    """The owner's own task is marked done; anyone else closing it cancels the task."""
    if getattr(actor, "pk", None) == action.owner_id:
        open_items = work_items_from(source_type=SOURCE_TYPE, source_id=str(action.pk))
        for item in open_items.filter(status=WorkItemStatus.OPEN):
            work_item_complete(actor=actor, item=item, outcome=outcome)
        return
    work_item_cancel_for_source(
        actor=actor, source_type=SOURCE_TYPE, source_id=str(action.pk), reason=outcome
    )
