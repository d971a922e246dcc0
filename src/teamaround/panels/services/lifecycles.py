"""How a panel meeting's and a referral's status move: through core.transitions, like the
Hub's requests and early help episodes. Panels keep no event table of their own, so each move
writes its audit event: from, to, who, when and why."""

from __future__ import annotations

from django.db import models

from teamaround.core.transitions import Lifecycle, step
from teamaround.panels.models import MeetingStatus, ReferralStatus
from teamaround.people.models import FamilyEventKind


class MeetingEvent(models.TextChoices):
    PAPERS_SENT = "papers_sent", "Papers sent"
    HELD = "held", "Attendance recorded"
    CLOSED = "closed", "Minutes approved"


class ReferralEvent(models.TextChoices):
    PUT_ON_AGENDA = "put_on_agenda", "Put on an agenda"
    HEARD = "heard", "Heard"
    CARRIED_OVER = "carried_over", "Carried over to the next meeting"
    WITHDRAWN = "withdrawn", "Withdrawn"


NOT_CLOSED = {MeetingStatus.PLANNED, MeetingStatus.PAPERS_SENT, MeetingStatus.HELD}


def _papers_sent(meeting) -> str:
    """Papers (re)sent after attendance is recorded leave the meeting held."""
    return MeetingStatus.HELD if meeting.status == MeetingStatus.HELD else MeetingStatus.PAPERS_SENT


MEETING_LIFECYCLE = Lifecycle(
    {
        MeetingEvent.PAPERS_SENT: step(NOT_CLOSED, _papers_sent),
        MeetingEvent.HELD: step(NOT_CLOSED, MeetingStatus.HELD),
        MeetingEvent.CLOSED: step(NOT_CLOSED, MeetingStatus.CLOSED),
    },
    noun="meeting",
)

REFERRAL_LIFECYCLE = Lifecycle(
    {
        ReferralEvent.PUT_ON_AGENDA: step({ReferralStatus.WAITING}, ReferralStatus.ON_AGENDA),
        ReferralEvent.HEARD: step(
            {ReferralStatus.WAITING, ReferralStatus.ON_AGENDA},
            ReferralStatus.HEARD,
            FamilyEventKind.PANEL_DECISION,
        ),
        ReferralEvent.CARRIED_OVER: step({ReferralStatus.ON_AGENDA}, ReferralStatus.WAITING),
        ReferralEvent.WITHDRAWN: step({ReferralStatus.WAITING}, ReferralStatus.WITHDRAWN),
    },
    noun="referral",
)
