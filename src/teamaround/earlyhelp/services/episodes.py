"""Opening an episode (from a Hub hand-over or by a partner agency at level 2), the lead
professional and the Team Around the Family."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.core.access import actor_user, is_system, on_behalf_of, refuse, require
from teamaround.core.audit import audit_record
from teamaround.core.calendar import add_working_days
from teamaround.core.errors import ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.work import work_item_create
from teamaround.earlyhelp.models import (
    Episode,
    EpisodeEventKind,
    EpisodeSource,
    LeadProfessionalAssignment,
    TafMember,
    TafRole,
)
from teamaround.earlyhelp.services import lifecycle
from teamaround.earlyhelp.services.household import current_members, family_district
from teamaround.governance import services as governance
from teamaround.governance.models import BasisKind, Purpose, Scope

ASSESSMENT_WORKING_DAYS = 30
FAMILY_SOLUTIONS_MONTHS = 12
WARN_FROM_MONTH = 10


def episode_open(
    *,
    actor,
    family,
    level,
    lead_professional,
    family_agreed_on: date | None,
    family_agreed_by: str,
    started_on: date | None = None,
    review_interval_weeks: int | None = None,
    source: str = EpisodeSource.PARTNER,
    hand_over_id=None,
) -> Episode:
    """Open an episode. Partners open level 2 directly; level 3 (Family Solutions) comes from
    the Hub or is opened by a council early help team. Works only with the family's agreement."""
    require(actor, "earlyhelp.open_episode", what="open an early help episode")
    if not is_system(actor) and not actor.has_perm("people.view_family", family):
        raise refuse(actor, what="open an episode for a family", obj=family)
    with transaction.atomic():
        today = timezone.localdate()
        started_on = started_on or today
        _check_open(
            actor,
            family,
            level,
            lead_professional,
            family_agreed_on,
            family_agreed_by,
            started_on,
            review_interval_weeks,
            source,
            today,
        )
        episode = Episode.objects.create(
            family=family,
            level=level,
            source=source,
            hand_over_id=hand_over_id,
            lead_professional=lead_professional,
            lead_team=lead_professional.team,
            district=family_district(family),
            started_on=started_on,
            family_agreed_on=family_agreed_on,
            family_agreed_by=family_agreed_by.strip(),
            review_interval_weeks=review_interval_weeks,
            created_by=actor_user(actor),
        )
        now = timezone.now()
        LeadProfessionalAssignment.objects.create(
            episode=episode,
            practitioner=lead_professional,
            team=lead_professional.team,
            started_at=now,
            reason="Episode opened",
            created_by=actor_user(actor),
        )
        _add_member(actor, episode, lead_professional, TafRole.LEAD_PROFESSIONAL, now)
        _record_agreement(actor, episode, family_agreed_by, family_agreed_on)
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=episode,
            summary=f"Opened early help episode at level {level.number}",
        )
        lifecycle.record_event(
            actor,
            episode,
            EpisodeEventKind.OPENED,
            f"opened at level {level.number}",
            when=lifecycle.on_the_day(started_on),
        )
        work_item_create(
            actor=on_behalf_of(actor),
            title=f"Complete the Shared Family Assessment for {episode.reference}",
            source_type="earlyhelp.assessment",
            source_id=str(episode.pk),
            assigned_to=lead_professional,
            due_on=add_working_days(started_on, ASSESSMENT_WORKING_DAYS),
            link=lifecycle.link("earlyhelp:assessment", episode.pk),
        )
        if level.number == 3:
            work_item_create(
                actor=on_behalf_of(actor),
                title=f"Family Solutions {episode.reference} reaches month "
                f"{WARN_FROM_MONTH} of {FAMILY_SOLUTIONS_MONTHS}: plan the ending",
                source_type="earlyhelp.episode",
                source_id=str(episode.pk),
                team=episode.lead_team,
                due_on=months_after(started_on, WARN_FROM_MONTH),
                link=lifecycle.link("earlyhelp:episode", episode.pk),
            )
        return episode


def _record_agreement(actor, episode, agreed_by: str, agreed_on) -> None:
    """The family's agreement to early help is each member's consent to share with the Team
    Around the Family, recorded in governance (unless a consent already covers it)."""
    for person in current_members(episode.family):
        basis, _ = governance.basis_for(person, Purpose.EARLY_HELP, to_taf=True, on=agreed_on)
        if basis is not None:
            continue
        governance.basis_record(
            actor=on_behalf_of(actor),
            person=person,
            purpose=Purpose.EARLY_HELP,
            kind=BasisKind.CONSENT,
            scope=Scope.TAF,
            given_by=agreed_by.strip(),
            evidence=f"Family agreement recorded when early help episode {episode.reference} "
            "opened",
            starts_on=agreed_on,
        )


def _check_open(
    actor, family, level, lead, agreed_on, agreed_by, started_on, weeks, source, today
) -> None:
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if level is None or level.number not in (2, 3):
        add("level", "Early help works at level 2 (additional) or level 3 (intensive).")
    elif level.number == 3 and source == EpisodeSource.PARTNER and not _council_early_help(actor):
        add(
            "level",
            "Level 3 Family Solutions episodes come from the Hub: send a request for "
            "support, or open this at level 2.",
        )
    lead_problem = lead_professional_problem(lead)
    if lead_problem:
        add("lead_professional", lead_problem)
    if agreed_on is None:
        add("family_agreed_on", "Enter the date the family agreed to early help.")
    elif agreed_on > today:
        add("family_agreed_on", "The date the family agreed must be today or in the past.")
    if not (agreed_by or "").strip():
        add("family_agreed_by", "Say who in the family agreed.")
    if started_on > today:
        add("started_on", "The start date must be today or in the past.")
    if weeks is not None and not 1 <= weeks <= 26:
        add("review_interval_weeks", "Reviews must be between 1 and 26 weeks apart.")
    if Episode.objects.filter(family=family).exclude(status="closed").exists():
        add("family", "This family already has an open early help episode.")
    if errors:
        raise ValidationFailed(errors)


def _council_early_help(actor) -> bool:
    return is_system(actor) or bool(
        actor.team_id and actor.team.agency.kind == AgencyKind.COUNCIL_EARLY_HELP
    )


def lead_professional_problem(person) -> str:
    if person is None:
        return "Choose the lead professional."
    if not person.is_active or not person.team_id:
        return "The lead professional must be a current member of staff in a team."
    if person.team.agency.kind == AgencyKind.CHILDRENS_SOCIAL_CARE:
        return "The lead professional for early help works in a partner agency or early help."
    return ""


def months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def _add_member(actor, episode, practitioner, role, when) -> TafMember:
    return TafMember.objects.create(
        episode=episode,
        practitioner=practitioner,
        team=practitioner.team,
        role=role,
        joined_at=when,
        involvement_id=lifecycle.involve(actor, episode, practitioner.team),
        created_by=actor_user(actor),
    )
