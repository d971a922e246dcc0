"""A case's lifecycle: one status on a timeline, moved by typed events through
core.transitions, each appended as a CaseEvent and added to the family's chronology (people's
service, on behalf of the person who did it). What follows from a move (the team's
involvement with the family, work items) lives here too."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from teamaround.core.access import actor_user, on_behalf_of
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.core.transitions import Lifecycle, step
from teamaround.core.work import work_item_cancel_for_source, work_item_create
from teamaround.people import selectors as people_selectors
from teamaround.people import services as people_services
from teamaround.people.models import FamilyEventKind
from teamaround.socialcare.models import (
    AssessmentOutcome,
    CaseEvent,
    CaseEventKind,
    CaseStatus,
    ConferenceOutcome,
    Decision,
    EnquiryOutcome,
    SocialCareReferral,
)

OPEN = {
    CaseStatus.ASSESSMENT,
    CaseStatus.PROTECTION,
    CaseStatus.CHILD_IN_NEED,
    CaseStatus.CHILD_PROTECTION,
    CaseStatus.LOOKED_AFTER,
    CaseStatus.CARE_LEAVER,
}
BEFORE_CARE = {
    CaseStatus.ASSESSMENT,
    CaseStatus.PROTECTION,
    CaseStatus.CHILD_IN_NEED,
    CaseStatus.CHILD_PROTECTION,
}
DECISION_STATUS = {
    Decision.NO_FURTHER_ACTION: CaseStatus.CLOSED,
    Decision.ASSESSMENT: CaseStatus.ASSESSMENT,
    Decision.STRATEGY: CaseStatus.PROTECTION,
}
ASSESSMENT_STATUS = {
    AssessmentOutcome.NO_FURTHER_ACTION: CaseStatus.CLOSED,
    AssessmentOutcome.CHILD_IN_NEED: CaseStatus.CHILD_IN_NEED,
    AssessmentOutcome.STRATEGY: CaseStatus.PROTECTION,
    AssessmentOutcome.STEP_DOWN: CaseStatus.CLOSED,
}
ENQUIRY_STATUS = {
    EnquiryOutcome.CONFERENCE: CaseStatus.PROTECTION,
    EnquiryOutcome.CHILD_IN_NEED: CaseStatus.CHILD_IN_NEED,
    EnquiryOutcome.NO_FURTHER_ACTION: CaseStatus.CLOSED,
}
CONFERENCE_STATUS = {
    ConferenceOutcome.PLAN: CaseStatus.CHILD_PROTECTION,
    ConferenceOutcome.CHILD_IN_NEED: CaseStatus.CHILD_IN_NEED,
    ConferenceOutcome.NO_FURTHER_ACTION: CaseStatus.CLOSED,
}


def _after_plan(referral) -> str:
    """A plan ended outside a conference leaves a child in need; after a conference the
    conference has already moved the case."""
    return (
        CaseStatus.CHILD_IN_NEED
        if referral.status == CaseStatus.CHILD_PROTECTION
        else referral.status
    )


OTHER = FamilyEventKind.OTHER
PROCEEDINGS_EVENTS = (
    CaseEventKind.PLO_STARTED,
    CaseEventKind.PLO_LETTER,
    CaseEventKind.PLO_MEETING,
    CaseEventKind.PLO_DECIDED,
    CaseEventKind.FGDM_OFFERED,
    CaseEventKind.FGDM_HELD,
    CaseEventKind.FGDM_EXCEPTION,
    CaseEventKind.PROCEEDINGS_ISSUED,
)
# kind -> where it may happen, the status afterwards, and how it reads in the chronology.
# The callables read the outcome the use-case has just set on `record._outcome`.
CASE_LIFECYCLE = Lifecycle(
    {
        CaseEventKind.RECEIVED: step(
            None, CaseStatus.AWAITING_DECISION, FamilyEventKind.EPISODE_OPENED
        ),
        CaseEventKind.DECIDED: step(
            {CaseStatus.AWAITING_DECISION},
            lambda r: DECISION_STATUS[r.decision],
            FamilyEventKind.OTHER,
        ),
        CaseEventKind.ASSESSMENT_STARTED: step(
            {CaseStatus.ASSESSMENT, CaseStatus.CHILD_IN_NEED}, CaseStatus.ASSESSMENT, OTHER
        ),
        CaseEventKind.ASSESSMENT_AUTHORISED: step(
            {CaseStatus.ASSESSMENT},
            lambda r: ASSESSMENT_STATUS[r._outcome],
            FamilyEventKind.ASSESSMENT_SIGNED_OFF,
        ),
        CaseEventKind.STRATEGY_HELD: step(OPEN, CaseStatus.PROTECTION, OTHER),
        CaseEventKind.ENQUIRY_COMPLETED: step(
            {CaseStatus.PROTECTION}, lambda r: ENQUIRY_STATUS[r._outcome], OTHER
        ),
        CaseEventKind.CONFERENCE_HELD: step(
            {CaseStatus.PROTECTION, CaseStatus.CHILD_PROTECTION},
            lambda r: CONFERENCE_STATUS[r._outcome],
            OTHER,
        ),
        CaseEventKind.PLAN_STARTED: step({CaseStatus.CHILD_PROTECTION}, None, OTHER),
        CaseEventKind.PLAN_ENDED: step(
            {
                CaseStatus.CHILD_PROTECTION,
                CaseStatus.CHILD_IN_NEED,
                CaseStatus.CLOSED,
                CaseStatus.LOOKED_AFTER,
            },
            _after_plan,
            OTHER,
        ),
        CaseEventKind.CARE_STARTED: step(BEFORE_CARE, CaseStatus.LOOKED_AFTER, OTHER),
        CaseEventKind.PLACEMENT_CHANGED: step({CaseStatus.LOOKED_AFTER}, None, OTHER),
        CaseEventKind.CARE_ENDED: step(
            {CaseStatus.LOOKED_AFTER}, lambda r: r._outcome or CaseStatus.CHILD_IN_NEED, OTHER
        ),
        # Pre-proceedings and FGDM (services.proceedings) leave the status as it is.
        **{kind: step(OPEN, None, OTHER) for kind in PROCEEDINGS_EVENTS},
        CaseEventKind.REALLOCATED: step({CaseStatus.AWAITING_DECISION} | OPEN, None, OTHER),
        CaseEventKind.STEPPED_DOWN: step(
            {CaseStatus.ASSESSMENT, CaseStatus.CHILD_IN_NEED},
            CaseStatus.CLOSED,
            FamilyEventKind.STEPPED_DOWN,
        ),
        CaseEventKind.CLOSED: step(OPEN, CaseStatus.CLOSED, FamilyEventKind.EPISODE_CLOSED),
        CaseEventKind.CP_TEAM: step(OPEN, None, OTHER),
        CaseEventKind.LCPP: step(OPEN, None, OTHER),
        CaseEventKind.CORE_GROUP: step(OPEN, None, OTHER),
        CaseEventKind.OVERSIGHT: step({CaseStatus.AWAITING_DECISION} | OPEN, None, OTHER),
        CaseEventKind.CIN_PLAN: step({CaseStatus.CHILD_IN_NEED}, None, OTHER),
        CaseEventKind.CIN_REVIEW: step({CaseStatus.CHILD_IN_NEED}, None, OTHER),
    },
    noun="case",
)


def require_open(referral: SocialCareReferral) -> None:
    if referral.is_closed:
        raise DomainError("This case is closed.")


def record_event(
    actor, referral: SocialCareReferral, kind: str, summary: str, *, outcome: str = ""
) -> CaseEvent:
    """Move the case through CASE_LIFECYCLE, append the event and add it to the chronology.
    `summary` says what happened without a family member's details."""
    referral._outcome = outcome
    moved = CASE_LIFECYCLE.move(referral, kind, actor=actor, why=summary, save=False)
    update = ["updated_by", "updated_at"] + (["status"] if moved.changed else [])
    if moved.to_status == CaseStatus.CLOSED and moved.changed and referral.closed_on is None:
        referral.closed_on = moved.occurred_at.date()
        update.append("closed_on")
    referral.save(update_fields=update)
    event = CaseEvent.objects.create(referral=referral, **moved.event_fields(summary))
    people_services.family_event_record(
        actor=on_behalf_of(actor),
        family=referral.family,
        kind=CASE_LIFECYCLE.chronology_kind(kind),
        summary=f"Social care {referral.reference}: {summary}"[:300],
        occurred_at=moved.occurred_at,
        team=referral.team,
        source_app="socialcare",
        source_id=str(referral.pk),
    )
    audit_record(action=AuditAction.UPDATE, actor=actor, obj=referral, summary=f"Case {kind}")
    if moved.to_status == CaseStatus.CLOSED:
        work_cancel(actor, referral, "Case closed")
        from teamaround.socialcare.services.cp_team import cp_team_disband

        cp_team_disband(actor, referral)
    return event


def link(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def involve(actor, referral: SocialCareReferral) -> None:
    """The case's team becomes involved with the family (so it sees the whole history)."""
    involved = people_selectors.family_involvements(referral.family).filter(
        team=referral.team, closed_at__isnull=True
    )
    if involved.exists():
        return
    people_services.involvement_open(
        actor=on_behalf_of(actor),
        family=referral.family,
        team=referral.team,
        reason=f"Social care {referral.reference}",
        lead_worker=referral.allocated_worker,
        recorded_by=actor_user(actor),
    )


def work_set(actor, referral, source: str, title: str, due_on, url: str) -> None:
    """One open work item per case and kind of deadline: to the allocated worker, or to the
    team while the case has none."""
    work_cancel(actor, referral, "Superseded", source=source)
    work_item_create(
        actor=on_behalf_of(actor),
        title=f"{title} for {referral.reference}"[:200],
        source_type=source,
        source_id=str(referral.pk),
        assigned_to=referral.allocated_worker,
        team=None if referral.allocated_worker_id else referral.team,
        due_on=due_on,
        link=url,
    )


WORK_SOURCES = (
    "socialcare.decision",
    "socialcare.pre_proceedings",
    "socialcare.assessment",
    "socialcare.authorise",
    "socialcare.conference",
    "socialcare.care_review",
    "socialcare.visit",
    "socialcare.missing",
    "socialcare.pathway",
    "socialcare.core_group",
    "socialcare.cin_review",
)


def work_cancel(actor, referral, reason: str, *, source: str | None = None) -> None:
    for kind in (source,) if source else WORK_SOURCES:
        work_item_cancel_for_source(
            actor=on_behalf_of(actor), source_type=kind, source_id=str(referral.pk), reason=reason
        )
