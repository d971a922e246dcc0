"""Reads of panels, meetings, agendas, case summaries and referrals, each filtered by the rule
in panels.permissions (the same for a list and one record); views and refusals audited."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from teamaround.core.access import require
from teamaround.core.audit import audit_record_many
from teamaround.core.models import AuditAction
from teamaround.core.records import record_get
from teamaround.panels.models import (
    AgendaItem,
    CaseSummary,
    Panel,
    PanelMeeting,
    PanelReferral,
    PanelType,
)
from teamaround.panels.permissions import (
    case_summary_filter,
    current_panels,
    meeting_filter,
    referral_filter,
)


def panel_type_list(*, actor) -> QuerySet[PanelType]:
    require(actor, "panels.view_panels", what="see panel types")
    return PanelType.objects.filter(archived_at__isnull=True)


def panel_list(*, actor) -> QuerySet[Panel]:
    """Every panel's name and scope is public within the service; their business is not."""
    require(actor, "panels.view_panels", what="see the list of panels")
    mine = current_panels(actor)
    return (
        Panel.objects.filter(archived_at__isnull=True)
        .select_related("panel_type", "district", "quadrant")
        .annotate(is_member=Count("pk", filter=Q(pk__in=mine)))
        .order_by("panel_type__name", "name")
    )


def panel_get(*, actor, panel_id) -> Panel:
    require(actor, "panels.view_panels", what="see a panel")
    return record_get(
        Panel.objects.select_related("panel_type"),
        actor=actor,
        pk=panel_id,
        rule=Q(),
        what="a panel",
        audit=False,
    )


def meeting_list(*, actor, panel: Panel | None = None, upcoming: bool = False, past: bool = False):
    """Meetings the actor may see, soonest first; `past`: those before today, latest first."""
    meetings = PanelMeeting.objects.filter(meeting_filter(actor)).select_related(
        "panel__panel_type"
    )
    if panel is not None:
        meetings = meetings.filter(panel=panel)
    if upcoming:
        meetings = meetings.filter(held_on__gte=timezone.localdate())
    if past:
        return meetings.filter(held_on__lt=timezone.localdate()).order_by("-held_on")
    return meetings.order_by("held_on", "starts_at")


def meeting_get(*, actor, meeting_id, audit: bool = True) -> PanelMeeting:
    queryset = PanelMeeting.objects.select_related("panel__panel_type", "panel__district")
    return record_get(
        queryset,
        actor=actor,
        pk=meeting_id,
        rule=meeting_filter(actor),
        what="a panel meeting",
        audit=audit,
    )


def present_membership_ids(meeting: PanelMeeting) -> list[str]:
    """Whose attendance is recorded as present (membership ids), after meeting_get."""
    return [str(a.membership_id) for a in meeting.attendance.filter(present=True)]


def agenda(meeting: PanelMeeting) -> QuerySet[AgendaItem]:
    """Only after meeting_get has let the actor see the meeting."""
    return meeting.items.select_related(
        "referral__family",
        "referral__referrer_agency",
        "action__owner",
        "action__owner_agency",
        "package",
        "decision",
    ).order_by("position")


def case_summaries_for(*, actor, meeting: PanelMeeting) -> dict:
    """{item id: summary} the actor may see now; each one shown is an audited view."""
    summaries = CaseSummary.objects.filter(case_summary_filter(actor), item__meeting=meeting)
    shown = {s.item_id: s for s in summaries}
    audit_record_many(
        action=AuditAction.VIEW,
        actor=actor,
        objects=shown.values(),
        summary="Viewed a case summary",
    )
    return shown


def case_summary_get(*, actor, summary_id) -> CaseSummary:
    return record_get(
        CaseSummary.objects.select_related("item__meeting"),
        actor=actor,
        pk=summary_id,
        rule=case_summary_filter(actor),
        what="a case summary",
    )


def referral_list(*, actor, panel: Panel | None = None, status: str = "") -> QuerySet:
    referrals = PanelReferral.objects.filter(referral_filter(actor)).select_related(
        "panel", "referrer_agency", "family"
    )
    if panel is not None:
        referrals = referrals.filter(panel=panel)
    if status:
        referrals = referrals.filter(status=status)
    return referrals


def waiting_referrals_for(*, actor, panel: Panel):
    from teamaround.panels.services.agenda import waiting_referrals

    return (
        waiting_referrals(panel)
        .filter(referral_filter(actor))
        .select_related("family", "referrer_agency")
    )


def referral_get(*, actor, referral_id) -> PanelReferral:
    return record_get(
        PanelReferral.objects.select_related("panel"),
        actor=actor,
        pk=referral_id,
        rule=referral_filter(actor),
        what="a panel referral",
    )


def panel_type_get(*, actor, panel_type_id) -> PanelType:
    """One panel type in use (404 for an archived or unknown one)."""
    panel_type = panel_type_list(actor=actor).filter(pk=panel_type_id).first()
    if panel_type is None:
        raise Http404
    return panel_type
