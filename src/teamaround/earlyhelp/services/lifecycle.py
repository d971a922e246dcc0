"""An episode's lifecycle and what follows from it: typed events that move its status (through
core.transitions) and feed the family's chronology, the closed-episode rule, the involvements
that let the TAF see the family, review dates and work items."""

from __future__ import annotations

from datetime import date, datetime, time

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of
from teamaround.core.audit import audit_record
from teamaround.core.calendar import add_working_days
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.core.transitions import Lifecycle, step
from teamaround.core.work import work_item_cancel_for_source, work_item_create
from teamaround.earlyhelp.models import Episode, EpisodeEvent, EpisodeEventKind, EpisodeStatus
from teamaround.people import selectors as people_selectors
from teamaround.people import services as people_services
from teamaround.people.models import FamilyEventKind

DEFAULT_REVIEW_WEEKS = 6
REVIEW_SOURCE = "earlyhelp.review"
ACTION_SOURCE = "earlyhelp.planaction"


def _assessed(episode: Episode) -> str:
    return EpisodeStatus.ASSESSED if episode.status == EpisodeStatus.OPEN else episode.status


def _planned(episode: Episode) -> str:
    return (
        EpisodeStatus.PLANNED
        if episode.status in (EpisodeStatus.OPEN, EpisodeStatus.ASSESSED)
        else episode.status
    )


WORKING = {
    EpisodeStatus.OPEN,
    EpisodeStatus.ASSESSED,
    EpisodeStatus.PLANNED,
    EpisodeStatus.REVIEWING,
}
# kind -> where it may happen, the status afterwards, and how it reads in the chronology.
EPISODE_LIFECYCLE = Lifecycle(
    {
        EpisodeEventKind.OPENED: step(None, EpisodeStatus.OPEN, FamilyEventKind.EPISODE_OPENED),
        EpisodeEventKind.ASSESSED: step(WORKING, _assessed, FamilyEventKind.ASSESSMENT_SIGNED_OFF),
        EpisodeEventKind.PLANNED: step(WORKING, _planned, FamilyEventKind.PLAN_AGREED),
        EpisodeEventKind.REVIEWED: step(
            WORKING, EpisodeStatus.REVIEWING, FamilyEventKind.TAF_MEETING
        ),
        EpisodeEventKind.LEAD_CHANGED: step(
            WORKING, None, FamilyEventKind.LEAD_PROFESSIONAL_CHANGED
        ),
        EpisodeEventKind.STEPPED_UP: step(WORKING, None, FamilyEventKind.STEPPED_UP),
        EpisodeEventKind.STEPPED_DOWN: step(WORKING, None, FamilyEventKind.STEPPED_DOWN),
        EpisodeEventKind.CLOSED: step(
            WORKING, EpisodeStatus.CLOSED, FamilyEventKind.EPISODE_CLOSED
        ),
        EpisodeEventKind.REOPENED: step(
            {EpisodeStatus.CLOSED}, lambda e: working_status(e), FamilyEventKind.EPISODE_REOPENED
        ),
    },
    noun="episode",
)


def on_the_day(day: date | None) -> datetime:
    """When something that happened on `day` goes in the chronology: now if it is today (or no
    day is given), otherwise that day (a meeting recorded after it was held, a plan agreed last
    week, an episode started before it was recorded)."""
    now = timezone.now()
    if day is None or day >= timezone.localdate(now):
        return now
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def require_open(episode: Episode) -> None:
    """A closed episode is a record of what happened: it changes only by being reopened."""
    if episode.status == EpisodeStatus.CLOSED:
        raise DomainError("This episode is closed. Reopen it to make changes.")


def record_event(actor, episode: Episode, kind: str, summary: str, *, when=None) -> EpisodeEvent:
    """Append a typed event, move the status through EPISODE_LIFECYCLE, and add it to the
    family chronology. `summary` names what happened, never a family member's details."""
    if kind == EpisodeEventKind.REOPENED and episode.status != EpisodeStatus.CLOSED:
        raise DomainError("Only a closed episode can be reopened.")
    if kind not in (EpisodeEventKind.OPENED, EpisodeEventKind.REOPENED):
        require_open(episode)
    moved = EPISODE_LIFECYCLE.move(episode, kind, actor=actor, when=when, why=summary, save=False)
    if moved.changed:
        episode.save(update_fields=["status", "updated_by", "updated_at"])
    event = EpisodeEvent.objects.create(episode=episode, **moved.event_fields(summary))
    people_services.family_event_record(
        actor=on_behalf_of(actor),
        family=episode.family,
        kind=EPISODE_LIFECYCLE.chronology_kind(kind),
        summary=f"Early help {episode.reference}: {summary}"[:300],
        occurred_at=moved.occurred_at,
        team=episode.lead_team,
        source_app="earlyhelp",
        source_id=str(episode.pk),
    )
    audit_record(action=AuditAction.UPDATE, actor=actor, obj=episode, summary=f"Episode {kind}")
    return event


def working_status(episode: Episode) -> str:
    """The status an episode's records imply (used when it is reopened)."""
    if episode.meetings.exists():
        return EpisodeStatus.REVIEWING
    if hasattr(episode, "plan"):
        return EpisodeStatus.PLANNED
    assessment = getattr(episode, "assessment", None)
    if assessment is not None and assessment.status == "signed_off":
        return EpisodeStatus.ASSESSED
    return EpisodeStatus.OPEN


def review_weeks(episode: Episode) -> int:
    return episode.review_interval_weeks or getattr(
        settings, "TEAMAROUND_EARLYHELP_REVIEW_WEEKS", DEFAULT_REVIEW_WEEKS
    )


def review_due_after(episode: Episode, day: date) -> date:
    """Reviews fall due every N weeks, counted in working days (5 a week, bank holidays out)."""
    return add_working_days(day, review_weeks(episode) * 5)


def link(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def review_work_set(actor, episode: Episode, due: date) -> None:
    """One open 'hold the next TAF meeting' item for the lead professional at a time."""
    work_item_cancel_for_source(
        actor=on_behalf_of(actor),
        source_type=REVIEW_SOURCE,
        source_id=str(episode.pk),
        reason="Superseded",
    )
    episode.next_review_due = due
    episode.save(update_fields=["next_review_due", "updated_at"])
    work_item_create(
        actor=on_behalf_of(actor),
        title=f"Hold the next TAF meeting for {episode.reference}",
        source_type=REVIEW_SOURCE,
        source_id=str(episode.pk),
        assigned_to=episode.lead_professional,
        due_on=due,
        link=link("earlyhelp:meeting-new", episode.pk),
    )


def action_work_set(actor, action) -> None:
    """The action's owner (a practitioner) gets it on their task list; family members' actions
    stay on the plan."""
    work_item_cancel_for_source(
        actor=on_behalf_of(actor),
        source_type=ACTION_SOURCE,
        source_id=str(action.pk),
        reason="Changed",
    )
    if action.owner_id and action.is_open:
        work_item_create(
            actor=on_behalf_of(actor),
            title=f"Plan action for {action.plan.episode.reference}: {action.what}"[:200],
            source_type=ACTION_SOURCE,
            source_id=str(action.pk),
            assigned_to=action.owner,
            due_on=action.due_on,
            link=link("earlyhelp:plan", action.plan.episode_id),
        )


def involve(actor, episode: Episode, team) -> str | None:
    """Open an involvement for `team` so its staff can see the family record; returns its id
    when this call opened it (None when the team was already involved)."""
    existing = people_selectors.family_involvements(episode.family).filter(
        team=team, closed_at__isnull=True
    )
    if existing.exists():
        return None
    involvement = people_services.involvement_open(
        actor=on_behalf_of(actor),
        family=episode.family,
        team=team,
        reason=f"Early help {episode.reference}",
        lead_worker=episode.lead_professional if team.pk == episode.lead_team_id else None,
        recorded_by=actor_user(actor),
    )
    return str(involvement.pk)


def uninvolve(actor, episode: Episode, involvement_id, reason: str) -> None:
    """Close an involvement early help opened (the team no longer works with the family)."""
    if not involvement_id:
        return
    involvement = (
        people_selectors.family_involvements(episode.family)
        .filter(pk=involvement_id, closed_at__isnull=True)
        .first()
    )
    if involvement is not None:
        people_services.involvement_close(
            actor=on_behalf_of(actor), involvement=involvement, reason=reason
        )


def action_work_cancel(actor, action) -> None:
    """An action taken off the plan, done or abandoned no longer needs doing."""
    work_item_cancel_for_source(
        actor=on_behalf_of(actor),
        source_type=ACTION_SOURCE,
        source_id=str(action.pk),
        reason="Action closed",
    )
