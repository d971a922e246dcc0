"""Teams becoming involved with a family and stepping back, and break-glass access.

`involvement_open`/`involvement_close` are what the Hub, early help and social care call when
they take on or close a family's case: an open involvement is what lets the team see the record.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.access import actor_user, on_behalf_of, require
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.people.models import BreakGlassGrant, Family, FamilyEventKind, Involvement, Person
from teamaround.people.services.chronology import family_event_record
from teamaround.people.services.input_checks import audit, require_reason


@transaction.atomic
def involvement_open(
    *, actor, family: Family, team, reason: str, lead_worker=None, opened_at=None, recorded_by=None
) -> Involvement:
    """`recorded_by` names the member of staff when a service opens it on their behalf."""
    require(actor, "people.manage_involvement", family, what="open an involvement")
    if not (reason or "").strip():
        raise DomainError("Say why the team is involved.", field="reason")
    if family.involvements.filter(team=team, closed_at__isnull=True).exists():
        raise DomainError("This team is already involved with the family.", field="team")
    who = recorded_by or actor
    involvement = Involvement.objects.create(
        family=family,
        team=team,
        lead_worker=lead_worker,
        reason=reason.strip()[:200],
        opened_at=opened_at or timezone.now(),
        created_by=actor_user(who),
    )
    audit(
        who,
        family,
        AuditAction.UPDATE,
        "A team became involved with a family",
        changes={"involvement": [None, str(involvement.pk)]},
    )
    family_event_record(
        actor=on_behalf_of(who),
        family=family,
        kind=FamilyEventKind.INVOLVEMENT_OPENED,
        summary=f"{team.name} became involved",
        team=team,
        occurred_at=involvement.opened_at,
        source_id=str(involvement.pk),
    )
    return involvement


@transaction.atomic
def involvement_close(
    *, actor, involvement: Involvement, reason: str, closed_at=None
) -> Involvement:
    require(actor, "people.manage_involvement", involvement.family, what="close an involvement")
    require_reason(reason)
    if involvement.closed_at:
        raise DomainError("This involvement has already ended.")
    model_update(involvement, actor=actor, values={"closed_at": closed_at or timezone.now()})
    audit(
        actor, involvement.family, AuditAction.UPDATE, "A team's involvement ended", reason=reason
    )
    family_event_record(
        actor=on_behalf_of(actor),
        family=involvement.family,
        kind=FamilyEventKind.INVOLVEMENT_CLOSED,
        team=involvement.team,
        summary=f"{involvement.team.name}'s involvement ended",
        occurred_at=involvement.closed_at,
        source_id=str(involvement.pk),
    )
    return involvement


@transaction.atomic
def break_glass_grant(
    *, actor, reason: str, person: Person | None = None, family: Family | None = None
) -> BreakGlassGrant:
    """Open a record outside the usual rules, for the roles the council allows. The reason
    is kept, the access is audited as break-glass, lands on a named reviewer's list and lasts
    TEAMAROUND_BREAK_GLASS_HOURS."""
    require(actor, "people.break_glass", what="take break-glass access")
    reviewer = break_glass_reviewer(actor)
    if reviewer is None:
        raise DomainError(
            "Nobody can review break-glass access for you: ask an administrator to name a "
            "reviewer (TEAMAROUND_BREAK_GLASS_REVIEWER) or give your team a manager."
        )
    if not (reason or "").strip() or len(reason.strip()) < 10:
        raise DomainError(
            "Give the reason you need to see this record (at least 10 characters).", field="reason"
        )
    if (person is None) == (family is None):
        raise DomainError("Choose one record.")
    grant = BreakGlassGrant.objects.create(
        user=actor,
        person=person,
        family=family,
        reason=reason.strip(),
        expires_at=timezone.now() + timedelta(hours=settings.TEAMAROUND_BREAK_GLASS_HOURS),
        reviewer=reviewer,
    )
    audit_record(
        action=AuditAction.BREAK_GLASS,
        actor=actor,
        obj=person or family,
        summary=f"Took break-glass access, to be reviewed by user {reviewer.pk}",
        reason=grant.reason,
    )
    return grant


def break_glass_reviewer(actor):
    """The person who reviews `actor`'s break-glass access: a team manager of their own team;
    else the council's named reviewer (TEAMAROUND_BREAK_GLASS_REVIEWER, a username); else the
    longest-serving active administrator. Never the actor themself; None if nobody is left."""
    from teamaround.accounts.models import User

    people = User.objects.filter(is_active=True).exclude(pk=actor.pk)
    if actor.team_id:
        manager = (
            people.filter(team_id=actor.team_id, role_assignments__role=Role.TEAM_MANAGER)
            .order_by("username")
            .first()
        )
        if manager:
            return manager
    named = settings.TEAMAROUND_BREAK_GLASS_REVIEWER
    if named:
        reviewer = people.filter(username=named).first()
        if reviewer:
            return reviewer
    return people.filter(role_assignments__role=Role.ADMINISTRATOR).order_by("date_joined").first()


@transaction.atomic
def break_glass_review(*, actor, grant: BreakGlassGrant, note: str = "") -> BreakGlassGrant:
    """The named reviewer records that they have looked at a break-glass access (audited)."""
    require(actor, "people.review_break_glass", grant, what="review break-glass access")
    if grant.reviewed_at is not None:
        raise DomainError("This break-glass access has already been reviewed.")
    grant.reviewed_at = timezone.now()
    grant.reviewed_by = actor
    grant.review_note = (note or "").strip()
    grant.save(update_fields=["reviewed_at", "reviewed_by", "review_note"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        obj=grant.person or grant.family,
        summary=f"Reviewed break-glass access {grant.pk}",
        reason=grant.review_note,
    )
    return grant
