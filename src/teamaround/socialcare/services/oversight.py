"""Allocation and oversight: a manager transfers a case to another worker (and with them
their team) with a hand-over note the new worker is given as a task; a manager of the case's
team signs management oversight entries. Both are on the case's timeline and the family's
chronology; the note and the direction are on the case, never in the chronology."""

from __future__ import annotations

from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import actor_user, on_behalf_of, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.work import work_item_cancel_for_source, work_item_create, work_items_from
from teamaround.socialcare.models import CaseEventKind, CaseTransfer, ManagementOversight
from teamaround.socialcare.services import lifecycle

TRANSFER_WORK = "socialcare.transfer"
WORKER_ROLES = (Role.SOCIAL_WORKER, Role.TEAM_MANAGER)


def _check_worker(worker, referral) -> None:
    if (
        worker is None
        or not worker.is_active
        or not worker.team_id
        or worker.team.agency.kind != AgencyKind.CHILDRENS_SOCIAL_CARE
        or not worker.has_role(*WORKER_ROLES)
    ):
        raise DomainError("Choose a social worker in children's social care.", field="worker")
    if worker.pk == referral.allocated_worker_id:
        raise DomainError("They already hold the case.", field="worker")


def _move_work(actor, referral, worker) -> None:
    """The case's open work goes with it: each item is cancelled and given again to the new
    worker, through core.work's services (the work items are core's)."""
    for source in lifecycle.WORK_SOURCES:
        items = list(
            work_items_from(source_type=source, source_id=str(referral.pk)).filter(status="open")
        )
        if not items:
            continue
        work_item_cancel_for_source(
            actor=on_behalf_of(actor),
            source_type=source,
            source_id=str(referral.pk),
            reason="Case transferred",
        )
        for item in items:
            work_item_create(
                actor=on_behalf_of(actor),
                title=item.title,
                source_type=source,
                source_id=str(referral.pk),
                assigned_to=worker,
                due_on=item.due_on,
                link=item.link,
            )


def case_transfer(*, actor, referral, worker, note: str) -> CaseTransfer:
    """The case moves to `worker` and their team. The old allocation is kept as the
    transfer's `from_` side; open work for the case moves to the new worker, who is also
    given the hand-over note to read."""
    with use_case(actor, "socialcare.transfer", referral, what="transfer a social care case"):
        lifecycle.require_open(referral)
        _check_worker(worker, referral)
        if not (note or "").strip():
            raise ValidationFailed({"note": ["Write the hand-over note for the new worker."]})
        transfer = CaseTransfer.objects.create(
            referral=referral,
            from_worker=referral.allocated_worker,
            to_worker=worker,
            from_team=referral.team,
            to_team=worker.team,
            note=note.strip(),
            transferred_at=timezone.now(),
            created_by=actor_user(actor),
        )
        moved_team = referral.team_id != worker.team_id
        referral.allocated_worker = worker
        referral.team = worker.team
        referral.updated_by = actor_user(actor)
        referral.save(update_fields=["allocated_worker", "team", "updated_by", "updated_at"])
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=referral,
            summary="Case transferred",
            changes={"allocated_worker": [str(transfer.from_worker_id), str(worker.pk)]},
        )
        _move_work(actor, referral, worker)
        work_item_create(
            actor=on_behalf_of(actor),
            title=f"Read the hand-over note for {referral.reference}",
            source_type=TRANSFER_WORK,
            source_id=str(transfer.pk),
            assigned_to=worker,
            link=lifecycle.link("socialcare:transfers"),
        )
        if moved_team:
            lifecycle.involve(actor, referral)
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.REALLOCATED,
            f"transferred to {worker} ({worker.team.name})",
        )
        return transfer


def oversight_record(*, actor, referral, text: str, recorded_on=None) -> ManagementOversight:
    """Signed by the manager recording it, in the role they hold now; dated today unless an
    earlier date is given (never a future one, never before the referral)."""
    with use_case(actor, "socialcare.oversee", referral, what="record management oversight"):
        recorded_on = recorded_on or timezone.localdate()
        errors = {}
        if recorded_on > timezone.localdate() or recorded_on < referral.received_on:
            errors["recorded_on"] = ["The date is between the referral and today."]
        if not (text or "").strip():
            errors["text"] = ["Record the oversight and the direction given."]
        if errors:
            raise ValidationFailed(errors)
        user = actor_user(actor)
        entry = ManagementOversight.objects.create(
            referral=referral,
            recorded_on=recorded_on,
            signed_by=user,
            signed_as=f"Team manager, {user.team.name}"[:200],
            text=text.strip(),
            created_by=user,
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=entry)
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.OVERSIGHT,
            f"management oversight signed by {user}",
        )
        return entry
