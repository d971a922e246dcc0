"""Recording families, who belongs to them over time, and how people are related.
Membership and relationship changes are written to the family's chronology."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of, require
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.people.models import (
    Family,
    FamilyEventKind,
    FamilyMembership,
    MemberRole,
    Person,
    Relationship,
    RelationshipKind,
)
from teamaround.people.services.chronology import family_event_record
from teamaround.people.services.input_checks import audit


@transaction.atomic
def family_create(*, actor, name: str, involve_my_team: bool = True) -> Family:
    """Record a family. The team that records it becomes involved, unless told otherwise."""
    require(actor, "people.record", what="record a family")
    if not (name or "").strip():
        raise DomainError("Enter a name for the family, like 'the Smith household'.", field="name")
    family = Family.objects.create(name=name.strip()[:150], created_by=actor_user(actor))
    audit(actor, family, AuditAction.CREATE, "Recorded a family")
    family_event_record(
        actor=on_behalf_of(actor),
        family=family,
        team=getattr(actor, "team", None),
        kind=FamilyEventKind.FAMILY_RECORDED,
        summary="Family recorded",
        source_id=str(family.pk),
    )
    team = getattr(actor, "team", None)
    if involve_my_team and team is not None:
        from teamaround.people.services.involvement import involvement_open

        involvement_open(
            actor=on_behalf_of(actor),
            family=family,
            team=team,
            reason="Recorded the family",
            recorded_by=actor_user(actor),
        )
    return family


@transaction.atomic
def family_update(*, actor, family: Family, name: str, version: int | None = None) -> Family:
    """Rename a family from the version the editor read (None: as read here); if someone
    else saved it since, nothing is written (StaleVersion, both versions)."""
    require(actor, "people.change_family", family, what="change a family")
    name = (name or "").strip()
    if not name:
        raise DomainError("Enter a name for the family, like 'the Smith household'.", field="name")
    if len(name) > 150:
        raise DomainError("Enter a name of 150 characters or fewer.", field="name")
    changes = model_update(
        family, actor=actor, values={"name": name}, expected_version=version, what="family"
    )
    if changes:
        audit(actor, family, AuditAction.UPDATE, "Renamed a family", changes={"fields": ["name"]})
    return family


@transaction.atomic
def family_member_add(
    *, actor, family: Family, person: Person, role: str, started_on: date | None = None
) -> FamilyMembership:
    require(actor, "people.change_family", family, what="add a member to a family")
    if role not in MemberRole.values:
        raise DomainError("Choose the person's role in the family.", field="role")
    if person.merged_into_id:
        raise DomainError("This record was merged into another; add that one.", field="person")
    if family.memberships.filter(person=person, ended_on__isnull=True).exists():
        raise DomainError("This person is already a member of the family.", field="person")
    membership = FamilyMembership.objects.create(
        family=family,
        person=person,
        role=role,
        started_on=started_on or timezone.localdate(),
        created_by=actor_user(actor),
    )
    audit(
        actor,
        family,
        AuditAction.UPDATE,
        "Added a member to a family",
        changes={"membership": [None, str(membership.pk)]},
    )
    family_event_record(
        actor=actor,
        family=family,
        kind=FamilyEventKind.MEMBER_JOINED,
        summary=f"A {MemberRole(role).label.lower()} joined the household",
        source_id=str(membership.pk),
    )
    _refresh_keys(person, family.pk)
    return membership


def _refresh_keys(person: Person, family_id) -> None:
    """The search keys carry the household (twins and siblings are told apart by it), and a
    member with no address of their own is keyed at the household's, which this member's
    joining or leaving may have changed."""
    from teamaround.people.services.search_keys import household_keys_refresh, search_keys_refresh

    search_keys_refresh(person)
    household_keys_refresh(family_id, besides=person)


def households_keys_refresh(person: Person) -> None:
    """After a person's address changed: the keys of the members of each household they live
    in now who have no address of their own."""
    from teamaround.people.services.search_keys import household_keys_refresh

    for family_id in sorted(
        set(person.memberships.filter(ended_on__isnull=True).values_list("family_id", flat=True)),
        key=str,
    ):
        household_keys_refresh(family_id, besides=person)


@transaction.atomic
def family_member_end(
    *, actor, membership: FamilyMembership, ended_on: date, reason: str = ""
) -> FamilyMembership:
    """A member leaves the household (a child moving to the other parent, an adult moving out)."""
    require(actor, "people.change_family", membership.family, what="end a family membership")
    if membership.ended_on:
        raise DomainError("This membership has already ended.", field="ended_on")
    if membership.started_on and ended_on < membership.started_on:
        raise DomainError("The end date must be on or after the start date.", field="ended_on")
    model_update(membership, actor=actor, values={"ended_on": ended_on})
    audit(actor, membership.family, AuditAction.UPDATE, "Ended a family membership", reason=reason)
    family_event_record(
        actor=actor,
        family=membership.family,
        kind=FamilyEventKind.MEMBER_LEFT,
        summary=f"A {membership.get_role_display().lower()} left the household",
        source_id=str(membership.pk),
    )
    _refresh_keys(membership.person, membership.family_id)
    return membership


@transaction.atomic
def relationship_record(
    *,
    actor,
    from_person: Person,
    to_person: Person,
    kind: str,
    started_on: date | None = None,
    ended_on: date | None = None,
) -> Relationship:
    require(actor, "people.change_person", from_person, what="record a relationship")
    require(actor, "people.change_person", to_person, what="record a relationship")
    errors = {}
    if from_person.pk == to_person.pk:
        errors["to_person"] = ["Choose two different people."]
    if kind not in RelationshipKind.values:
        errors["kind"] = ["Choose how they are related."]
    if started_on and ended_on and ended_on < started_on:
        errors["ended_on"] = ["The end date must be on or after the start date."]
    if errors:
        from teamaround.core.errors import ValidationFailed

        raise ValidationFailed(errors)
    relationship = Relationship.objects.create(
        from_person=from_person,
        to_person=to_person,
        kind=kind,
        started_on=started_on,
        ended_on=ended_on,
        created_by=actor_user(actor),
    )
    audit(actor, relationship, AuditAction.CREATE, "Recorded a relationship")
    record_for_families(
        actor,
        from_person,
        FamilyEventKind.RELATIONSHIP_RECORDED,
        f"Relationship recorded: {relationship.get_kind_display().lower()}",
        source_id=str(relationship.pk),
    )
    return relationship


def families_of(person: Person):
    return Family.objects.filter(
        Q(memberships__person=person) & Q(memberships__ended_on__isnull=True)
    ).distinct()


def record_for_families(actor, person: Person, kind: str, summary: str, source_id: str = ""):
    for family in families_of(person):
        family_event_record(
            actor=on_behalf_of(actor),
            family=family,
            team=getattr(actor, "team", None),
            kind=kind,
            summary=summary,
            source_id=source_id or str(person.pk),
        )
