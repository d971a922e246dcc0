"""TAF meetings (reviews): attendance, the family's views, progress on each action, new actions
and a score per need agreed with the family. Each meeting sets the next review date."""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone

from teamaround.core.access import actor_user, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.earlyhelp.models import (
    ActionProgress,
    ActionStatus,
    Attendance,
    EarlyHelpPlan,
    Episode,
    EpisodeEventKind,
    NeedScore,
    PlanAction,
    TafMeeting,
)
from teamaround.earlyhelp.services import lifecycle
from teamaround.earlyhelp.services.plan import _apply, _check_action

PROGRESS = (ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.NOT_DONE)


def taf_meeting_record(
    *,
    actor,
    episode: Episode,
    held_on,
    family_views: str,
    attendance: list[dict],
    progress: list[dict],
    scores: list[dict],
    new_actions: list[dict] = (),
) -> TafMeeting:
    """progress: [{action, status, note}]; scores: [{domain, score}] (0 to 10, agreed with the
    family); new_actions: rows as for plan_save."""
    with use_case(actor, "earlyhelp.change_episode", episode, what="record a TAF meeting"):
        lifecycle.require_open(episode)
        plan = EarlyHelpPlan.objects.filter(episode=episode).first()
        if plan is None:
            raise DomainError("Agree the Early Help Plan before reviewing it.")
        errors = _check(episode, plan, held_on, family_views, attendance, progress, scores)
        actions = {str(a.pk): a for a in plan.actions.filter(archived_at__isnull=True)}
        rows = [_check_action(episode, row, i, {}, errors) for i, row in enumerate(new_actions)]
        if errors:
            raise ValidationFailed(errors)
        meeting = TafMeeting.objects.create(
            episode=episode,
            held_on=held_on,
            family_views=family_views.strip(),
            attendance=[_attendee(a) for a in attendance],
            created_by=actor_user(actor),
        )
        for item in progress:
            action = actions[str(item["action"].pk)]
            ActionProgress.objects.create(
                meeting=meeting,
                action=action,
                status=item["status"],
                note=(item.get("note") or "").strip(),
                created_by=actor_user(actor),
            )
            action.status = item["status"]
            action.save(update_fields=["status", "updated_at"])
            if not action.is_open:
                lifecycle.action_work_cancel(actor, action)
        NeedScore.objects.bulk_create(
            NeedScore(
                meeting=meeting,
                episode=episode,
                domain=s["domain"],
                score=int(s["score"]),
                created_by=actor_user(actor),
            )
            for s in scores
        )
        for row in rows:
            if row:
                _apply(actor, plan, row, {})
        EarlyHelpPlan.objects.filter(pk=plan.pk).update(version=F("version") + 1)
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=meeting,
            summary=f"Recorded a TAF meeting with {len(scores)} scores",
        )
        lifecycle.record_event(
            actor,
            episode,
            EpisodeEventKind.REVIEWED,
            "TAF meeting held and plan reviewed",
            when=lifecycle.on_the_day(held_on),
        )
        lifecycle.review_work_set(actor, episode, lifecycle.review_due_after(episode, held_on))
        return meeting


def _check(episode, plan, held_on, family_views, attendance, progress, scores) -> dict:
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if held_on is None:
        add("held_on", "Enter the date of the meeting.")
    elif held_on > timezone.localdate():
        add("held_on", "The meeting date must be today or in the past.")
    elif held_on < episode.started_on:
        add("held_on", "The meeting date must be on or after the episode started.")
    if not (family_views or "").strip():
        add("family_views", "Record what the family said at the meeting.")
    if not any(a.get("attendance") == Attendance.ATTENDED for a in attendance):
        add("attendance", "Record who attended the meeting.")
    for a in attendance:
        if a.get("attendance") not in Attendance.values:
            add("attendance", "Say whether each person attended or sent apologies.")
            break
    open_ids = {
        str(pk) for pk in plan.actions.filter(archived_at__isnull=True).values_list("pk", flat=True)
    }
    for item in progress:
        action = item.get("action")
        if not isinstance(action, PlanAction) or str(action.pk) not in open_ids:
            add("progress", "Progress can only be recorded on this plan's actions.")
        elif item.get("status") not in PROGRESS:
            add(f"progress-{action.pk}", "Choose done, in progress or not done.")
    if not scores:
        add("scores", "Score at least one need with the family.")
    seen = set()
    for item in scores:
        domain, score = item.get("domain"), item.get("score")
        field = f"score-{domain.code}" if domain is not None else "scores"
        if domain is None or domain.pk in seen:
            add("scores", "Score each need once.")
        elif not isinstance(score, int) or isinstance(score, bool) or not 0 <= score <= 10:
            add(field, f"The score for {domain.name.lower()} must be a whole number from 0 to 10.")
        if domain is not None:
            seen.add(domain.pk)
    return errors


def _attendee(item: dict) -> dict:
    return {
        "name": (item.get("name") or "").strip()[:120],
        "agency": (item.get("agency") or "").strip()[:200],
        "attendance": item["attendance"],
    }
