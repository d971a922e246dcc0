"""The team's caseload dashboard: every open case of the manager's team with its next due
date and red/amber/green, counted by colour. Two queries however many cases there are."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from teamaround.core.access import require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.socialcare import timescales
from teamaround.socialcare.models import (
    AssessmentStatus,
    CareReview,
    CaseStatus,
    ChildInNeedPlan,
    ChildProtectionConference,
    CoreGroup,
    Placement,
    SocialCareReferral,
)


def _next_due(row) -> tuple[str, date | None, date | None]:
    if row["status"] == CaseStatus.AWAITING_DECISION:
        return "Referral decision", row["decision_due_on"], None
    if row["status"] == CaseStatus.ASSESSMENT and row["assessment_due"]:
        done = (
            row["assessment_done"]
            if row["assessment_status"] != AssessmentStatus.IN_PROGRESS
            else None
        )
        return "Assessment", row["assessment_due"], done
    if row["status"] == CaseStatus.LOOKED_AFTER:
        dues = [
            (due, label)
            for due, label in (
                (row["care_review_due"], "Looked-after review"),
                (row["visit_due"], "Placement visit"),
            )
            if due
        ]
        if dues:
            due, label = min(dues)
            return label, due, None
    if row["status"] == CaseStatus.CARE_LEAVER and row["pathway_due"]:
        if row["pathway_done"] is None:
            return "Pathway plan", row["pathway_due"], None
        if row["pathway_review_due"]:
            return "Pathway plan review", row["pathway_review_due"], None
    if row["status"] == CaseStatus.CHILD_IN_NEED and row.get("cin_review_due"):
        return "Child in need plan review", row["cin_review_due"], None
    if row.get("core_group_due") and (
        not row["conference_due"] or row["core_group_due"] < row["conference_due"]
    ):
        return "First core group meeting", row["core_group_due"], None
    if row["conference_due"]:
        return row["conference_kind"], row["conference_due"], None
    return "", None, None


def _pending_conference(field: str):
    pending = ChildProtectionConference.objects.filter(
        referral=OuterRef("pk"), held_on__isnull=True, archived_at__isnull=True
    ).order_by("due_on")
    return Subquery(pending.values(field)[:1])


def _care_review_due():
    pending = CareReview.objects.filter(
        period__referral=OuterRef("pk"),
        period__ended_on__isnull=True,
        held_on__isnull=True,
        archived_at__isnull=True,
    ).order_by("due_on")
    return Subquery(pending.values("due_on")[:1])


def _core_group_due():
    """The first core group meeting of an open plan, while it has not been held."""
    waiting = CoreGroup.objects.filter(
        referral=OuterRef("pk"), plan__ended_on__isnull=True, meetings__isnull=True
    ).order_by("first_meeting_due")
    return Subquery(waiting.values("first_meeting_due")[:1])


def _cin_review_due():
    plans = ChildInNeedPlan.objects.filter(
        referral=OuterRef("pk"), ended_on__isnull=True, next_review_due__isnull=False
    ).order_by("next_review_due")
    return Subquery(plans.values("next_review_due")[:1])


def _visit_due():
    current = Placement.objects.filter(
        period__referral=OuterRef("pk"), ended_on__isnull=True, next_visit_due__isnull=False
    ).order_by("next_visit_due")
    return Subquery(current.values("next_visit_due")[:1])


KINDS = {"initial": "Initial conference", "review": "Review conference"}


def caseload(*, actor, today: date | None = None) -> dict:
    require(actor, "socialcare.see_caseload", what="see the team's social care caseload")
    today = today or timezone.localdate()
    rows = list(
        SocialCareReferral.objects.filter(team_id=actor.team_id)
        .exclude(status=CaseStatus.CLOSED)
        .annotate(
            child_name=F("child__forenames"),
            child_surname=F("child__surname"),
            worker_first=F("allocated_worker__first_name"),
            worker_last=F("allocated_worker__last_name"),
            assessment_due=F("assessment__due_on"),
            assessment_done=F("assessment__completed_on"),
            assessment_status=F("assessment__status"),
            conference_due=_pending_conference("due_on"),
            conference_kind=_pending_conference("kind"),
            care_review_due=_care_review_due(),
            visit_due=_visit_due(),
            core_group_due=_core_group_due(),
            cin_review_due=_cin_review_due(),
            pathway_due=F("pathway_plan__due_on"),
            pathway_done=F("pathway_plan__completed_on"),
            pathway_review_due=F("pathway_plan__next_review_due"),
        )
        .values(
            "pk",
            "status",
            "received_on",
            "decision_due_on",
            "allocated_worker_id",
            "child_name",
            "child_surname",
            "worker_first",
            "worker_last",
            "assessment_due",
            "assessment_done",
            "assessment_status",
            "conference_due",
            "conference_kind",
            "care_review_due",
            "visit_due",
            "core_group_due",
            "cin_review_due",
            "pathway_due",
            "pathway_done",
            "pathway_review_due",
        )
        .order_by("received_on")
    )
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="socialcare.socialcarereferral",
        summary="Viewed the team's social care caseload",
    )
    statuses = dict(CaseStatus.choices)
    colours: Counter = Counter()
    by_worker: Counter = Counter()
    cases = []
    for row in rows:
        label, due, done = _next_due(row)
        label = KINDS.get(label, label)
        rag = timescales.rag(label, due, done, today) if due else None
        colours[rag.colour if rag else "none"] += 1
        worker = f"{row['worker_first']} {row['worker_last']}".strip() or "Unallocated"
        by_worker[worker] += 1
        cases.append(
            {
                "pk": row["pk"],
                "child": f"{row['child_name']} {row['child_surname']}",
                "status": statuses.get(row["status"], row["status"]),
                "worker": worker,
                "received_on": row["received_on"],
                "next": rag,
            }
        )
    order = {"red": 0, "amber": 1, "green": 2}
    cases.sort(key=lambda c: (order.get(c["next"].colour, 3) if c["next"] else 4, c["received_on"]))
    return {
        "cases": cases,
        "colours": colours,
        "by_worker": sorted(by_worker.items()),
        "today": today,
    }
