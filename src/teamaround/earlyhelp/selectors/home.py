"""The worker's home page: my families, my actions due or overdue, reviews due, and (for
managers) assessments awaiting sign-off. Only lists: opening a case is audited there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from teamaround.core.audit import audit_listed
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
    shown = audit_listed(episodes[:LIMIT], actor=actor, what="my early help families")
    reviews = [e for e in shown if e.next_review_due and e.next_review_due <= soon]
    return WorkerHome(
        episodes=shown,
        actions=list(actions[:LIMIT]),
        reviews=reviews,
        awaiting_sign_off=audit_listed(
            assessments_awaiting_sign_off(actor=actor)[:LIMIT],
            actor=actor,
            what="assessments awaiting sign-off",
        ),
        today=today,
    )
