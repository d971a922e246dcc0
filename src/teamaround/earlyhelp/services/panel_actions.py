"""Actions a multi-agency panel agrees join the family's Early Help Plan.

The panel's decision is the mandate: the chair recording it need not be in the Team Around the
Family, and an action's owner who is not yet in the TAF joins it (with access to the family)
because the panel gave them work with this family. A family without an open episode that has a
plan gets nothing here. Either way the panel keeps the action on its own record and the
owner's task list.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from teamaround.core.access import actor_user, require
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.earlyhelp.models import EarlyHelpPlan, EpisodeStatus, PlanAction, TafRole
from teamaround.earlyhelp.services.episodes import _add_member


def plan_action_from_panel(
    *, actor, family, what: str, owner, due_on, source_app: str, source_id: str
) -> PlanAction | None:
    require(actor, "core.create_work_item", what="add a panel action to a plan")
    if owner is None or due_on is None or not (what or "").strip():
        raise DomainError("A panel action needs what, an owner and a date.")
    plan = (
        EarlyHelpPlan.objects.select_related("episode")
        .filter(episode__family=family)
        .exclude(episode__status=EpisodeStatus.CLOSED)
        .order_by("-episode__started_on", "-created_at")
        .first()
    )
    if plan is None:
        return None
    episode = plan.episode
    with transaction.atomic():
        if not episode.taf_members.filter(practitioner=owner, left_at__isnull=True).exists():
            _add_member(actor, episode, owner, TafRole.OTHER, timezone.now())
        action = PlanAction.objects.create(
            plan=plan,
            what=what.strip(),
            owner=owner,
            owner_agency=owner.team.agency if owner.team_id else None,
            due_on=due_on,
            created_by=actor_user(actor),
        )
        # Anyone editing the plan now must see the new action before saving over it.
        EarlyHelpPlan.objects.filter(pk=plan.pk).update(version=F("version") + 1)
        # No second task: the panel already put this action on the owner's task list.
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=action,
            summary=f"Action from {source_app} added to the Early Help Plan",
            changes={"source": [source_app, str(source_id)]},
        )
    return action
