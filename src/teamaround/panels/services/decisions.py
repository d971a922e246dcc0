"""Recording a panel's decision on a case, with what that kind of decision needs and the
actions agreed. Everything is checked first; on any problem nothing is written.

A decision recorded while the meeting is not quorate is marked `inquorate`.
"""

from __future__ import annotations

from django.utils import timezone

from teamaround.core.access import actor_user, require, use_case
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.panels import adapters
from teamaround.panels.models import (
    AgendaItem,
    CaseSubject,
    ItemKind,
    PanelDecision,
)
from teamaround.panels.services import actions as action_services
from teamaround.panels.services.decision_kinds import KINDS
from teamaround.panels.services.guards import audit, require_open
from teamaround.panels.services.lifecycles import REFERRAL_LIFECYCLE, ReferralEvent


def panel_decision_record(
    *,
    actor,
    item: AgendaItem,
    kind: str,
    summary: str,
    lead_professional=None,
    details: dict | None = None,
    actions: list[dict] | None = None,
) -> PanelDecision:
    meeting = item.meeting
    for child in (details or {}).get("linked_children") or []:  # before the transaction
        require(actor, "people.view_person", child, what="link a child to a panel item")
    with use_case(actor, "panels.run_meeting", meeting, what="record a panel decision"):
        require_open(meeting)
        panel = meeting.panel
        if item.kind != ItemKind.CASE:
            raise DomainError("Decisions are recorded on cases.")
        if PanelDecision.objects.filter(item=item).exists():
            raise Conflict("A decision has already been recorded on this case.")
        if meeting.is_quorate is None:
            raise DomainError("Record who is present before recording decisions.")
        if kind not in panel.panel_type.decision_kinds:
            raise DomainError("This panel cannot make that kind of decision.", field="kind")
        details = dict(details or {})
        rows = [r for r in (actions or []) if any(v for v in r.values())]
        errors: dict[str, list[str]] = {}
        if not (summary or "").strip():
            errors["summary"] = ["Write down what the panel decided and why."]
        _check_subject(actor, panel, details, errors)
        context = {
            "panel": panel,
            "lead_professional": lead_professional,
            "actions": rows,
            "user": actor_user(actor),
        }
        check, save = KINDS[kind]
        check(details, errors, context)
        today = timezone.localdate()
        for index, row in enumerate(rows):
            action_services.check_action_row(panel, row, index, errors, today)
        if errors:
            raise ValidationFailed(errors)
        decision = PanelDecision.objects.create(
            item=item,
            kind=kind,
            summary=summary.strip(),
            inquorate=not meeting.is_quorate,
            lead_professional=lead_professional,
            created_by=actor_user(actor),
        )
        save(decision, details, context)
        family = item.referral.family if item.referral else None
        for row in rows:
            action_services.action_create(
                actor=actor, decision=decision, panel=panel, family=family, row=row
            )
        item.heard = True
        item.save(update_fields=["heard", "updated_at"])
        if item.referral:
            REFERRAL_LIFECYCLE.move(
                item.referral, ReferralEvent.HEARD, actor=actor, why=f"Decision: {kind}", audit=True
            )
        if family is not None and not panel.restricted:
            adapters.chronology_record(
                actor=actor,
                family=family,
                kind=REFERRAL_LIFECYCLE.chronology_kind(ReferralEvent.HEARD),
                source_id=str(decision.pk),
                summary=f"{panel.panel_type.short_name} recorded a decision",
            )
        audit(
            actor,
            decision,
            AuditAction.CREATE,
            f"Recorded a panel decision ({kind})",
            changes={"inquorate": decision.inquorate, "actions": len(rows)},
        )
        return decision


def _check_subject(actor, panel, details, errors) -> None:
    """Place-based panels (MACE 2) carry no child identifiers except linked children, which
    the recorder must be allowed to see."""
    children = details.get("linked_children") or []
    if panel.panel_type.case_subject != CaseSubject.PLACE and children:
        errors.setdefault("linked_children", []).append("Only place-based panels link children.")
