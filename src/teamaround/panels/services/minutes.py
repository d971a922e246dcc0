"""Minutes generated from the recorded decisions, approved (which closes the meeting), and
corrected only by new versions with reasons: approved text is never overwritten.

Closing the meeting ends members' access to its case summaries, and sends cases not heard back
to the queue, carried over to the next meeting.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from teamaround.core.access import actor_user, use_case
from teamaround.core.errors import DomainError, StaleVersion
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update, version_claim
from teamaround.panels.models import (
    ItemKind,
    Minutes,
    MinutesStatus,
    MinutesVersion,
    PanelMeeting,
    PanelReferral,
    ReferralStatus,
)
from teamaround.panels.services.guards import audit, require_text
from teamaround.panels.services.lifecycles import (
    MEETING_LIFECYCLE,
    REFERRAL_LIFECYCLE,
    MeetingEvent,
    ReferralEvent,
)

LOCKED = "Approved minutes cannot be edited. Make a correction instead: it becomes a new version."


def minutes_html(meeting: PanelMeeting, corrections=()) -> str:
    from teamaround.panels.selectors.minutes import minutes_context

    return render_to_string(
        "panels/minutes_body.html", {**minutes_context(meeting), "corrections": corrections}
    )


def minutes_generate(*, actor, meeting: PanelMeeting) -> Minutes:
    with use_case(actor, "panels.run_meeting", meeting, what="draft the minutes"):
        minutes, _ = Minutes.objects.get_or_create(
            meeting=meeting, defaults={"created_by": actor_user(actor)}
        )
        if minutes.is_locked:
            raise DomainError(LOCKED)
        model_update(minutes, actor=actor, values={"draft_html": minutes_html(meeting)})
        audit(actor, minutes, AuditAction.UPDATE, "Drafted the minutes")
        return minutes


def minutes_approve(*, actor, meeting: PanelMeeting) -> Minutes:
    with use_case(actor, "panels.approve_minutes", meeting, what="approve the minutes"):
        if meeting.is_quorate is None:
            raise DomainError("Record attendance before approving the minutes.")
        minutes, _ = Minutes.objects.get_or_create(
            meeting=meeting, defaults={"created_by": actor_user(actor)}
        )
        if minutes.is_locked:
            raise DomainError(LOCKED)
        html = minutes_html(meeting)
        MinutesVersion.objects.create(
            minutes=minutes, number=1, html=html, made_by=actor_user(actor)
        )
        minutes.draft_html = html
        minutes.status = MinutesStatus.APPROVED
        minutes.approved_by = actor_user(actor)
        minutes.approved_at = timezone.now()
        minutes.save()
        _close(actor, meeting)
        audit(actor, minutes, AuditAction.UPDATE, "Approved the minutes; meeting closed")
        return minutes


def _close(actor, meeting: PanelMeeting) -> None:
    unheard = meeting.items.filter(kind=ItemKind.CASE, heard=False, referral__isnull=False)
    for referral in PanelReferral.objects.filter(
        pk__in=unheard.values("referral_id"), status=ReferralStatus.ON_AGENDA
    ):
        referral.times_carried_over += 1
        REFERRAL_LIFECYCLE.move(
            referral, ReferralEvent.CARRIED_OVER, actor=actor, why="Not heard", audit=True
        )
    meeting.closed_at = timezone.now()
    MEETING_LIFECYCLE.move(meeting, MeetingEvent.CLOSED, actor=actor)


def minutes_correct(
    *, actor, meeting: PanelMeeting, correction: str, reason: str, version: int | None = None
):
    """Add a correction as a new version, from the minutes' version the editor read (None: as
    read here): a correction someone else added meanwhile is a StaleVersion showing both."""
    with use_case(actor, "panels.approve_minutes", meeting, what="correct the minutes"):
        minutes = Minutes.objects.filter(meeting=meeting).first()
        if minutes is None or not minutes.is_locked:
            raise DomainError("Only approved minutes are corrected; edit the draft instead.")
        correction = require_text(correction, "correction", "Write the correction.")
        reason = require_text(reason, "reason", "Say why the minutes are corrected.")
        try:
            version_claim(minutes, expected_version=version, what="these minutes", actor=actor)
        except StaleVersion as stale:
            latest = stale.current.versions.order_by("-number").first()
            raise StaleVersion(
                current=stale.current,
                submitted={"correction": correction, "reason": reason},
                saved={"correction": latest.correction, "reason": latest.reason},
                what="these minutes",
            ) from None
        earlier = list(minutes.versions.exclude(correction="").order_by("number"))
        corrections = [*earlier, MinutesVersion(correction=correction, reason=reason)]
        number = minutes.versions.count() + 1
        corrections[-1].number = number
        version = MinutesVersion.objects.create(
            minutes=minutes,
            number=number,
            html=minutes_html(meeting, corrections),
            correction=correction,
            reason=reason,
            made_by=actor_user(actor),
        )
        audit(
            actor,
            minutes,
            AuditAction.UPDATE,
            f"Corrected the minutes (version {number})",
            reason=reason,
        )
        return version
