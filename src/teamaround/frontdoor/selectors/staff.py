"""The people and teams a screener chooses from (read-only; accounts offers no selector for
staff by role to non-administrators yet: `accounts.selectors.staff_with_roles` would replace
these)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from teamaround.accounts.models import AgencyKind, Team, User
from teamaround.accounts.roles import Role
from teamaround.frontdoor.permissions import HUB_ROLES

LEAD_PROFESSIONAL_LIMIT = 300


def hub_staff(*roles: str) -> QuerySet[User]:
    return (
        User.objects.filter(role_assignments__role__in=roles or HUB_ROLES, is_active=True)
        .select_related("team__agency")
        .distinct()
        .order_by("first_name", "last_name")
    )


def lead_professional_choices(request) -> QuerySet[User]:
    """Practitioners in partner agencies: the referrer, and those whose team covers the
    family's district."""
    wanted = Q(pk=request.referrer_id) if request.referrer_id else Q(pk__in=[])
    if request.district_id:
        wanted |= Q(team__districts=request.district_id)
    return (
        User.objects.filter(wanted, is_active=True, role_assignments__role=Role.PRACTITIONER)
        .exclude(team__agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE)
        .select_related("team__agency")
        .distinct()
        .order_by("first_name", "last_name")
    )


def receiving_teams() -> QuerySet[Team]:
    """Family Solutions teams (in the council's early help service) and social care teams."""
    return (
        Team.objects.filter(
            agency__kind__in=[AgencyKind.COUNCIL_EARLY_HELP, AgencyKind.CHILDRENS_SOCIAL_CARE],
            archived_at__isnull=True,
        )
        .select_related("agency")
        .order_by("agency__name", "name")
    )


def suggested_team(request, kind: str) -> Team | None:
    """The first team of that agency kind covering the family's district."""
    teams = receiving_teams().filter(agency__kind=kind)
    if kind == AgencyKind.COUNCIL_EARLY_HELP:
        teams = teams.filter(name__icontains="Family Solutions")
    if request.district_id:
        local = teams.filter(districts=request.district_id).first()
        if local:
            return local
    return teams.first()
