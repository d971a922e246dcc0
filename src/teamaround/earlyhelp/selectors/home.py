"""The worker's home page: my families, my actions due or overdue, reviews due, and (for
managers) assessments awaiting sign-off. Only lists: opening a case is audited there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.earlyhelp.models import Episode, EpisodeStatus, PlanAction, TafMember
from teamaround.earlyhelp.selectors.episodes import RELATED, assessments_awaiting_sign_off

SOON_DAYS = 14
LIMIT = 100


@dataclass
class WorkerHome:
    episodes: list
    actions: list
    reviews: list
    awaiting_sign_off: list
    today: object


def worker_home(*, actor) -> WorkerHome:
    today = timezone.localdate()
    soon = today + timedelta(days=SOON_DAYS)
    mine = TafMember.objects.filter(practitioner_id=actor.pk, left_at__isnull=True).values(
        "episode_id"
    )
    episodes = (
        Episode.objects.filter(Q(lead_professional_id=actor.pk) | Q(pk__in=mine))
        .exclude(status=EpisodeStatus.CLOSED)
        .select_related(*RELATED)
        .order_by("next_review_due", "started_on")
    )
    actions = (
        PlanAction.objects.filter(
            owner_id=actor.pk,
            archived_at__isnull=True,
            due_on__lte=soon,
            status__in=("not_started", "in_progress"),
            plan__episode__in=Episode.objects.filter(pk__in=mine).exclude(status="closed"),
        )
        .select_related("plan__episode__family", "domain")
        .order_by("due_on")
    )
    reviews = [e for e in episodes[:LIMIT] if e.next_review_due and e.next_review_due <= soon]
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="earlyhelp.episode",
        summary="Listed my early help families and work",
    )
    return WorkerHome(
        episodes=list(episodes[:LIMIT]),
        actions=list(actions[:LIMIT]),
        reviews=reviews,
        awaiting_sign_off=list(assessments_awaiting_sign_off(actor=actor)[:LIMIT]),
        today=today,
    )
