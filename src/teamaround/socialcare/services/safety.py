"""The live safety checks, run every night and on demand (`teamaround safety_checks`, the
`run_safety_checks` background task, the button on the team's caseload). Over every open
case: an allocated worker; a known address or a placement; a next statutory date that has
not passed; for every missing episode of a child in care, a return conversation offered by
its due date; for every child protection plan, a visit within the council's standard.

A breach found is raised once (one open breach per check, case and record), with a task on
the team manager's list; a breach no longer found is cleared, and its task with it. Running
again changes nothing that has not changed."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM, actor_user, on_behalf_of, require
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.core.work import work_item_cancel_for_source, work_item_create
from teamaround.socialcare import timescales
from teamaround.socialcare.models import (
    AssessmentStatus,
    CarePeriod,
    CareReview,
    CaseStatus,
    ChildAndFamilyAssessment,
    ChildProtectionConference,
    ChildProtectionPlan,
    MissingFromCare,
    PathwayPlan,
    Placement,
    SafetyBreach,
    SafetyCheck,
    SafetyStandard,
    SocialCareReferral,
    StatutoryVisit,
)
from teamaround.socialcare.services import lifecycle

BREACH_WORK = "socialcare.breach"
CP_VISIT_STANDARD = "cp_visit"
# The statuses in which a case always has a statutory date ahead of it.
DATED = {
    CaseStatus.AWAITING_DECISION,
    CaseStatus.ASSESSMENT,
    CaseStatus.PROTECTION,
    CaseStatus.CHILD_PROTECTION,
    CaseStatus.LOOKED_AFTER,
    CaseStatus.CARE_LEAVER,
}


def cp_visit_working_days() -> int:
    standard = SafetyStandard.objects.filter(key=CP_VISIT_STANDARD).first()
    return standard.working_days if standard else timescales.CP_VISIT_WORKING_DAYS


def _next_dates(case_ids) -> dict:
    """case id -> the statutory dates still to meet (not yet done)."""
    dates = defaultdict(list)

    def add(rows):
        for case_id, due in rows:
            if due is not None:
                dates[case_id].append(due)

    add(
        SocialCareReferral.objects.filter(
            pk__in=case_ids, status=CaseStatus.AWAITING_DECISION
        ).values_list("pk", "decision_due_on")
    )
    add(
        ChildAndFamilyAssessment.objects.filter(
            referral_id__in=case_ids, status=AssessmentStatus.IN_PROGRESS
        ).values_list("referral_id", "due_on")
    )
    add(
        ChildProtectionConference.objects.filter(
            referral_id__in=case_ids, held_on__isnull=True, archived_at__isnull=True
        ).values_list("referral_id", "due_on")
    )
    add(
        CareReview.objects.filter(
            period__referral_id__in=case_ids,
            period__ended_on__isnull=True,
            held_on__isnull=True,
            archived_at__isnull=True,
        ).values_list("period__referral_id", "due_on")
    )
    add(
        Placement.objects.filter(
            period__referral_id__in=case_ids, ended_on__isnull=True
        ).values_list("period__referral_id", "next_visit_due")
    )
    for case_id, due, done, review in PathwayPlan.objects.filter(
        referral_id__in=case_ids
    ).values_list("referral_id", "due_on", "completed_on", "next_review_due"):
        dates[case_id].append(review if done else due)
    return dates


def _findings(cases: list[dict], today: date) -> dict:
    """(check, case id, subject id) -> detail, for every breach there is now."""
    from teamaround.people.selectors.households import with_known_address

    found = {}
    ids = [c["pk"] for c in cases]
    placed = set(
        CarePeriod.objects.filter(referral_id__in=ids, ended_on__isnull=True).values_list(
            "referral_id", flat=True
        )
    )
    housed = with_known_address({c["child_id"] for c in cases}, actor=on_behalf_of(SYSTEM))
    dates = _next_dates(ids)
    for case in cases:
        pk = case["pk"]
        if case["allocated_worker_id"] is None:
            found[(SafetyCheck.NO_WORKER, pk, "")] = "No social worker is allocated."
        if pk not in placed and case["child_id"] not in housed:
            found[(SafetyCheck.NO_ADDRESS, pk, "")] = "No current address or placement is known."
        pending = dates.get(pk, [])
        if pending and min(pending) < today:
            found[(SafetyCheck.NO_NEXT_DATE, pk, "")] = (
                f"A statutory date has passed: due {min(pending):%-d %B %Y}."
            )
        elif not pending and case["status"] in DATED:
            found[(SafetyCheck.NO_NEXT_DATE, pk, "")] = "No next statutory date is recorded."
    from teamaround.socialcare.services.missing import conversation_due

    for missing in MissingFromCare.objects.filter(
        referral_id__in=ids, conversation_offered_on__isnull=True, archived_at__isnull=True
    ):
        due = conversation_due(missing)
        if due < today:
            found[(SafetyCheck.RETURN_CONVERSATION, missing.referral_id, str(missing.pk))] = (
                f"Missing on {missing.missing_on:%-d %B %Y}: no return conversation offered "
                f"(due by {due:%-d %B %Y})."
            )
    standard = cp_visit_working_days()
    plans = ChildProtectionPlan.objects.filter(
        referral_id__in=ids, ended_on__isnull=True, archived_at__isnull=True
    ).values_list("pk", "referral_id", "started_on")
    last_visits = dict(
        StatutoryVisit.objects.filter(referral_id__in=ids, archived_at__isnull=True)
        .values("referral_id")
        .annotate(last=Max("visited_on"))
        .values_list("referral_id", "last")
    )
    for plan_id, case_id, started in plans:
        last = last_visits.get(case_id)
        since = last if last and last >= started else started
        due = timescales.protection_visit_due(since, standard)
        if due < today:
            found[(SafetyCheck.PROTECTION_VISIT, case_id, str(plan_id))] = (
                f"No child protection visit since {since:%-d %B %Y} "
                f"(the standard is {standard} working days)."
            )
    return found


def _manager_of(team_id):
    return (
        get_user_model()
        .objects.filter(team_id=team_id, is_active=True, role_assignments__role=Role.TEAM_MANAGER)
        .order_by("username")
        .first()
    )


def _raise(actor, key, detail, case, now, managers) -> SafetyBreach:
    check, case_id, subject = key
    breach = SafetyBreach.objects.create(
        referral_id=case_id,
        kind=check,
        subject_id=subject,
        team_id=case["team_id"],
        detail=detail[:300],
        raised_at=now,
        created_by=actor_user(actor),
    )
    if case["team_id"] not in managers:
        managers[case["team_id"]] = _manager_of(case["team_id"])
    manager = managers[case["team_id"]]
    work_item_create(
        actor=on_behalf_of(actor),
        title=f"Safety check: {SafetyCheck(check).label} ({case['child']})"[:200],
        details=detail,
        source_type=BREACH_WORK,
        source_id=str(breach.pk),
        assigned_to=manager,
        team=None if manager else breach.team,
        due_on=now.date(),
        link=lifecycle.link("socialcare:case", case_id),
    )
    return breach


def _clear(actor, breach: SafetyBreach, now) -> None:
    breach.cleared_at = now
    breach.updated_by = actor_user(actor)
    breach.save(update_fields=["cleared_at", "updated_by", "updated_at"])
    work_item_cancel_for_source(
        actor=on_behalf_of(actor),
        source_type=BREACH_WORK,
        source_id=str(breach.pk),
        reason="Mended: the safety check no longer finds it",
    )


def safety_checks_run(*, actor=SYSTEM, today: date | None = None) -> dict:
    """Run every check over every open case; raise new breaches, clear mended ones. Returns
    the counts {checked, raised, cleared, open}."""
    require(actor, "socialcare.run_safety_checks", what="run the social care safety checks")
    from teamaround.socialcare.services.missing import missing_from_hub

    today = today or timezone.localdate()
    now = timezone.now()
    for referral in SocialCareReferral.objects.filter(
        status=CaseStatus.LOOKED_AFTER
    ).select_related("child"):
        missing_from_hub(actor=on_behalf_of(actor), referral=referral)
    cases = list(
        SocialCareReferral.objects.exclude(status=CaseStatus.CLOSED).values(
            "pk",
            "status",
            "child_id",
            "team_id",
            "allocated_worker_id",
            "child__forenames",
            "child__surname",
        )
    )
    for case in cases:
        case["child"] = f"{case.pop('child__forenames')} {case.pop('child__surname')}"
    by_pk = {case["pk"]: case for case in cases}
    found = _findings(cases, today)
    raised = cleared = 0
    managers: dict = {}
    with transaction.atomic():
        open_breaches = {
            (b.kind, b.referral_id, b.subject_id): b
            for b in SafetyBreach.objects.filter(cleared_at__isnull=True)
        }
        for key, breach in open_breaches.items():
            if key not in found:
                _clear(actor, breach, now)
                cleared += 1
        for key, detail in found.items():
            if key not in open_breaches:
                _raise(actor, key, detail, by_pk[key[1]], now, managers)
                raised += 1
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            object_type="socialcare.safetybreach",
            summary=f"Safety checks: {len(cases)} cases, {raised} raised, {cleared} cleared",
        )
    return {"checked": len(cases), "raised": raised, "cleared": cleared, "open": len(found)}


def safety_checks_request(*, actor) -> None:
    """A team manager asks for the checks to run now (in the background)."""
    require(actor, "socialcare.see_caseload", what="run the social care safety checks")
    from teamaround.socialcare.tasks import run_safety_checks

    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        object_type="socialcare.safetybreach",
        summary="Asked for the safety checks to run",
    )
    run_safety_checks.enqueue(str(actor.pk))
