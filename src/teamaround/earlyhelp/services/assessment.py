"""The Shared Family Assessment: drafts saved as the practitioner goes, submitted for sign-off,
signed off by the lead team's manager or returned with a reason for more work."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError, StaleVersion, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.core.work import work_item_cancel_for_source
from teamaround.earlyhelp.models import (
    AssessedNeed,
    AssessmentStatus,
    Episode,
    EpisodeEventKind,
    MemberView,
    SharedFamilyAssessment,
)
from teamaround.earlyhelp.services import lifecycle
from teamaround.earlyhelp.services.household import current_members

EDITABLE = (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)


def _draft(actor, episode: Episode) -> SharedFamilyAssessment:
    lifecycle.require_open(episode)
    assessment, _ = SharedFamilyAssessment.objects.get_or_create(
        episode=episode, defaults={"created_by": actor_user(actor)}
    )
    if assessment.status not in EDITABLE:
        raise DomainError(
            "This assessment has been submitted: it can be changed only if the manager returns it."
        )
    return assessment


def _member(episode: Episode, person):
    if person is None or person.pk not in {p.pk for p in current_members(episode.family)}:
        raise DomainError("Choose someone in this family.", field="person")
    return person


def assessment_summary_save(*, actor, episode: Episode, family_summary: str):
    with use_case(actor, "earlyhelp.change_episode", episode, what="change an assessment"):
        assessment = _draft(actor, episode)
        model_update(
            assessment, actor=actor, values={"family_summary": (family_summary or "").strip()}
        )
        return assessment


def member_view_save(
    *,
    actor,
    episode: Episode,
    person,
    in_their_words: str,
    recorded_for_them: bool = False,
    strengths: str = "",
    goals: str = "",
    version: int | None = None,
):
    """Add one family member's views (version None: the editor saw none) or change them (the
    version the editor read). Views someone else saved meanwhile are a StaleVersion showing
    both texts; nothing is overwritten."""
    with use_case(actor, "earlyhelp.change_episode", episode, what="change an assessment"):
        assessment = _draft(actor, episode)
        _member(episode, person)
        if not (in_their_words or "").strip():
            raise DomainError("Write down their views, in their own words.", field="in_their_words")
        values = {
            "in_their_words": in_their_words.strip(),
            "recorded_for_them": bool(recorded_for_them),
            "strengths": (strengths or "").strip(),
            "goals": (goals or "").strip(),
        }
        view = MemberView.objects.filter(assessment=assessment, person=person).first()
        created = view is None
        if created:
            view = _view_create(actor, assessment, person, values)
        elif version is None:  # added by someone else since this editor looked
            raise StaleVersion(current=view, submitted=values, what=WHAT_VIEWS)
        elif not model_update(
            view, actor=actor, values=values, expected_version=version, what=WHAT_VIEWS
        ):
            return view
        audit_record(
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            actor=actor,
            obj=view,
            summary="Saved a family member's views in an assessment",
        )
        return view


WHAT_VIEWS = "family member's views"


def _view_create(actor, assessment, person, values) -> MemberView:
    """The first views for this person; if someone else's landed first (one view each), it is
    their conflict to see, not a 500."""
    try:
        with transaction.atomic():
            return MemberView.objects.create(
                assessment=assessment, person=person, created_by=actor_user(actor), **values
            )
    except IntegrityError:
        current = MemberView.objects.get(assessment=assessment, person=person)
        raise StaleVersion(current=current, submitted=values, what=WHAT_VIEWS) from None


def need_add(*, actor, episode: Episode, domain, description: str, person=None) -> AssessedNeed:
    with use_case(actor, "earlyhelp.change_episode", episode, what="change an assessment"):
        assessment = _draft(actor, episode)
        if domain is None or not domain.is_active:
            raise DomainError("Choose the area of need.", field="domain")
        if person is not None:
            _member(episode, person)
        if not (description or "").strip():
            raise DomainError("Describe the need.", field="description")
        need = AssessedNeed.objects.create(
            assessment=assessment,
            domain=domain,
            person=person,
            description=description.strip(),
            created_by=actor_user(actor),
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=need,
            summary=f"Recorded a need: {domain.code}",
        )
        return need


def assessment_submit(*, actor, episode: Episode) -> SharedFamilyAssessment:
    with use_case(actor, "earlyhelp.change_episode", episode, what="submit an assessment"):
        assessment = _draft(actor, episode)
        errors = {}
        if not assessment.member_views.exists():
            errors["member_views"] = ["Record at least one family member's views."]
        if not assessment.needs.exists():
            errors["needs"] = ["Record at least one need."]
        if errors:
            raise ValidationFailed(errors)
        model_update(
            assessment,
            actor=actor,
            values={"status": AssessmentStatus.SUBMITTED, "submitted_at": timezone.now()},
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=assessment,
            summary="Submitted an assessment for sign-off",
        )
        return assessment


def _submitted(actor, assessment, what):
    assessment.refresh_from_db()  # the status may have moved on since the page was shown
    lifecycle.require_open(assessment.episode)
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise DomainError("Only an assessment awaiting sign-off can be signed off or returned.")


def assessment_sign_off(
    *, actor, assessment: SharedFamilyAssessment, signed_off_on: date | None = None
) -> SharedFamilyAssessment:
    """Sign off a submitted assessment; `signed_off_on` a day before today when the sign-off is
    recorded after it was given (an import, the seeded county), never before the episode
    started."""
    episode = assessment.episode
    with use_case(actor, "earlyhelp.sign_off_assessment", episode, what="sign off an assessment"):
        _submitted(actor, assessment, "sign off")
        if signed_off_on is not None and signed_off_on < episode.started_on:
            raise DomainError("An assessment cannot be signed off before the episode started.")
        assessment.status = AssessmentStatus.SIGNED_OFF
        assessment.signed_off_at = lifecycle.on_the_day(signed_off_on)
        assessment.signed_off_by = actor_user(actor)
        assessment.returned_reason = ""
        assessment.save()
        work_item_cancel_for_source(
            actor=on_behalf_of(actor),
            source_type="earlyhelp.assessment",
            source_id=str(episode.pk),
            reason="Signed off",
        )
        lifecycle.record_event(
            actor,
            episode,
            EpisodeEventKind.ASSESSED,
            "Shared Family Assessment signed off",
            when=assessment.signed_off_at,
        )
        return assessment


def assessment_return(*, actor, assessment: SharedFamilyAssessment, reason: str):
    episode = assessment.episode
    with use_case(actor, "earlyhelp.sign_off_assessment", episode, what="return an assessment"):
        _submitted(actor, assessment, "return")
        if not (reason or "").strip():
            raise DomainError("Say what more work the assessment needs.", field="reason")
        model_update(
            assessment,
            actor=actor,
            values={"status": AssessmentStatus.RETURNED, "returned_reason": reason.strip()},
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=assessment,
            summary="Returned an assessment for more work",
            reason=reason.strip(),
        )
        return assessment
