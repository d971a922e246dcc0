"""Reads for the retention page: the rules, the people listed for review, the legal holds."""

from __future__ import annotations

from teamaround.core.access import refuse
from teamaround.governance.models import LegalHold, RetentionReview, RetentionRule, ReviewStatus


def _may_see(actor) -> bool:
    return actor.has_perm("governance.manage_retention") or actor.has_perm(
        "governance.approve_retention"
    )


def retention_overview(*, actor) -> dict:
    if not _may_see(actor):
        raise refuse(actor, what="see retention reviews")
    return {
        "rules": RetentionRule.objects.filter(archived_at=None),
        "listed": RetentionReview.objects.filter(status=ReviewStatus.LISTED).select_related(
            "person", "rule"
        ),
        "decided": RetentionReview.objects.exclude(status=ReviewStatus.LISTED)
        .select_related("person", "rule", "decided_by")
        .order_by("-decided_at")[:50],
        "holds": LegalHold.objects.filter(lifted_at=None).select_related("person", "created_by"),
    }


def holds_for(*, actor, person):
    if not actor.has_perm("governance.manage_retention"):
        raise refuse(actor, what="see legal holds")
    return LegalHold.objects.filter(person=person).order_by("-created_at")
