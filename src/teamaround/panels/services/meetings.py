"""Attendance by agency, and whether the meeting is quorate.

A meeting is quorate when at least the panel type's minimum number of members are present and
every agency kind the type requires is among them. Decisions recorded while it is not quorate
are marked as such (see decisions.py).
"""

from __future__ import annotations

from django.db.models import Q

from teamaround.core.access import use_case
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.panels.models import MeetingAttendance, PanelMeeting
from teamaround.panels.services.guards import audit, require_open
from teamaround.panels.services.lifecycles import MEETING_LIFECYCLE, MeetingEvent


def expected_members(meeting: PanelMeeting):
    """Memberships covering the meeting day: who should be there."""
    return (
        meeting.panel.memberships.filter(started_on__lte=meeting.held_on, archived_at__isnull=True)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=meeting.held_on))
        .select_related("user", "agency")
        .order_by("agency__name", "user__last_name")
    )


def quorum_shortfall(meeting: PanelMeeting) -> list[str]:
    """Why the meeting is not quorate (empty when it is)."""
    kind = meeting.panel.panel_type
    present = list(meeting.attendance.filter(present=True).select_related("agency"))
    reasons = []
    if len(present) < kind.quorum_minimum:
        reasons.append(f"{len(present)} of the {kind.quorum_minimum} members needed are present.")
    kinds_present = {a.agency.kind for a in present}
    from teamaround.accounts.models import AgencyKind

    for needed in kind.quorum_agency_kinds:
        if needed not in kinds_present:
            reasons.append(f"No one from {AgencyKind(needed).label.lower()} is present.")
    return reasons


def attendance_record(*, actor, meeting: PanelMeeting, present_ids) -> PanelMeeting:
    """Record who was present (membership ids); everyone else expected is absent."""
    with use_case(actor, "panels.run_meeting", meeting, what="record attendance"):
        require_open(meeting)
        members = {str(m.pk): m for m in expected_members(meeting)}
        present = {str(i) for i in present_ids}
        unknown = present - set(members)
        if unknown:
            raise DomainError("Choose members of this panel.", field="present")
        for key, membership in members.items():
            MeetingAttendance.objects.update_or_create(
                meeting=meeting,
                membership=membership,
                defaults={"agency": membership.agency, "present": key in present},
            )
        meeting.is_quorate = not quorum_shortfall(meeting)
        MEETING_LIFECYCLE.move(meeting, MeetingEvent.HELD, actor=actor)
        audit(
            actor,
            meeting,
            AuditAction.UPDATE,
            "Recorded attendance",
            changes={"present": len(present), "quorate": meeting.is_quorate},
        )
        return meeting
