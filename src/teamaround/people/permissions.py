"""Who may see and change people's records. The rule for opening a family's or a person's
record is written once, as queryset filters (`family_filter`, `person_filter`); the object
predicates below and every selector use those same filters, so a list and a single record can
never disagree.

A member of staff sees a family's full record when:
- their team has an open involvement with the family;
- they are a team manager and their team is or was involved with it;
- their role reaches across the county (Hub screener, Hub social worker, social worker); or
- they took break-glass access to it, with a reason, and the access has not expired.
Everyone else finds out only that a child is known, to which team, and whom to contact.
"""

from __future__ import annotations

import rules
from django.db.models import Q
from django.utils import timezone

from teamaround.accounts.permissions import is_administrator, is_staff_member, is_team_manager
from teamaround.accounts.roles import COUNTY_WIDE_ROLES, Role
from teamaround.core.access import is_system

NOTHING = Q(pk__in=[])
RECORDING_ROLES = (
    Role.PRACTITIONER,
    Role.HUB_SCREENER,
    Role.HUB_SOCIAL_WORKER,
    Role.FAMILY_WORKER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
)
MERGING_ROLES = (
    Role.HUB_SCREENER,
    Role.HUB_SOCIAL_WORKER,
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.DATA_ANALYST,
)


def sees_everyone(actor) -> bool:
    return is_system(actor) or bool(is_staff_member(actor) and actor.has_role(*COUNTY_WIDE_ROLES))


def _grants(actor):
    from teamaround.people.models import BreakGlassGrant

    return BreakGlassGrant.objects.filter(user_id=actor.pk, expires_at__gt=timezone.now())


def family_filter(actor) -> Q:
    """Q on Family: the families whose full record `actor` may open."""
    from teamaround.people.models import Involvement

    if sees_everyone(actor):
        return Q()
    if not is_staff_member(actor):
        return NOTHING
    allowed = Q(pk__in=_grants(actor).filter(family__isnull=False).values("family_id"))
    if actor.team_id:
        involvements = Involvement.objects.filter(team_id=actor.team_id, archived_at__isnull=True)
        if not actor.has_role(Role.TEAM_MANAGER):
            involvements = involvements.filter(closed_at__isnull=True)
        allowed |= Q(pk__in=involvements.values("family_id"))
    return allowed


def person_filter(actor) -> Q:
    """Q on Person: members (past or present) of a visible family, people the actor took
    break-glass access to, and records merged into either."""
    from teamaround.people.models import Family, FamilyMembership

    families = family_filter(actor)
    if families == Q():
        return Q()
    if families == NOTHING:
        return NOTHING
    members = FamilyMembership.objects.filter(
        family__in=Family.objects.filter(families), archived_at__isnull=True
    ).values("person_id")
    granted = _grants(actor).filter(person__isnull=False).values("person_id")
    direct = Q(pk__in=members) | Q(pk__in=granted)
    return direct | Q(merged_into__in=members) | Q(merged_into__in=granted)


@rules.predicate
def can_view_family(user, family) -> bool:
    from teamaround.people.models import Family

    return family is not None and Family.objects.filter(family_filter(user), pk=family.pk).exists()


@rules.predicate
def can_view_person(user, person) -> bool:
    from teamaround.people.models import Person

    return person is not None and Person.objects.filter(person_filter(user), pk=person.pk).exists()


@rules.predicate
def records_people(user) -> bool:
    return is_staff_member(user) and user.has_role(*RECORDING_ROLES)


@rules.predicate
def merges_records(user) -> bool:
    return is_staff_member(user) and user.has_role(*MERGING_ROLES)


@rules.predicate
def trains_matching(user) -> bool:
    return is_staff_member(user) and user.has_role(Role.DATA_ANALYST, Role.ADMINISTRATOR)


@rules.predicate
def manages_involvements(user) -> bool:
    return is_staff_member(user) and user.has_role(
        *COUNTY_WIDE_ROLES, Role.TEAM_MANAGER, Role.ADMINISTRATOR
    )


rules.add_perm("people.search", is_staff_member)
rules.add_perm("people.view_family", can_view_family)
rules.add_perm("people.view_person", can_view_person)
rules.add_perm("people.record", records_people)
rules.add_perm("people.change_family", records_people & can_view_family)
rules.add_perm("people.change_person", records_people & can_view_person)
rules.add_perm("people.merge", merges_records)
rules.add_perm("people.train_matching", trains_matching)
rules.add_perm("people.manage_involvement", manages_involvements & can_view_family)


@rules.predicate
def may_break_glass(actor) -> bool:
    """Only the roles the council lets break glass (TEAMAROUND_BREAK_GLASS_ROLES; by default
    the casework roles, not commissioners, analysts, panel chairs or partner practitioners)."""
    from django.conf import settings

    return is_staff_member(actor) and actor.has_role(*settings.TEAMAROUND_BREAK_GLASS_ROLES)


@rules.predicate
def reviews_grant(actor, grant=None) -> bool:
    """A grant's named reviewer; without a grant, anyone who may have a review list."""
    if grant is None:
        return is_team_manager(actor) or is_administrator(actor) or reviews_any(actor)
    return is_staff_member(actor) and grant.reviewer_id == actor.pk


def reviews_any(actor) -> bool:
    from teamaround.people.models import BreakGlassGrant

    return is_staff_member(actor) and BreakGlassGrant.objects.filter(reviewer_id=actor.pk).exists()


rules.add_perm("people.break_glass", may_break_glass)
rules.add_perm("people.review_break_glass", reviews_grant)
# Writing to a family's chronology directly needs its record; other apps' use-cases write
# their events on the person's behalf (core.access.on_behalf_of).
rules.add_perm("people.record_event", is_staff_member & can_view_family)
# Only governance retention (on a manager approval, acting on their behalf) anonymises.
rules.add_perm("people.anonymise", rules.always_deny)
