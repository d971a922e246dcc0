"""Reads of agencies, teams and staff, always filtered by what the actor may see."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from teamaround.accounts.models import Agency, ApiToken, Team, User
from teamaround.core.access import require


def agency_list(
    *, actor, kind: str = "", district=None, query: str = "", include_archived: bool = False
) -> QuerySet[Agency]:
    require(actor, "accounts.view_directory_of_agencies", what="list agencies")
    agencies = Agency.objects.annotate(team_count=Count("teams", distinct=True))
    if not include_archived:
        agencies = agencies.filter(archived_at__isnull=True)
    if kind:
        agencies = agencies.filter(kind=kind)
    if district:
        agencies = agencies.filter(districts=district)
    if query:
        agencies = agencies.filter(Q(name__icontains=query) | Q(reference__iexact=query))
    return agencies.distinct().order_by("name")


def agency_get(*, actor, agency_id) -> Agency:
    require(actor, "accounts.view_directory_of_agencies", what="view an agency")
    return get_object_or_404(Agency.objects.prefetch_related("districts"), pk=agency_id)


def team_list(*, actor, agency: Agency | None = None, district=None) -> QuerySet[Team]:
    require(actor, "accounts.view_directory_of_agencies", what="list teams")
    teams = Team.objects.select_related("agency").filter(archived_at__isnull=True)
    if agency is not None:
        teams = teams.filter(agency=agency)
    if district is not None:
        teams = teams.filter(districts=district)
    return teams.prefetch_related("districts").distinct()


def team_get(*, actor, team_id) -> Team:
    require(actor, "accounts.view_directory_of_agencies", what="view a team")
    return get_object_or_404(Team.objects.select_related("agency"), pk=team_id)


def user_list(*, actor, query: str = "", role: str = "", team=None) -> QuerySet[User]:
    require(actor, "accounts.manage_users", what="list users")
    users = User.objects.select_related("team__agency").prefetch_related("role_assignments")
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
        )
    if role:
        users = users.filter(role_assignments__role=role)
    if team is not None:
        users = users.filter(team=team)
    return users.distinct()


def user_get(*, actor, user_id) -> User:
    require(actor, "accounts.manage_users", what="view a user")
    return get_object_or_404(User.objects.select_related("team__agency"), pk=user_id)


def teams_managed_by(user: User) -> QuerySet[Team]:
    """The teams whose audit trail and caseloads a team manager sees: their own team."""
    return Team.objects.filter(pk=user.team_id) if user.team_id else Team.objects.none()


def api_token_list(*, actor, user: User) -> QuerySet[ApiToken]:
    """A user's API tokens (never the secrets: those are not kept), newest first."""
    require(actor, "accounts.manage_users", user, what="view a user's API tokens")
    return user.api_tokens.select_related("created_by", "revoked_by")


def api_token_get(*, actor, user: User, token_id) -> ApiToken:
    require(actor, "accounts.manage_users", user, what="view a user's API tokens")
    return get_object_or_404(ApiToken, pk=token_id, user=user)
