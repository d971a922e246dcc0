"""What the minutes say: built only from the meeting's recorded decisions and attendance (no
case summaries: those are working papers whose access ends with the meeting)."""

from __future__ import annotations

from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.core.records import record_get
from teamaround.panels.models import ItemKind, Minutes, PanelMeeting
from teamaround.panels.permissions import meeting_filter


def minutes_context(meeting: PanelMeeting) -> dict:
    items = list(
        meeting.items.select_related(
            "referral__family",
            "decision__lead_professional",
            "decision__alternative",
            "decision__safety_plan",
            "decision__place_review",
            "decision__missing_review",
            "action__owner",
            "package",
        )
        .prefetch_related(
            "decision__actions__owner",
            "decision__actions__owner_agency",
            "decision__funding_shares__agency",
            "decision__package__parts__service",
            "decision__package__parts__provider",
        )
        .order_by("position")
    )
    attendance = meeting.attendance.select_related("membership__user", "agency").order_by(
        "agency__name"
    )
    return {
        "meeting": meeting,
        "panel": meeting.panel,
        "cases": [i for i in items if i.kind == ItemKind.CASE],
        "follow_ups": [i for i in items if i.kind != ItemKind.CASE],
        "present": [a for a in attendance if a.present],
        "absent": [a for a in attendance if not a.present],
    }


def minutes_get(*, actor, meeting_id, export: bool = False):
    """The meeting (audited view of its minutes) and its Minutes, if drafted. `export=True`
    for a download (the PDF): recorded as an export, not a view, since the copy leaves
    TeamAround."""
    meeting = record_get(
        PanelMeeting.objects.select_related("panel__panel_type"),
        actor=actor,
        pk=meeting_id,
        rule=meeting_filter(actor),
        what="a panel meeting's minutes",
        audit=not export,
    )
    if export:
        from teamaround.panels.services.sharing import minutes_export_shares

        minutes_export_shares(actor=actor, meeting=meeting)
        audit_record(
            action=AuditAction.EXPORT,
            actor=actor,
            obj=meeting,
            summary="Downloaded a panel meeting's minutes as a PDF",
        )
    return meeting, Minutes.objects.filter(meeting=meeting).first()
