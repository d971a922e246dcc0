"""Reads of social care cases: one rule (socialcare.permissions.case_filter) for a list and a
single record; opening a case is an audited view, a refusal an audited refusal."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.core.records import record_get
from teamaround.people import selectors as people_selectors
from teamaround.socialcare import timescales
from teamaround.socialcare.models import CaseStatus, SocialCareReferral
from teamaround.socialcare.permissions import case_edit_filter, case_filter

RELATED = ("child", "family", "team__agency", "allocated_worker", "decided_by")


def case_list(*, actor, open_only: bool = True, mine: bool = False) -> QuerySet:
    cases = SocialCareReferral.objects.filter(case_filter(actor)).select_related(*RELATED)
    if open_only:
        cases = cases.exclude(status=CaseStatus.CLOSED)
    if mine:
        cases = cases.filter(allocated_worker_id=actor.pk)
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="socialcare.socialcarereferral",
        summary="Listed social care cases",
    )
    return cases


def case_get(*, actor, referral_id, audit: bool = True) -> SocialCareReferral:
    return record_get(
        SocialCareReferral.objects.select_related(*RELATED),
        actor=actor,
        pk=referral_id,
        rule=case_filter(actor),
        what="a social care case",
        audit=audit,
        message="You do not have access to this social care case. The allocated social "
        "worker or their team manager can tell you what you need to know.",
    )


def can_change(actor, referral) -> bool:
    """For showing buttons; services check again."""
    return (
        not referral.is_closed
        and SocialCareReferral.objects.filter(case_edit_filter(actor), pk=referral.pk).exists()
    )


def can_authorise(actor, referral) -> bool:
    return actor.has_perm("socialcare.authorise", referral)


def family_history(referral):
    """The whole family's chronology (every app's events), newest first: what the social
    worker sees from the first page. The case read is audited by case_get."""
    return people_selectors.family_chronology(referral.family).order_by("-occurred_at")[:50]


def hand_overs_to_receive(*, actor):
    """The actor's team's social care hand-overs from the Hub with no referral yet."""
    from teamaround.frontdoor.models import HandOverKind, HandOverStatus
    from teamaround.frontdoor.selectors.handovers import hand_overs_for_my_team

    if not actor.has_perm("socialcare.receive_referral"):
        return []
    received = SocialCareReferral.objects.exclude(hand_over_id__isnull=True).values("hand_over_id")
    return (
        hand_overs_for_my_team(
            actor=actor, status=(HandOverStatus.AWAITING, HandOverStatus.ACCEPTED)
        )
        .filter(kind=HandOverKind.SOCIAL_CARE_REFERRAL)
        .exclude(pk__in=received)
    )


def case_timeliness(referral, today: date | None = None) -> list[timescales.Timeliness]:
    """Red, amber or green against each due date the case has (a pure reading of what the
    page has already loaded)."""
    today = today or timezone.localdate()
    rows = [
        timescales.rag("Referral decision", referral.decision_due_on, referral.decided_on, today)
    ]
    assessment = getattr(referral, "assessment", None)
    if assessment is not None:
        rows.append(timescales.rag("Assessment", assessment.due_on, assessment.completed_on, today))
    for conference in referral.conferences.filter(archived_at__isnull=True):
        rows.append(
            timescales.rag(
                conference.get_kind_display(), conference.due_on, conference.held_on, today
            )
        )
    from teamaround.socialcare.selectors.cp_team import core_group_timeliness
    from teamaround.socialcare.selectors.looked_after import looked_after_timeliness
    from teamaround.socialcare.selectors.proceedings import proceedings_timeliness

    for plan in referral.cin_plans.filter(ended_on__isnull=True, next_review_due__isnull=False):
        rows.append(timescales.rag("Child in need plan review", plan.next_review_due, None, today))
    rows += proceedings_timeliness(referral, today)
    return rows + core_group_timeliness(referral, today) + looked_after_timeliness(referral, today)


def case_protection(referral) -> dict:
    """The case's child protection records, for its page (the case read is audited)."""
    return {
        "strategies": list(referral.strategies.all()),
        "enquiries": list(referral.enquiries.all()),
        "conferences": list(referral.conferences.filter(archived_at__isnull=True)),
        "plans": list(referral.plans.all()),
    }
