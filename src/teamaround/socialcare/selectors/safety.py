"""The safety checks' breaches: the team manager's own team's, open first (audited as a list
read); and a case's open breaches for its page (the case read is audited by case_get)."""

from __future__ import annotations

from django.db.models import QuerySet

from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.socialcare.models import SafetyBreach


def team_breaches(*, actor) -> QuerySet[SafetyBreach]:
    require(actor, "socialcare.see_caseload", what="see the team's safety check breaches")
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="socialcare.safetybreach",
        summary="Viewed the team's safety check breaches",
    )
    return (
        SafetyBreach.objects.filter(team_id=actor.team_id, cleared_at__isnull=True)
        .select_related("referral__child")
        .order_by("raised_at")
    )


def case_breaches(referral) -> list[SafetyBreach]:
    return list(referral.breaches.filter(cleared_at__isnull=True).order_by("raised_at"))
