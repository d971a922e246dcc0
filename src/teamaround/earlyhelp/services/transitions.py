"""Step up to children's social care, step down from it, closure (with the family's feedback)
and reopening. Each is a typed event in the episode and the family's chronology."""

from __future__ import annotations

from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.core.access import actor_user, on_behalf_of, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.work import work_item_cancel_for_source, work_item_create
from teamaround.earlyhelp.models import (
    ClosureReason,
    Episode,
    EpisodeClosure,
    EpisodeEventKind,
    EpisodeSource,
    FamilyFeedback,
    StepDown,
    StepUp,
)
from teamaround.earlyhelp.services import lifecycle
from teamaround.earlyhelp.services.episodes import episode_open

FEEDBACK_FIELDS = ("listened_to", "things_got_better", "would_ask_again")
WORK_SOURCES = ("earlyhelp.review", "earlyhelp.assessment", "earlyhelp.episode")


def episode_step_up(*, actor, episode: Episode, to_team, reason: str) -> StepUp:
    """Hand the family to children's social care. The team becomes involved (so the social
    worker sees the early help history), gets a work item, and the episode closes."""
    with use_case(actor, "earlyhelp.change_episode", episode, what="step up to social care"):
        lifecycle.require_open(episode)
        errors = {}
        if to_team is None or to_team.agency.kind != AgencyKind.CHILDRENS_SOCIAL_CARE:
            errors["to_team"] = ["Choose a children's social care team."]
        if not (reason or "").strip():
            errors["reason"] = ["Say why the family needs social care now."]
        if errors:
            raise ValidationFailed(errors)
        step = StepUp.objects.create(
            episode=episode,
            to_team=to_team,
            reason=reason.strip(),
            stepped_up_at=timezone.now(),
            created_by=actor_user(actor),
        )
        lifecycle.involve(actor, episode, to_team)
        work_item_create(
            actor=on_behalf_of(actor),
            title=f"Step up from early help {episode.reference}: read the history",
            source_type="earlyhelp.stepup",
            source_id=str(step.pk),
            team=to_team,
            due_on=timezone.localdate(),
            link=lifecycle.link("earlyhelp:episode", episode.pk),
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=step,
            summary="Stepped a family up to social care",
            reason=step.reason,
        )
        lifecycle.record_event(
            actor, episode, EpisodeEventKind.STEPPED_UP, f"stepped up to {to_team.name}"
        )
        _close(actor, episode, ClosureReason.STEPPED_UP, "Stepped up to social care", None)
        return step


def episode_step_down(
    *,
    actor,
    family,
    level,
    lead_professional,
    reason: str,
    family_agreed_on,
    family_agreed_by: str,
    social_care_reference: str = "",
    review_interval_weeks: int | None = None,
) -> Episode:
    """Social care steps a family down to early help: a new episode, linked to where it came
    from (the social care team and any earlier early help episode)."""
    with use_case(actor, "earlyhelp.step_down", what="step a family down to early help"):
        if not (reason or "").strip():
            raise DomainError("Say why the family can step down to early help.", field="reason")
        episode = episode_open(
            actor=actor,
            family=family,
            level=level,
            lead_professional=lead_professional,
            family_agreed_on=family_agreed_on,
            family_agreed_by=family_agreed_by,
            source=EpisodeSource.STEP_DOWN,
            review_interval_weeks=review_interval_weeks,
        )
        previous = (
            Episode.objects.filter(family=family, status="closed")
            .exclude(pk=episode.pk)
            .order_by("-closed_on")
            .first()
        )
        StepDown.objects.create(
            episode=episode,
            from_team=actor.team,
            previous_episode=previous,
            social_care_reference=(social_care_reference or "").strip()[:60],
            reason=reason.strip(),
            created_by=actor_user(actor),
        )
        lifecycle.record_event(
            actor, episode, EpisodeEventKind.STEPPED_DOWN, f"stepped down from {actor.team.name}"
        )
        return episode


def episode_close(
    *,
    actor,
    episode: Episode,
    reason: str,
    summary: str = "",
    feedback: dict | None = None,
    closed_on=None,
) -> EpisodeClosure:
    with use_case(actor, "earlyhelp.change_episode", episode, what="close an episode"):
        lifecycle.require_open(episode)
        errors = {}
        if reason not in ClosureReason.values or reason == ClosureReason.STEPPED_UP:
            errors["reason"] = ["Choose why the episode is closing (to step up, use Step up)."]
        today = timezone.localdate()
        if closed_on is not None and (closed_on > today or closed_on < episode.started_on):
            errors["closed_on"] = ["The closing date must be between the start and today."]
        if feedback:
            for field in FEEDBACK_FIELDS:
                value = feedback.get(field)
                if not isinstance(value, int) or not 1 <= value <= 5:
                    errors[field] = ["Choose a rating from 1 to 5."]
        if errors:
            raise ValidationFailed(errors)
        return _close(actor, episode, reason, summary, feedback, closed_on)


def _close(actor, episode, reason, summary, feedback, closed_on=None) -> EpisodeClosure:
    closed_on = closed_on or timezone.localdate()
    closure = EpisodeClosure.objects.create(
        episode=episode,
        reason=reason,
        closed_on=closed_on,
        summary=(summary or "").strip(),
        created_by=actor_user(actor),
    )
    if feedback:
        FamilyFeedback.objects.create(
            closure=closure,
            comments=(feedback.get("comments") or "").strip(),
            created_by=actor_user(actor),
            **{f: feedback[f] for f in FEEDBACK_FIELDS},
        )
    for source in WORK_SOURCES:
        work_item_cancel_for_source(
            actor=on_behalf_of(actor),
            source_type=source,
            source_id=str(episode.pk),
            reason="Episode closed",
        )
    if hasattr(episode, "plan"):
        for action in episode.plan.actions.all():
            lifecycle.action_work_cancel(actor, action)
    for member in episode.taf_members.filter(left_at__isnull=True).exclude(involvement_id=None):
        lifecycle.uninvolve(actor, episode, member.involvement_id, "Early help episode closed")
    episode.closed_on, episode.next_review_due = closed_on, None
    episode.save(update_fields=["closed_on", "next_review_due", "updated_at"])
    audit_record(
        action=AuditAction.UPDATE, actor=actor, obj=episode, summary=f"Closed an episode: {reason}"
    )
    lifecycle.record_event(
        actor, episode, EpisodeEventKind.CLOSED, f"closed ({ClosureReason(reason).label.lower()})"
    )
    return closure


def episode_reopen(*, actor, episode: Episode, reason: str) -> Episode:
    """Reopen a closed episode: the TAF's teams become involved again and reviews restart."""
    with use_case(actor, "earlyhelp.change_episode", episode, what="reopen an episode"):
        if not episode.is_closed:
            raise DomainError("Only a closed episode can be reopened.")
        if not (reason or "").strip():
            raise DomainError("Say why the episode is being reopened.", field="reason")
        if Episode.objects.filter(family=episode.family).exclude(status="closed").exists():
            raise Conflict("This family already has an open early help episode.")
        episode.closures.filter(reopened_at__isnull=True).update(reopened_at=timezone.now())
        episode.closed_on = None
        episode.save(update_fields=["closed_on", "updated_at"])
        for member in episode.taf_members.filter(left_at__isnull=True):
            opened = lifecycle.involve(actor, episode, member.team)
            if opened:
                member.involvement_id = opened
                member.save(update_fields=["involvement_id", "updated_at"])
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=episode,
            summary="Reopened an episode",
            reason=reason.strip(),
        )
        lifecycle.record_event(actor, episode, EpisodeEventKind.REOPENED, "reopened")
        if hasattr(episode, "plan"):
            lifecycle.review_work_set(
                actor, episode, lifecycle.review_due_after(episode, timezone.localdate())
            )
        return episode
