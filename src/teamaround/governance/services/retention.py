"""Retention: list the people whose records are all past their period (no legal hold), and,
once a team manager approves, anonymise or erase them as the rule says (people's service,
on the manager's behalf). The audit trail stays as it is (ids, never names) and so does the
ledger (ids and the basis; the law requires the record of disclosures to be kept).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db import transaction
from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of, require
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, DomainError
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.governance.models import (
    LegalHold,
    RetentionAction,
    RetentionReview,
    RetentionRule,
    ReviewStatus,
)
from teamaround.governance.retention import keep_until, sources
from teamaround.governance.services.lifecycle import RETENTION_LIFECYCLE


def held_person_ids() -> set:
    return set(LegalHold.objects.filter(lifted_at=None).values_list("person_id", flat=True))


def due_for_review(today: date, *, actor) -> dict:
    """{person_id: (rule, keep_until)} for people every one of whose records may go."""
    from teamaround.people import selectors as people_selectors

    rules = {rule.kind: rule for rule in RetentionRule.objects.filter(archived_at=None)}
    records = defaultdict(list)
    for kind, finder in sources().items():
        if kind in rules:
            for record in finder():
                records[record.person_id].append(record)
    births = people_selectors.dates_of_birth(records.keys(), actor=actor)
    due = {}
    for person_id, held in records.items():
        latest, latest_rule = None, None
        for record in held:
            until = keep_until(rules[record.kind], record, births.get(person_id))
            if until is None:
                break
            if latest is None or until > latest:
                latest, latest_rule = until, rules[record.kind]
        else:
            if latest is not None and latest < today:
                due[person_id] = (latest_rule, latest)
    return due


def retention_review_run(*, actor, today: date | None = None) -> list[RetentionReview]:
    """List for approval everyone now past their period (a legal hold keeps them off)."""
    require(actor, "governance.manage_retention", what="review retention")
    today = today or timezone.localdate()
    due = due_for_review(today, actor=on_behalf_of(actor, "retention"))
    held = held_person_ids()
    already = set(
        RetentionReview.objects.filter(
            status__in=[ReviewStatus.LISTED, ReviewStatus.APPROVED]
        ).values_list("person_id", flat=True)
    )
    listed = []
    with transaction.atomic():
        for person_id, (rule, until) in due.items():
            if person_id in held or person_id in already:
                continue
            listed.append(
                RetentionReview.objects.create(
                    person_id=person_id, rule=rule, keep_until=until, created_by=actor_user(actor)
                )
            )
        audit_record(
            action=AuditAction.SEARCH,
            actor=actor,
            summary=f"Retention review on {today:%Y-%m-%d}: {len(listed)} listed",
        )
    return listed


def retention_approve(*, actor, review: RetentionReview, reason: str = "") -> RetentionReview:
    """A manager approves: the person is anonymised (or erased) as the rule says, unless a
    legal hold has been placed since they were listed."""
    from teamaround.people import services as people_services

    require(actor, "governance.approve_retention", what="approve anonymisation")
    if review.person_id in held_person_ids():
        raise Conflict("This person is subject to a legal hold: nothing can be removed.")
    with transaction.atomic():
        review = RetentionReview.objects.select_for_update().get(pk=review.pk)
        RETENTION_LIFECYCLE.move(review, "approve", actor=actor, why=reason, save=False)
        review.decided_by, review.decided_at = actor_user(actor), timezone.now()
        review.reason = (reason or "").strip()
        review.save()
        people_services.person_anonymise(
            actor=on_behalf_of(actor, "retention"),
            person=review.person,
            reason=f"Retention rule {review.rule.kind}: kept until {review.keep_until}",
            erase=review.rule.action == RetentionAction.DELETE,
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=review,
            summary=f"Retention approved ({review.rule.action}) for person {review.person_id}",
            changes={"status": ["listed", "approved"]},
        )
        return review


def retention_keep(*, actor, review: RetentionReview, reason: str) -> RetentionReview:
    require(actor, "governance.approve_retention", what="keep records past their period")
    if not (reason or "").strip():
        raise DomainError("Say why the records are to be kept.", field="reason")
    with transaction.atomic():
        RETENTION_LIFECYCLE.move(review, "keep", actor=actor, why=reason, save=False, audit=True)
        review.decided_by, review.decided_at = actor_user(actor), timezone.now()
        review.reason = reason.strip()
        review.save()
        return review


def legal_hold_place(*, actor, person, reason: str) -> LegalHold:
    require(actor, "governance.manage_retention", what="place a legal hold")
    if not (reason or "").strip():
        raise DomainError(
            "Say why the records must be kept (the claim or inquiry).", field="reason"
        )
    with transaction.atomic():
        hold = LegalHold.objects.create(
            person=person, reason=reason.strip(), created_by=actor_user(actor)
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=hold,
            summary=f"Legal hold on person {person.pk}",
        )
        return hold


def legal_hold_lift(*, actor, hold: LegalHold, reason: str) -> LegalHold:
    require(actor, "governance.manage_retention", what="lift a legal hold")
    if not (reason or "").strip():
        raise DomainError("Say why the hold can be lifted.", field="reason")
    if hold.lifted_at is not None:
        raise Conflict("This hold has already been lifted.")
    with transaction.atomic():
        model_update(
            hold, actor=actor, values={"lifted_at": timezone.now(), "lifted_reason": reason.strip()}
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=hold,
            reason=reason.strip(),
            summary="Legal hold lifted",
        )
        return hold


def retention_rule_update(*, actor, rule: RetentionRule, **values) -> RetentionRule:
    """The council changes a rule (the periods or the action); its history is kept."""
    require(actor, "governance.manage_retention", what="change a retention rule")
    allowed = {
        "label",
        "years_after_closure",
        "until_age",
        "looked_after_years",
        "action",
        "authority",
    }
    unknown = set(values) - allowed
    if unknown:
        raise DomainError(f"These cannot be changed: {', '.join(sorted(unknown))}.")
    if values.get("action", rule.action) not in RetentionAction.values:
        raise DomainError("Choose anonymise or erase.", field="action")
    with transaction.atomic():
        changes = model_update(rule, actor=actor, values=values)
        if changes:
            audit_record(action=AuditAction.UPDATE, actor=actor, obj=rule, changes=changes)
        return rule
