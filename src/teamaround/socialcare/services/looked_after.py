"""Children looked after: the child becomes looked after (a period of care and its first
placement), the placement or legal status changes (a new placement row with its reason for the
new episode; the old one ceases with X1), reviews (reg 33) and visits (reg 28, and child
protection visits) are recorded with the next one's due date, and the period ends with its
reason (a young person of 16 or more becomes a care leaver)."""

from __future__ import annotations

import re
from datetime import date

from django.utils import timezone

from teamaround.core.access import actor_user, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.socialcare import timescales
from teamaround.socialcare.models import (
    CarePeriod,
    CareReview,
    CaseEventKind,
    CaseStatus,
    Placement,
    StatutoryVisit,
    VisitKind,
    codes,
)
from teamaround.socialcare.services import lifecycle

REVIEW_WORK = "socialcare.care_review"
VISIT_WORK = "socialcare.visit"
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
CARE_LEAVER_AGE = 16


def _postcode(value: str) -> str:
    value = (value or "").strip().upper()
    if not POSTCODE.match(value):
        return ""
    return value if " " in value else f"{value[:-3]} {value[-3:]}"


def _check_placement(errors, *, placement_type, provider, provider_name, postcode) -> str:
    if placement_type not in dict(codes.PLACEMENT_TYPES):
        errors["placement_type"] = ["Choose the placement type."]
    if provider not in dict(codes.PLACEMENT_PROVIDERS):
        errors["provider"] = ["Choose who provides the placement."]
    if not (provider_name or "").strip():
        errors["provider_name"] = ["Name the placement provider or carer."]
    cleaned = _postcode(postcode)
    if not cleaned:
        errors["postcode"] = ["Enter the placement's postcode, like CM1 1QH."]
    return cleaned


def _check_date(errors, field: str, day: date | None, *, after: date, what: str) -> None:
    if day is None or day > timezone.localdate() or day < after:
        errors[field] = [f"Enter {what} (between {after:%-d %B %Y} and today)."]


def open_period(referral) -> CarePeriod | None:
    return referral.care_periods.filter(ended_on__isnull=True).first()


def current_placement(period: CarePeriod) -> Placement | None:
    return period.placements.filter(ended_on__isnull=True).order_by("-started_on").first()


def care_start(
    *,
    actor,
    referral,
    started_on: date,
    legal_status: str,
    placement_type: str,
    provider: str,
    provider_name: str,
    postcode: str,
) -> CarePeriod:
    """The child becomes looked after: the period, its first placement (RNE S), the first
    review due within 20 working days and the first visit within a week. An open child
    protection plan ends (the child became looked after)."""
    with use_case(
        actor, "socialcare.change_case", referral, what="record that a child is looked after"
    ):
        lifecycle.require_open(referral)
        if open_period(referral) is not None:
            raise Conflict("The child is already looked after.")
        errors: dict[str, list[str]] = {}
        if legal_status not in dict(codes.LEGAL_STATUSES):
            errors["legal_status"] = ["Choose the legal status."]
        _check_date(
            errors,
            "started_on",
            started_on,
            after=referral.received_on,
            what="the date the child became looked after",
        )
        postcode = _check_placement(
            errors,
            placement_type=placement_type,
            provider=provider,
            provider_name=provider_name,
            postcode=postcode,
        )
        if errors:
            raise ValidationFailed(errors)
        plan = referral.plans.filter(ended_on__isnull=True).first()
        if plan is not None:
            from teamaround.socialcare.services.protection import _plan_end

            _plan_end(actor, plan, "looked_after", started_on)
            lifecycle.work_cancel(actor, referral, "Looked after", source="socialcare.conference")
        period = CarePeriod.objects.create(
            referral=referral,
            started_on=started_on,
            legal_status=legal_status,
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=period)
        placement = _placement_create(
            actor,
            period,
            started_on=started_on,
            reason_new_episode="S",
            legal_status=legal_status,
            placement_type=placement_type,
            provider=provider,
            provider_name=provider_name.strip(),
            postcode=postcode,
        )
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.CARE_STARTED,
            f"became looked after ({legal_status}, placement {placement_type})",
        )
        review = CareReview.objects.create(
            period=period,
            number=1,
            due_on=timescales.care_review_due(started_on, reviews_held=0),
            created_by=actor_user(actor),
        )
        _review_work(actor, referral, review)
        _visit_work(actor, referral, placement)
        return period


def _placement_create(actor, period, **fields) -> Placement:
    placement = Placement.objects.create(
        period=period,
        next_visit_due=timescales.placement_visit_due(fields["started_on"]),
        created_by=actor_user(actor),
        **fields,
    )
    audit_record(action=AuditAction.CREATE, actor=actor, obj=placement)
    return placement


def _review_work(actor, referral, review) -> None:
    lifecycle.work_set(
        actor,
        referral,
        REVIEW_WORK,
        f"Hold looked-after review {review.number}",
        review.due_on,
        lifecycle.link("socialcare:care-review", referral.pk, review.pk),
    )


def _visit_work(actor, referral, placement) -> None:
    lifecycle.work_set(
        actor,
        referral,
        VISIT_WORK,
        "Visit the child in their placement",
        placement.next_visit_due,
        lifecycle.link("socialcare:visit-new", referral.pk),
    )


def _new_episode_reason(*, legal_changed: bool, placement_changed: bool, same_carer: bool):
    if legal_changed and placement_changed:
        return "B" if same_carer else "T"
    if placement_changed:
        return "U" if same_carer else "P"
    return "L"


def placement_change(
    *,
    actor,
    period: CarePeriod,
    started_on: date,
    legal_status: str,
    placement_type: str,
    provider: str,
    provider_name: str,
    postcode: str,
    same_carer: bool = False,
) -> Placement:
    """A new placement row from `started_on`: the placement, the legal status or both change
    (the reason for the new episode says which); the previous row ceases with X1."""
    referral = period.referral
    with use_case(actor, "socialcare.change_case", referral, what="change a placement"):
        if not period.is_open:
            raise Conflict("This period of care has ended.")
        current = current_placement(period)
        errors: dict[str, list[str]] = {}
        if legal_status not in dict(codes.LEGAL_STATUSES):
            errors["legal_status"] = ["Choose the legal status."]
        _check_date(
            errors,
            "started_on",
            started_on,
            after=current.started_on,
            what="the date of the change",
        )
        postcode = _check_placement(
            errors,
            placement_type=placement_type,
            provider=provider,
            provider_name=provider_name,
            postcode=postcode,
        )
        if errors:
            raise ValidationFailed(errors)
        legal_changed = legal_status != current.legal_status
        placement_changed = (
            placement_type != current.placement_type
            or provider != current.provider
            or provider_name.strip() != current.provider_name
            or postcode != current.postcode
        )
        if not (legal_changed or placement_changed):
            raise DomainError("Nothing has changed: change the placement or the legal status.")
        reason = _new_episode_reason(
            legal_changed=legal_changed, placement_changed=placement_changed, same_carer=same_carer
        )
        current.ended_on = started_on
        current.reason_ceased = "X1"
        current.next_visit_due = None
        current.updated_by = actor_user(actor)
        current.save()
        placement = _placement_create(
            actor,
            period,
            started_on=started_on,
            reason_new_episode=reason,
            legal_status=legal_status,
            placement_type=placement_type,
            provider=provider,
            provider_name=provider_name.strip(),
            postcode=postcode,
        )
        if not placement_changed:
            # A change of legal status only: the child stays where they are, and so does the
            # visiting pattern of the placement.
            placement.next_visit_due = _visit_due_after(current)
            placement.save(update_fields=["next_visit_due", "updated_at"])
        if legal_changed:
            period.legal_status = legal_status
            period.updated_by = actor_user(actor)
            period.save()
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.PLACEMENT_CHANGED,
            f"{dict(codes.NEW_EPISODE_REASONS)[reason].lower()} (RNE {reason})",
        )
        _visit_work(actor, referral, placement)
        return placement


def _placement_start(placement: Placement) -> date:
    """When the child's stay with these carers began: a row that changed only the legal
    status (L) continues the placement before it."""
    rows = list(placement.period.placements.order_by("started_on", "created_at"))
    start = placement.started_on
    for row in reversed(rows[: rows.index(placement) + 1]):
        start = row.started_on
        if row.reason_new_episode != "L":
            break
    return start


def _visit_due_after(placement: Placement) -> date:
    last = (
        StatutoryVisit.objects.filter(
            referral=placement.period.referral, kind=VisitKind.LOOKED_AFTER
        )
        .order_by("-visited_on")
        .values_list("visited_on", flat=True)
        .first()
    )
    return timescales.placement_visit_due(_placement_start(placement), last)


def _hold_review(actor, review: CareReview, held_on: date, chair: str) -> None:
    review.held_on = held_on
    review.chair = chair
    review.updated_by = actor_user(actor)
    review.save()
    audit_record(action=AuditAction.UPDATE, actor=actor, obj=review, summary="Held")


def care_review_record(*, actor, review: CareReview, held_on: date, chair: str) -> CareReview:
    """The review is held; the next is due 3 months after the first, then 6 months after the
    one before."""
    period = review.period
    referral = period.referral
    with use_case(actor, "socialcare.change_case", referral, what="record a looked-after review"):
        if review.held_on is not None or review.archived_at is not None:
            raise Conflict("This review is already recorded.")
        errors: dict[str, list[str]] = {}
        _check_date(
            errors, "held_on", held_on, after=period.started_on, what="the date of the review"
        )
        if not (chair or "").strip():
            errors["chair"] = ["Name the independent reviewing officer who chaired it."]
        if errors:
            raise ValidationFailed(errors)
        _hold_review(actor, review, held_on, chair.strip())
        if period.is_open:
            following = CareReview.objects.create(
                period=period,
                number=review.number + 1,
                due_on=timescales.care_review_due(
                    period.started_on, reviews_held=review.number, last_review_on=held_on
                ),
                created_by=actor_user(actor),
            )
            _review_work(actor, referral, following)
        return review


def visit_record(
    *, actor, referral, visited_on: date, seen_alone: bool, notes: str
) -> StatutoryVisit:
    """A visit to the child: in their placement while looked after (the next is due by reg
    28), otherwise a child protection visit."""
    with use_case(actor, "socialcare.change_case", referral, what="record a visit"):
        lifecycle.require_open(referral)
        errors: dict[str, list[str]] = {}
        _check_date(
            errors,
            "visited_on",
            visited_on,
            after=referral.received_on,
            what="the date of the visit",
        )
        if not (notes or "").strip():
            errors["notes"] = ["Record what you saw and what the child said."]
        if errors:
            raise ValidationFailed(errors)
        period = open_period(referral)
        placement = current_placement(period) if period else None
        if placement is not None:
            kind = VisitKind.LOOKED_AFTER
        elif referral.plans.filter(ended_on__isnull=True).exists():
            kind = VisitKind.CHILD_PROTECTION
        else:
            kind = VisitKind.CHILD_IN_NEED
        visit = StatutoryVisit.objects.create(
            referral=referral,
            kind=kind,
            placement=placement,
            visited_on=visited_on,
            seen_alone=bool(seen_alone),
            notes=notes.strip(),
            created_by=actor_user(actor),
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=visit)
        if placement is not None:
            placement.next_visit_due = _visit_due_after(placement)
            placement.save(update_fields=["next_visit_due", "updated_at"])
            _visit_work(actor, referral, placement)
        return visit


def _age_on(born: date | None, day: date) -> int:
    if born is None:
        return 0
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def care_end(*, actor, period: CarePeriod, ended_on: date, reason: str) -> CarePeriod:
    """The child stops being looked after, with the reason (REC). A young person of 16 or
    more becomes a care leaver; a younger child stays open as a child in need."""
    referral = period.referral
    with use_case(actor, "socialcare.change_case", referral, what="end a period of care"):
        if not period.is_open:
            raise Conflict("This period of care has already ended.")
        errors: dict[str, list[str]] = {}
        if reason not in dict(codes.CARE_ENDED_REASONS):
            errors["reason"] = ["Choose why the child stopped being looked after."]
        current = current_placement(period)
        _check_date(
            errors,
            "ended_on",
            ended_on,
            after=current.started_on if current else period.started_on,
            what="the date care ended",
        )
        if errors:
            raise ValidationFailed(errors)
        if current is not None:
            current.ended_on = ended_on
            current.reason_ceased = reason
            current.next_visit_due = None
            current.updated_by = actor_user(actor)
            current.save()
        period.ended_on = ended_on
        period.reason_ceased = reason
        period.updated_by = actor_user(actor)
        period.save()
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=period, summary="Care ended")
        for review in period.reviews.filter(held_on__isnull=True, archived_at__isnull=True):
            review.archive(actor=actor, reason="The period of care ended")
        lifecycle.work_cancel(actor, referral, "Care ended", source=REVIEW_WORK)
        lifecycle.work_cancel(actor, referral, "Care ended", source=VISIT_WORK)
        leaver = _age_on(referral.child.date_of_birth, ended_on) >= CARE_LEAVER_AGE
        lifecycle.record_event(
            actor,
            referral,
            CaseEventKind.CARE_ENDED,
            f"stopped being looked after ({reason})",
            outcome=CaseStatus.CARE_LEAVER if leaver else CaseStatus.CHILD_IN_NEED,
        )
        return period
