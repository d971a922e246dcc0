"""Pre-proceedings under the Public Law Outline, and the application to court behind the
family group decision-making (FGDM) gate.

- A manager of the case's team decides to start pre-proceedings, at a legal planning
  meeting; the worker records the letter before proceedings, the pre-proceedings meetings
  (after a letter has gone), and the outcome: step down out of pre-proceedings, continue
  (to a new review date) or issue care proceedings.
- Care proceedings are recorded as issued only through `proceedings_issue`, and only when
  `fgdm_gate` is met: a family group decision-making meeting offered and held, or an
  exception authorised by a manager (Children's Wellbeing and Schools Act 2026). Every path to
  "issued" (the outcome of pre-proceedings, or an application made without them) comes here.

Timescales (calendar weeks, since the sources count weeks; a date that falls on a weekend or
bank holiday is brought forward to the working day before, as socialcare.timescales does):
- Pre-proceedings: ordinarily concluded within 16 weeks of the decision to start them (Public
  Law Working Group, "Recommendations to achieve best practice in the child protection and
  family justice systems", 2021, and the Public Law Outline relaunch, January 2023).
- Care proceedings: the application disposed of within 26 weeks beginning with the day it
  was issued (Children Act 1989, s.32(1)(a), as amended by the Children and Families Act
  2014, s.14).

Each step goes on the case's timeline and the family's chronology through
socialcare.services.lifecycle.record_event; summaries name no family member.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from teamaround.core.access import actor_user, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.socialcare.models import (
    CareProceedings,
    CaseEventKind,
    FgdmException,
    FgdmMeeting,
    LetterBeforeProceedings,
    OrderSought,
    PreProceedings,
    PreProceedingsMeeting,
    PreProceedingsOutcome,
)
from teamaround.socialcare.services import lifecycle
from teamaround.socialcare.timescales import working_day_on_or_before

PRE_PROCEEDINGS_WEEKS = 16
PROCEEDINGS_WEEKS = 26
PLO_WORK = "socialcare.pre_proceedings"
GATE_MESSAGE = (
    "Care proceedings cannot be recorded as issued until a family group decision-making "
    "meeting has been offered and held, or a manager has authorised an exception."
)


def pre_proceedings_due(decided_on: date) -> date:
    return working_day_on_or_before(decided_on + timedelta(weeks=PRE_PROCEEDINGS_WEEKS))


def final_hearing_due(issued_on: date) -> date:
    """26 weeks *beginning with* the day of issue: the issue day is the first day."""
    return working_day_on_or_before(
        issued_on + timedelta(weeks=PROCEEDINGS_WEEKS) - timedelta(days=1)
    )


def _check_day(errors, field: str, day: date | None, *, after: date, what: str) -> None:
    if day is None or day > timezone.localdate() or day < after:
        errors[field] = [f"Enter {what} (between {after:%-d %B %Y} and today)."]


def _text(errors, field: str, value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        errors[field] = [message]
    return value


def open_pre_proceedings(referral) -> PreProceedings | None:
    return referral.pre_proceedings.filter(ended_on__isnull=True).first()


def _require_active_case(referral) -> None:
    lifecycle.require_open(referral)
    if referral.status not in lifecycle.OPEN:
        raise DomainError("Decide on the referral first.")


def _plo_work(actor, referral, plo: PreProceedings) -> None:
    lifecycle.work_set(
        actor,
        referral,
        PLO_WORK,
        "Conclude pre-proceedings",
        plo.due_on,
        lifecycle.link("socialcare:proceedings", referral.pk),
    )


def pre_proceedings_start(
    *, actor, referral, decided_on: date, legal_planning_meeting_on: date, reason: str
) -> PreProceedings:
    """A manager of the case's team decides, at a legal planning meeting, to start
    pre-proceedings; they are due to conclude within 16 weeks."""
    with use_case(actor, "socialcare.authorise", referral, what="start pre-proceedings"):
        _require_active_case(referral)
        if open_pre_proceedings(referral) is not None:
            raise Conflict("This child is already in pre-proceedings.")
        errors: dict[str, list[str]] = {}
        _check_day(
            errors,
            "legal_planning_meeting_on",
            legal_planning_meeting_on,
            after=referral.received_on,
            what="the date of the legal planning meeting",
        )
        _check_day(
            errors,
            "decided_on",
            decided_on,
            after=legal_planning_meeting_on or referral.received_on,
            what="the date of the decision (on or after the legal planning meeting)",
        )
        reason = _text(errors, "reason", reason, "Say why pre-proceedings are starting.")
        if errors:
            raise ValidationFailed(errors)
        plo = PreProceedings.objects.create(
            referral=referral,
            decided_on=decided_on,
            decided_by=actor_user(actor),
            legal_planning_meeting_on=legal_planning_meeting_on,
            reason=reason,
            due_on=pre_proceedings_due(decided_on),
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=plo)
        lifecycle.record_event(
            actor, referral, CaseEventKind.PLO_STARTED, "pre-proceedings started (PLO)"
        )
        _plo_work(actor, referral, plo)
        return plo


def _require_open_plo(plo: PreProceedings) -> None:
    lifecycle.require_open(plo.referral)
    if not plo.is_open:
        raise Conflict("These pre-proceedings have ended.")


def letter_before_proceedings_record(
    *, actor, pre_proceedings: PreProceedings, sent_on: date, sent_to: str
) -> LetterBeforeProceedings:
    referral = pre_proceedings.referral
    with use_case(actor, "socialcare.change_case", referral, what="record a letter"):
        _require_open_plo(pre_proceedings)
        errors: dict[str, list[str]] = {}
        _check_day(
            errors,
            "sent_on",
            sent_on,
            after=pre_proceedings.decided_on,
            what="the date the letter was sent",
        )
        sent_to = _text(errors, "sent_to", sent_to, "Say who the letter was sent to.")
        if errors:
            raise ValidationFailed(errors)
        letter = LetterBeforeProceedings.objects.create(
            pre_proceedings=pre_proceedings,
            sent_on=sent_on,
            sent_to=sent_to[:300],
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=letter)
        lifecycle.record_event(
            actor, referral, CaseEventKind.PLO_LETTER, "letter before proceedings sent"
        )
        return letter


def pre_proceedings_meeting_record(
    *, actor, pre_proceedings: PreProceedings, held_on: date, attendees: str, outcome: str
) -> PreProceedingsMeeting:
    """A pre-proceedings meeting follows the letter before proceedings that invites the
    parents to it."""
    referral = pre_proceedings.referral
    with use_case(actor, "socialcare.change_case", referral, what="record a PLO meeting"):
        _require_open_plo(pre_proceedings)
        first_letter = pre_proceedings.letters.filter(archived_at__isnull=True).first()
        if first_letter is None:
            raise DomainError("Record the letter before proceedings before the meeting.")
        errors: dict[str, list[str]] = {}
        _check_day(
            errors,
            "held_on",
            held_on,
            after=first_letter.sent_on,
            what="the date of the meeting (on or after the letter)",
        )
        attendees = _text(errors, "attendees", attendees, "Record who attended.")
        outcome = _text(errors, "outcome", outcome, "Record what the meeting agreed.")
        if errors:
            raise ValidationFailed(errors)
        meeting = PreProceedingsMeeting.objects.create(
            pre_proceedings=pre_proceedings,
            held_on=held_on,
            attendees=attendees,
            outcome=outcome,
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=meeting)
        lifecycle.record_event(
            actor, referral, CaseEventKind.PLO_MEETING, "pre-proceedings meeting held"
        )
        return meeting


def pre_proceedings_decide(
    *,
    actor,
    pre_proceedings: PreProceedings,
    outcome: str,
    decided_on: date,
    review_on: date | None = None,
    court: str = "",
    order_sought: str = "",
) -> PreProceedings:
    """The outcome: step down (pre-proceedings end), continue (to `review_on`, the new date to
    conclude by), or issue care proceedings (through `proceedings_issue` and its gate)."""
    referral = pre_proceedings.referral
    with use_case(actor, "socialcare.change_case", referral, what="decide pre-proceedings"):
        _require_open_plo(pre_proceedings)
        if outcome not in PreProceedingsOutcome.values:
            raise ValidationFailed({"outcome": ["Choose the outcome."]})
        if outcome == PreProceedingsOutcome.ISSUE:
            proceedings_issue(
                actor=actor,
                referral=referral,
                issued_on=decided_on,
                court=court,
                order_sought=order_sought,
            )
            pre_proceedings.refresh_from_db()
            return pre_proceedings
        errors: dict[str, list[str]] = {}
        _check_day(
            errors,
            "decided_on",
            decided_on,
            after=pre_proceedings.decided_on,
            what="the date of the decision",
        )
        if outcome == PreProceedingsOutcome.CONTINUE and (
            review_on is None or decided_on is None or review_on <= decided_on
        ):
            errors["review_on"] = ["Enter the date to conclude by, after the decision."]
        if errors:
            raise ValidationFailed(errors)
        pre_proceedings.outcome = outcome
        pre_proceedings.outcome_on = decided_on
        if outcome == PreProceedingsOutcome.STEP_DOWN:
            pre_proceedings.ended_on = decided_on
        else:
            pre_proceedings.due_on = review_on
        pre_proceedings.updated_by = actor_user(actor)
        pre_proceedings.save()
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=pre_proceedings, summary=outcome)
        label = PreProceedingsOutcome(outcome).label.lower()
        lifecycle.record_event(
            actor, referral, CaseEventKind.PLO_DECIDED, f"pre-proceedings: {label}"
        )
        if pre_proceedings.ended_on:
            lifecycle.work_cancel(actor, referral, "Stepped down", source=PLO_WORK)
        else:
            _plo_work(actor, referral, pre_proceedings)
        return pre_proceedings


def fgdm_gate(referral) -> bool:
    """Whether the application to court may be recorded: an FGDM meeting held after its
    offer, or an authorised exception."""
    live = {"archived_at__isnull": True}
    return (
        FgdmException.objects.filter(referral=referral, **live).exists()
        or FgdmMeeting.objects.filter(
            referral=referral, offer__archived_at__isnull=True, **live
        ).exists()
    )


def proceedings_issue(
    *, actor, referral, issued_on: date, court: str, order_sought: str
) -> CareProceedings:
    """Record the application to court as issued: refused unless `fgdm_gate` is met. Open
    pre-proceedings end with the outcome "issue care proceedings"."""
    with use_case(actor, "socialcare.change_case", referral, what="record care proceedings"):
        _require_active_case(referral)
        if not fgdm_gate(referral):
            raise DomainError(GATE_MESSAGE)
        if referral.proceedings.filter(archived_at__isnull=True).exists():
            raise Conflict("Care proceedings are already recorded as issued for this child.")
        plo = open_pre_proceedings(referral)
        errors: dict[str, list[str]] = {}
        _check_day(
            errors,
            "issued_on",
            issued_on,
            after=plo.decided_on if plo else referral.received_on,
            what="the date the application was issued",
        )
        court = _text(errors, "court", court, "Name the court.")
        if order_sought not in OrderSought.values:
            errors["order_sought"] = ["Choose the order applied for."]
        if errors:
            raise ValidationFailed(errors)
        proceedings = CareProceedings.objects.create(
            referral=referral,
            pre_proceedings=plo,
            issued_on=issued_on,
            court=court[:120],
            order_sought=order_sought,
            final_hearing_due=final_hearing_due(issued_on),
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=proceedings)
        if plo is not None:
            plo.outcome = PreProceedingsOutcome.ISSUE
            plo.outcome_on = plo.ended_on = issued_on
            plo.updated_by = actor_user(actor)
            plo.save()
            audit_record(action=AuditAction.UPDATE, actor=actor, obj=plo, summary="issue")
            lifecycle.work_cancel(actor, referral, "Proceedings issued", source=PLO_WORK)
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.PROCEEDINGS_ISSUED,
            f"care proceedings issued ({OrderSought(order_sought).label.split(' (')[0].lower()})",
        )
        return proceedings
