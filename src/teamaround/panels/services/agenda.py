"""Scheduling meetings and building their agendas.

An agenda takes waiting referrals up to the meeting's limit, those carried over from earlier
meetings first; what does not fit waits for the next meeting. Actions from this panel that are
overdue, and packages whose review date has come, are put on the agenda automatically.
Each case gets a case summary prepared for the panel (the co-ordinator edits it); the papers
are the case summaries, and sending them is recorded.
"""

from __future__ import annotations

from datetime import date, time

from django.db.models import Max
from django.utils import timezone

from teamaround.core.access import actor_user, use_case
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.panels.models import (
    ActionStatus,
    AgendaItem,
    CaseSummary,
    ItemKind,
    MeetingStatus,
    PackageOfSupport,
    PackageStatus,
    Panel,
    PanelAction,
    PanelMeeting,
    PanelReferral,
    ReferralStatus,
)
from teamaround.panels.services.guards import audit, require_open, require_text
from teamaround.panels.services.lifecycles import (
    MEETING_LIFECYCLE,
    REFERRAL_LIFECYCLE,
    MeetingEvent,
    ReferralEvent,
)


def meeting_schedule(
    *, actor, panel: Panel, held_on: date, starts_at: time | None = None, agenda_limit=None
) -> PanelMeeting:
    with use_case(actor, "panels.run_panel", panel, what="schedule a panel meeting"):
        limit = agenda_limit or panel.panel_type.agenda_limit
        if limit < 1:
            raise DomainError("A meeting must be able to hear at least one case.", field="limit")
        meeting = PanelMeeting.objects.create(
            panel=panel,
            held_on=held_on,
            starts_at=starts_at,
            agenda_limit=limit,
            created_by=actor_user(actor),
        )
        audit(actor, meeting, AuditAction.CREATE, "Scheduled a panel meeting")
        return meeting


def waiting_referrals(panel: Panel):
    """Carried-over referrals first, then oldest first; MARAC's highest risk first."""
    order = ["-times_carried_over", "received_at"]
    if panel.panel_type.records_risk_score:
        order = ["-times_carried_over", "-risk_score", "received_at"]
    return panel.referrals.filter(status=ReferralStatus.WAITING).order_by(*order)


def agenda_build(*, actor, meeting: PanelMeeting, referral_ids=None) -> list[AgendaItem]:
    """Add cases (the chosen referrals, or the next in the queue) up to the meeting's limit,
    then overdue actions and due package reviews. Returns the items added."""
    with use_case(actor, "panels.run_meeting", meeting, what="build a panel agenda"):
        require_open(meeting)
        if meeting.status != MeetingStatus.PLANNED:
            raise DomainError("The papers have been sent: the agenda is fixed.")
        room = meeting.agenda_limit - meeting.items.filter(kind=ItemKind.CASE).count()
        queue = waiting_referrals(meeting.panel)
        if referral_ids is not None:
            chosen = {str(i) for i in referral_ids}
            queue = [r for r in queue if str(r.pk) in chosen]
            if len(queue) != len(chosen):
                raise DomainError("Choose referrals waiting for this panel.", field="referrals")
        taken = list(queue[: max(room, 0)])
        position = (meeting.items.aggregate(top=Max("position"))["top"] or 0) + 1
        added: list[AgendaItem] = []
        for referral in taken:
            added.append(_case_item(actor, meeting, referral, position))
            position += 1
        for item in _follow_ups(actor, meeting, position):
            added.append(item)
        for referral in taken:
            REFERRAL_LIFECYCLE.move(
                referral, ReferralEvent.PUT_ON_AGENDA, actor=actor, why="Agenda built", audit=True
            )
        audit(
            actor,
            meeting,
            AuditAction.UPDATE,
            f"Built the agenda ({len(added)} items added)",
            changes={"items": [str(i.pk) for i in added]},
        )
        return added


def _case_item(actor, meeting, referral, position) -> AgendaItem:
    item = AgendaItem.objects.create(
        meeting=meeting,
        kind=ItemKind.CASE,
        position=position,
        referral=referral,
        created_by=actor_user(actor),
    )
    CaseSummary.objects.create(
        item=item, text=_first_summary(referral), created_by=actor_user(actor)
    )
    return item


def _first_summary(referral: PanelReferral) -> str:
    """The starting point the co-ordinator edits: only what the referrer asked, and the risk."""
    lines = [f"Question for the panel: {referral.question}"]
    if referral.risk_score is not None:
        lines.append(f"DASH risk score: {referral.risk_score}.")
    if referral.professional_judgement:
        lines.append("Referred by professional judgement.")
    if referral.is_repeat:
        lines.append("Repeat referral within 12 months.")
    if referral.times_carried_over:
        lines.append(f"Carried over from {referral.times_carried_over} earlier meeting(s).")
    return "\n".join(lines)


def _follow_ups(actor, meeting, position):
    """Overdue actions and due package reviews not already on an open meeting's agenda."""
    open_items = AgendaItem.objects.filter(meeting__closed_at__isnull=True)
    overdue = PanelAction.objects.filter(
        panel=meeting.panel, status=ActionStatus.OPEN, due_on__lt=meeting.held_on
    ).exclude(pk__in=open_items.filter(action__isnull=False).values("action_id"))
    due = PackageOfSupport.objects.filter(
        panel=meeting.panel, status=PackageStatus.ACTIVE, review_on__lte=meeting.held_on
    ).exclude(pk__in=open_items.filter(package__isnull=False).values("package_id"))
    for action in overdue.order_by("due_on"):
        yield AgendaItem.objects.create(
            meeting=meeting,
            kind=ItemKind.OVERDUE_ACTION,
            position=position,
            action=action,
            created_by=actor_user(actor),
        )
        position += 1
    for package in due.order_by("review_on"):
        yield AgendaItem.objects.create(
            meeting=meeting,
            kind=ItemKind.PACKAGE_REVIEW,
            position=position,
            package=package,
            created_by=actor_user(actor),
        )
        position += 1


def case_summary_save(
    *, actor, summary: CaseSummary, text: str, version: int | None = None
) -> CaseSummary:
    """Change the summary from the version the editor read (None: as read here)."""
    meeting = summary.item.meeting
    with use_case(actor, "panels.run_meeting", meeting, what="prepare a case summary"):
        require_open(meeting)
        text = require_text(text, "text", "Write the summary the panel needs.")
        if model_update(
            summary,
            actor=actor,
            values={"text": text},
            expected_version=version,
            what="case summary",
        ):
            audit(actor, summary, AuditAction.UPDATE, "Prepared a case summary")
        return summary


def papers_send(*, actor, meeting: PanelMeeting) -> PanelMeeting:
    with use_case(actor, "panels.run_meeting", meeting, what="send a meeting's papers"):
        require_open(meeting)
        if not meeting.items.exists():
            raise DomainError("Build the agenda before sending the papers.")
        meeting.papers_sent_at = timezone.now()
        MEETING_LIFECYCLE.move(meeting, MeetingEvent.PAPERS_SENT, actor=actor)
        audit(actor, meeting, AuditAction.UPDATE, "Sent the meeting's papers")
        return meeting
