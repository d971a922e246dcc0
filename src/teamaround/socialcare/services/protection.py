"""Child protection: the strategy discussion (police, health, education and social care must
be heard), the section 47 enquiry, the initial conference within 15 working days of the
strategy discussion, the child protection plan with its categories, review conferences
within 3 months of the initial one and then at most every 6 months, and the plan's end."""

from __future__ import annotations

from django.utils import timezone

from teamaround.core.access import actor_user, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.socialcare import timescales
from teamaround.socialcare.models import (
    CaseEventKind,
    ChildProtectionConference,
    ChildProtectionPlan,
    ConferenceKind,
    ConferenceOutcome,
    EnquiryOutcome,
    Section47Enquiry,
    StrategyDiscussion,
    codes,
)
from teamaround.socialcare.services import lifecycle

CONFERENCE_WORK = "socialcare.conference"


def _check_attendees(attendees) -> list[dict]:
    agencies = dict(codes.STRATEGY_AGENCIES)
    cleaned = [
        {"name": a["name"].strip(), "agency": a["agency"]}
        for a in attendees
        if (a.get("name") or "").strip() and a.get("agency") in agencies
    ]
    heard = {a["agency"] for a in cleaned}
    missing = [agencies[code] for code in codes.REQUIRED_STRATEGY_AGENCIES if code not in heard]
    if missing:
        raise ValidationFailed({"attendees": [f"Record who attended from: {', '.join(missing)}."]})
    return cleaned


def _conference_work(actor, referral, conference) -> None:
    lifecycle.work_set(
        actor,
        referral,
        CONFERENCE_WORK,
        f"Hold the {conference.get_kind_display().lower()}",
        conference.due_on,
        lifecycle.link("socialcare:conference", referral.pk, conference.pk),
    )


def strategy_record(
    *, actor, referral, held_on, attendees: list[dict], summary: str, section_47: bool
) -> StrategyDiscussion:
    with use_case(actor, "socialcare.change_case", referral, what="record a strategy discussion"):
        lifecycle.require_open(referral)
        cleaned = _check_attendees(attendees)
        if not (summary or "").strip():
            raise ValidationFailed({"summary": ["Record what was discussed and decided."]})
        if held_on is None or held_on > timezone.localdate() or held_on < referral.received_on:
            raise ValidationFailed({"held_on": ["The date is between the referral and today."]})
        strategy = StrategyDiscussion.objects.create(
            referral=referral,
            held_on=held_on,
            attendees=cleaned,
            summary=summary.strip(),
            section_47=section_47,
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=strategy)
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.STRATEGY_HELD,
            "strategy discussion: section 47 enquiry" if section_47 else "strategy discussion",
        )
        if section_47:
            Section47Enquiry.objects.create(
                strategy=strategy,
                referral=referral,
                started_on=held_on,
                created_by=actor_user(actor),
            )
            conference = ChildProtectionConference.objects.create(
                referral=referral,
                kind=ConferenceKind.INITIAL,
                due_on=timescales.initial_conference_due(held_on),
                created_by=actor_user(actor),
            )
            _conference_work(actor, referral, conference)
        return strategy


def enquiry_complete(*, actor, enquiry: Section47Enquiry, outcome: str, findings: str):
    referral = enquiry.referral
    with use_case(actor, "socialcare.change_case", referral, what="complete a section 47"):
        if enquiry.completed_on is not None:
            raise Conflict("This enquiry is already complete.")
        if outcome not in EnquiryOutcome.values:
            raise ValidationFailed({"outcome": ["Choose the outcome of the enquiry."]})
        if not (findings or "").strip():
            raise ValidationFailed({"findings": ["Record what the enquiry found."]})
        enquiry.completed_on = timezone.localdate()
        enquiry.outcome = outcome
        enquiry.findings = findings.strip()
        enquiry.updated_by = actor_user(actor)
        enquiry.save()
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=enquiry, summary="Completed")
        if outcome != EnquiryOutcome.CONFERENCE:
            for conference in referral.conferences.filter(
                held_on__isnull=True, archived_at__isnull=True
            ):
                conference.archive(actor=actor, reason="Not needed: concerns not substantiated")
            lifecycle.work_cancel(actor, referral, "No conference", source=CONFERENCE_WORK)
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.ENQUIRY_COMPLETED,
            f"section 47: {enquiry.get_outcome_display().lower()}",
            outcome=outcome,
        )
        return enquiry


def _open_plan(referral):
    return referral.plans.filter(ended_on__isnull=True).first()


def conference_record(
    *,
    actor,
    conference: ChildProtectionConference,
    held_on,
    outcome: str,
    category: str,
    chair: str,
) -> ChildProtectionConference:
    """The conference's decision. An initial conference needs a completed enquiry that found
    cause; a plan starts with its category; a review keeps the plan (its latest category) or
    ends it. Each held conference sets the next one's due date."""
    referral = conference.referral
    with use_case(actor, "socialcare.change_case", referral, what="record a conference"):
        if conference.held_on is not None or conference.archived_at is not None:
            raise Conflict("This conference is already recorded.")
        errors = {}
        if outcome not in ConferenceOutcome.values:
            errors["outcome"] = ["Choose the conference's decision."]
        if outcome == ConferenceOutcome.PLAN and category not in dict(codes.ABUSE_CATEGORIES):
            errors["category"] = ["Choose the category of abuse for the plan."]
        if held_on is None or held_on > timezone.localdate():
            errors["held_on"] = ["Enter the date the conference was held (not in the future)."]
        if not (chair or "").strip():
            errors["chair"] = ["Name the chair."]
        if errors:
            raise ValidationFailed(errors)
        initial = conference.kind == ConferenceKind.INITIAL
        if initial and not referral.enquiries.filter(outcome=EnquiryOutcome.CONFERENCE).exists():
            raise DomainError("Complete the section 47 enquiry before the initial conference.")
        plan = _open_plan(referral)
        if not initial and plan is None:
            raise DomainError("A review conference reviews an open child protection plan.")
        conference.held_on = held_on
        conference.outcome = outcome
        conference.category = category if outcome == ConferenceOutcome.PLAN else ""
        conference.chair = chair.strip()
        conference.updated_by = actor_user(actor)
        conference.save()
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=conference, summary="Held")
        lifecycle.work_cancel(actor, referral, "Held", source=CONFERENCE_WORK)
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.CONFERENCE_HELD,
            f"{conference.get_kind_display().lower()}: {conference.get_outcome_display().lower()}",
            outcome=outcome,
        )
        if outcome == ConferenceOutcome.PLAN:
            _plan_continues(actor, referral, plan, held_on, category, first=initial)
        elif plan is not None:
            _plan_end(actor, plan, "no_longer_at_risk", held_on)
        return conference


def _plan_continues(actor, referral, plan, held_on, category, *, first: bool) -> None:
    next_due = timescales.review_conference_due(held_on, first=first)
    if plan is None:
        plan = ChildProtectionPlan.objects.create(
            referral=referral,
            started_on=held_on,
            initial_category=category,
            latest_category=category,
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=plan)
        lifecycle.record_event(
            actor, referral, CaseEventKind.PLAN_STARTED, f"child protection plan ({category})"
        )
        from teamaround.socialcare.services.core_group import core_group_start

        core_group_start(actor, plan, held_on)
    plan.latest_category = category
    plan.next_review_due = next_due
    plan.save(update_fields=["latest_category", "next_review_due", "updated_at"])
    review = ChildProtectionConference.objects.create(
        referral=referral,
        kind=ConferenceKind.REVIEW,
        due_on=next_due,
        created_by=actor_user(actor),
    )
    _conference_work(actor, referral, review)


def _plan_end(actor, plan, reason: str, ended_on) -> None:
    plan.ended_on = ended_on
    plan.end_reason = reason
    plan.next_review_due = None
    plan.save(update_fields=["ended_on", "end_reason", "next_review_due", "updated_at"])
    audit_record(action=AuditAction.UPDATE, actor=actor, obj=plan, summary="Plan ended")
    for conference in plan.referral.conferences.filter(
        held_on__isnull=True, archived_at__isnull=True
    ):
        conference.archive(actor=actor, reason="The plan ended")
    lifecycle.record_event(
        actor,
        plan.referral,
        CaseEventKind.PLAN_ENDED,
        f"plan ended: {plan.get_end_reason_display()}",
    )


def plan_end(*, actor, plan: ChildProtectionPlan, reason: str, ended_on=None):
    """End a plan outside a conference (the child moved away, became looked after...): with a
    reason; the case stays open as child in need until it is closed."""
    referral = plan.referral
    with use_case(actor, "socialcare.change_case", referral, what="end a child protection plan"):
        if plan.ended_on is not None:
            raise Conflict("This plan has already ended.")
        if reason not in dict(codes.PLAN_END_REASONS):
            raise ValidationFailed({"reason": ["Choose why the plan ends."]})
        _plan_end(actor, plan, reason, ended_on or timezone.localdate())
        lifecycle.work_cancel(actor, referral, "Plan ended", source=CONFERENCE_WORK)
        return plan
