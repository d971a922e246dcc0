"""The people and teams a screener (or a practitioner recording a consultation) chooses from.
Names and teams only, but still a read by someone: each takes `actor=` and checks they may
make that choice. (accounts offers no selector for staff by role to non-administrators yet:
`accounts.selectors.staff_with_roles` would replace these.)"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from teamaround.accounts.models import AgencyKind, Team, User
from teamaround.accounts.roles import Role
from teamaround.core.access import require
from teamaround.frontdoor.permissions import HUB_ROLES

LEAD_PROFESSIONAL_LIMIT = 300


def hub_staff(*roles: str, actor) -> QuerySet[User]:
    """The Hub's screeners and social workers, for naming one (any member of staff may: a
    practitioner names the social worker who gave them a consultation)."""
    require(actor, "frontdoor.record_consultation", what="list the Hub's staff")
    return (
        User.objects.filter(role_assignments__role__in=roles or HUB_ROLES, is_active=True)
        .select_related("team__agency")
        .distinct()
        .order_by("first_name", "last_name")
    )


def lead_professional_choices(request, *, actor) -> QuerySet[User]:
    """Practitioners in partner agencies: the referrer, and those whose team covers the
    family's district."""
    require(actor, "frontdoor.decide", what="list possible lead professionals")
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


def receiving_teams(*, actor) -> QuerySet[Team]:
    """Family Solutions teams (in the council's early help service) and social care teams."""
    require(actor, "frontdoor.decide", what="list receiving teams")
    return (
        Team.objects.filter(
            agency__kind__in=[AgencyKind.COUNCIL_EARLY_HELP, AgencyKind.CHILDRENS_SOCIAL_CARE],
            archived_at__isnull=True,
        )
        .select_related("agency")
        .order_by("agency__name", "name")
    )


# The level a referrer suggested -> the kind of team a request at that level usually goes to.
RECEIVING_KIND = {4: AgencyKind.CHILDRENS_SOCIAL_CARE, 3: AgencyKind.COUNCIL_EARLY_HELP}


def suggested_team(request, *, actor) -> Team | None:
    """For the decision form: the first team of the kind the suggested level goes to (social
    care at 4, Family Solutions at 3; none below) covering the family's district."""
    level = request.level_suggested.number if request.level_suggested_id else None
    kind = RECEIVING_KIND.get(level)
    if kind is None:
        return None
    teams = receiving_teams(actor=actor).filter(agency__kind=kind)
    if kind == AgencyKind.COUNCIL_EARLY_HELP:
        teams = teams.filter(name__icontains="Family Solutions")
    if request.district_id:
        local = teams.filter(districts=request.district_id).first()
        if local:
            return local
    return teams.first()
