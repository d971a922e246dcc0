"""Reads of people's and families' records. Every one filters by people.permissions (the same
rule for a list and a single record), audits a view of a record, and audits a refusal.

One record is fetched by core.records.record_get: Http404 if it does not exist, an audited
RecordRefused if the actor may not open it (a 403 page offering break-glass; 404 in the API).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.access import refuse, require
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.core.records import record_get
from teamaround.people.models import (
    BreakGlassGrant,
    Family,
    FamilyMembership,
    Involvement,
    Person,
    PersonMerge,
    Relationship,
)
from teamaround.people.permissions import family_filter, person_filter


def person_list(*, actor, query: str = "") -> QuerySet[Person]:
    """People the actor may see, whose names hold every word of `query` ("Chidi Okonkwo"
    finds him: each word in his forenames or surname)."""
    people = Person.objects.filter(person_filter(actor), merged_into__isnull=True)
    for word in (query or "").split():
        people = people.filter(Q(surname__icontains=word) | Q(forenames__icontains=word))
    return people.order_by("surname", "forenames")


def family_list(*, actor) -> QuerySet[Family]:
    return Family.objects.filter(family_filter(actor), archived_at__isnull=True).order_by("name")


class LinkRefused(DomainError):
    """A chosen child that the chooser may neither open nor have found by date of birth."""

    def __init__(self, message: str):
        super().__init__(message, field="person")


BREAK_GLASS_OFFER = (
    "You do not have access to this record. If you need it, you can ask for break-glass "
    "access; your reason is recorded and shown to your manager."
)


def person_get(*, actor, person_id, audit: bool = True) -> Person:
    return record_get(
        Person,
        actor=actor,
        pk=person_id,
        rule=person_filter(actor),
        what="a person's record",
        audit=audit,
        message=BREAK_GLASS_OFFER,
        next_steps=lambda person: _break_glass_steps(actor, "people:break-glass", person),
    )


def family_get(*, actor, family_id, audit: bool = True) -> Family:
    return record_get(
        Family,
        actor=actor,
        pk=family_id,
        rule=family_filter(actor),
        what="a family's record",
        audit=audit,
        message=BREAK_GLASS_OFFER,
        next_steps=lambda family: _break_glass_steps(actor, "people:family-break-glass", family),
    )


def _break_glass_steps(actor, url_name: str, record) -> list[tuple[str, str]]:
    """The 403 page's way in, for staff who may ask for break-glass access."""
    if not actor.has_perm("people.break_glass"):
        return []
    return [("Ask for break-glass access to this record", reverse(url_name, args=[record.pk]))]


def family_exists(*, actor, family_id) -> Family | None:
    """For the break-glass page only, as person_exists."""
    require(actor, "people.break_glass", what="ask for break-glass access")
    try:
        return Family.objects.filter(pk=family_id).only("pk").first()
    except (ValueError, TypeError, ValidationError):
        return None


def person_exists(*, actor, person_id) -> Person | None:
    """For break-glass pages only: whether a record exists, without revealing anything in it.
    Only staff who may ask for break-glass access learn even that."""
    require(actor, "people.break_glass", what="ask for break-glass access")
    return _lookup(person_id)


def person_linkable(*, actor, person_id, date_of_birth=None) -> Person | None:
    """The known child a member of staff chose from "is this child known?" to attach their
    work to (a request for support, a consultation).

    A record they may open links. One they may not open (the search showed them only whom to
    contact) links only when its date of birth is the one they searched with, as the search
    itself requires; any other id is refused, so an id alone cannot attach work to someone."""
    if not person_id:
        return None
    require(actor, "people.search", what="link a known child")
    person = _lookup(person_id)
    if person is not None and Person.objects.filter(person_filter(actor), pk=person.pk).exists():
        return person
    if person is not None and date_of_birth and person.date_of_birth == date_of_birth:
        return person
    raise refuse(
        actor,
        what="link a child chosen by id",
        object_type="people.person",
        object_id=str(person_id),
        message="Choose the child from the search results.",
        refused=LinkRefused,
    )


def _lookup(person_id) -> Person | None:
    try:
        return Person.objects.filter(pk=person_id).only("pk", "date_of_birth").first()
    except (ValueError, TypeError, ValidationError):
        return None


def relationship_list(*, actor) -> QuerySet[Relationship]:
    """Relationships from people whose record the actor may open."""
    return Relationship.objects.filter(
        from_person__in=person_list(actor=actor).values("pk"),
        archived_at__isnull=True,
    ).order_by("created_at")


def person_memberships(person: Person) -> QuerySet[FamilyMembership]:
    return person.memberships.select_related("family").filter(archived_at__isnull=True)


def person_relationships(person: Person) -> QuerySet[Relationship]:
    return Relationship.objects.filter(
        Q(from_person=person) | Q(to_person=person), archived_at__isnull=True
    ).select_related("from_person", "to_person")


def person_merges(person: Person) -> QuerySet[PersonMerge]:
    return PersonMerge.objects.filter(Q(survivor=person) | Q(merged=person)).select_related(
        "survivor", "merged", "merged_by"
    )


def person_other_names(person: Person) -> QuerySet:
    """The person's other names in use (archived ones left out)."""
    return person.other_names.filter(archived_at__isnull=True)


def membership_get(family: Family, membership_id) -> FamilyMembership:
    """One membership of this family (opened with family_get); 404 for any other id."""
    return get_object_or_404(
        FamilyMembership.objects.select_related("person"), pk=membership_id, family=family
    )


def merge_get(*, actor, merge_id) -> PersonMerge:
    """A merge, for undoing it: the actor must be allowed to open the surviving record
    (person_get's rule and audit); 404 for an unknown id."""
    merge = get_object_or_404(PersonMerge.objects.select_related("survivor", "merged"), pk=merge_id)
    person_get(actor=actor, person_id=merge.survivor_id, audit=False)
    return merge


def family_members(family: Family) -> QuerySet[FamilyMembership]:
    return (
        family.memberships.filter(archived_at__isnull=True)
        .select_related("person")
        .prefetch_related(Prefetch("person__addresses"))
        .order_by("ended_on", "role", "person__date_of_birth")
    )


def family_relationships(family: Family) -> QuerySet[Relationship]:
    people = family.memberships.values("person_id")
    return Relationship.objects.filter(
        from_person__in=people, to_person__in=people, archived_at__isnull=True
    ).select_related("from_person", "to_person")


def family_involvements(family: Family) -> QuerySet[Involvement]:
    return family.involvements.select_related("team__agency", "lead_worker")


def family_chronology(family: Family):
    return family.events.select_related("team", "actor")


def break_glass_for_manager(*, actor) -> QuerySet[BreakGlassGrant]:
    """Break-glass access the actor is named to review, and (for a team manager) any taken by
    their team's staff; not yet reviewed first, then newest first."""
    require(actor, "people.review_break_glass", what="review break-glass access")
    mine = Q(reviewer_id=actor.pk)
    if actor.team_id and actor.has_role(Role.TEAM_MANAGER):
        mine |= Q(user__team_id=actor.team_id)
    grants = BreakGlassGrant.objects.filter(mine).order_by(
        F("reviewed_at").asc(nulls_first=True), "-granted_at"
    )
    audit_record(
        action=AuditAction.VIEW,
        actor=actor,
        object_type="people.breakglassgrant",
        summary="Reviewed the team's break-glass access",
    )
    return grants.select_related("user", "person", "family")


def break_glass_to_review(*, actor, grant_id) -> BreakGlassGrant:
    """One grant the actor is named to review: 404 for anyone else (ids reveal nothing)."""
    grant = BreakGlassGrant.objects.filter(pk=grant_id, reviewer_id=actor.pk).first()
    if grant is None:
        raise Http404
    return grant


def break_glass_active(*, actor):
    return BreakGlassGrant.objects.filter(user_id=actor.pk, expires_at__gt=timezone.now())
