"""The lead professional and the Team Around the Family: who works on the episode. Access to
the episode follows current membership, so changes here take effect at once."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of, require, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.earlyhelp.models import (
    Episode,
    EpisodeEventKind,
    LeadProfessionalAssignment,
    TafMember,
    TafRole,
)
from teamaround.earlyhelp.services import lifecycle
from teamaround.earlyhelp.services.episodes import _add_member, lead_professional_problem
from teamaround.earlyhelp.services.household import current_members
from teamaround.governance import services as governance
from teamaround.governance.models import Channel, Purpose

# What a TAF member sees of each family member: the episode, assessment and plan.
TAF_SHARES = ["episode", "assessment", "plan", "chronology"]


def lead_professional_change(*, actor, episode: Episode, practitioner, reason: str) -> Episode:
    """A new lead professional: the old assignment ends (kept as history), the new one joins the
    TAF if not already in it, and open review work moves to them."""
    with use_case(actor, "earlyhelp.change_episode", episode, what="change the lead professional"):
        lifecycle.require_open(episode)
        problem = lead_professional_problem(practitioner)
        if problem:
            raise DomainError(problem, field="practitioner")
        if practitioner.pk == episode.lead_professional_id:
            raise DomainError("They are already the lead professional.", field="practitioner")
        if not (reason or "").strip():
            raise DomainError("Say why the lead professional is changing.", field="reason")
        now = timezone.now()
        episode.leads.filter(ended_at__isnull=True).update(ended_at=now)
        LeadProfessionalAssignment.objects.create(
            episode=episode,
            practitioner=practitioner,
            team=practitioner.team,
            started_at=now,
            reason=reason.strip()[:300],
            created_by=actor_user(actor),
        )
        member = episode.taf_members.filter(practitioner=practitioner, left_at__isnull=True).first()
        if member is None:
            _add_member(actor, episode, practitioner, TafRole.LEAD_PROFESSIONAL, now)
        else:
            member.role = TafRole.LEAD_PROFESSIONAL
            member.save(update_fields=["role", "updated_at"])
        episode.taf_members.filter(left_at__isnull=True, role=TafRole.LEAD_PROFESSIONAL).exclude(
            practitioner=practitioner
        ).update(role=TafRole.OTHER)
        model_update(
            episode,
            actor=actor,
            values={"lead_professional": practitioner, "lead_team": practitioner.team},
        )
        if episode.next_review_due:
            lifecycle.review_work_set(actor, episode, episode.next_review_due)
        lifecycle.record_event(
            actor,
            episode,
            EpisodeEventKind.LEAD_CHANGED,
            f"lead professional is now in {practitioner.team.name}",
            when=now,
        )
        return episode


def taf_member_add(*, actor, episode: Episode, practitioner, role: str) -> TafMember:
    """A new member of the Team Around the Family receives the family's information: each
    member's basis for sharing is checked first (a refusal is recorded in the disclosure
    ledger and shown with its reason), and each share is written to the ledger."""
    require(actor, "earlyhelp.change_episode", episode, what="add to the TAF")
    lifecycle.require_open(episode)
    if role not in TafRole.values or role == TafRole.LEAD_PROFESSIONAL:
        raise DomainError("Choose their role in the Team Around the Family.", field="role")
    if practitioner is None or not practitioner.is_active or not practitioner.team_id:
        raise DomainError("Choose a current member of staff.", field="practitioner")
    if episode.taf_members.filter(practitioner=practitioner, left_at__isnull=True).exists():
        raise DomainError("They are already in the Team Around the Family.", field="practitioner")
    decisions = governance.shares_check(
        actor=on_behalf_of(actor),
        people=current_members(episode.family),
        purpose=Purpose.EARLY_HELP,
        channel=Channel.TAF_MEMBER,
        recipient_user=practitioner,
        to_taf=True,
        record=episode,
        field="practitioner",
    )
    with transaction.atomic():
        member = _add_member(actor, episode, practitioner, role, timezone.now())
        governance.disclosures_record(
            decisions=decisions, channel=Channel.TAF_MEMBER, record=episode, fields=TAF_SHARES
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=episode,
            summary="Added a practitioner to the TAF",
            changes={"taf_member": [None, str(member.pk)]},
        )
        return member


def taf_member_remove(*, actor, member: TafMember, reason: str) -> TafMember:
    """They lose access at once: episode access follows current membership, and their team's
    involvement with the family ends unless a colleague is still in the TAF."""
    episode = member.episode
    with use_case(actor, "earlyhelp.change_episode", episode, what="remove from the TAF"):
        lifecycle.require_open(episode)
        if member.left_at:
            raise DomainError("They have already left the Team Around the Family.")
        if member.practitioner_id == episode.lead_professional_id:
            raise DomainError("Choose a new lead professional before removing this one.")
        if not (reason or "").strip():
            raise DomainError("Say why they are leaving the TAF.", field="reason")
        model_update(member, actor=actor, values={"left_at": timezone.now()})
        colleague = episode.taf_members.filter(team=member.team, left_at__isnull=True).first()
        if colleague is not None and member.involvement_id and not colleague.involvement_id:
            colleague.involvement_id = member.involvement_id
            colleague.save(update_fields=["involvement_id", "updated_at"])
        elif colleague is None and member.team_id != episode.lead_team_id:
            lifecycle.uninvolve(
                actor, episode, member.involvement_id, "Left the Team Around the Family"
            )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=episode,
            reason=reason.strip(),
            summary="Removed a practitioner from the TAF",
            changes={"taf_member": [str(member.pk), None]},
        )
        return member
