"""Use-cases that change agencies, teams and staff. The only writers of these tables: pages,
the API, commands and the seeder all come through here. Each checks access and is audited."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from teamaround.accounts import tokens
from teamaround.accounts.models import Agency, ApiToken, RoleAssignment, Team, User
from teamaround.accounts.roles import Role
from teamaround.core.access import actor_user, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import AuditAction, District
from teamaround.core.updates import model_update


def _audit_change(actor, obj, action: str, changes: dict | None = None, reason: str = "") -> None:
    audit_record(
        action=action, actor=actor, obj=obj, summary=str(obj)[:300], changes=changes, reason=reason
    )


def agency_create(
    *, actor, name: str, kind: str, districts: Iterable[District] = (), **details
) -> Agency:
    with use_case(actor, "accounts.manage_agencies", what="create an agency"):
        if Agency.objects.filter(name__iexact=name.strip()).exists():
            raise DomainError("An agency with this name already exists.", field="name")
        agency = Agency.objects.create(
            name=name.strip(), kind=kind, created_by=actor_user(actor), **details
        )
        agency.districts.set(districts)
        _audit_change(actor, agency, AuditAction.CREATE)
        return agency


def agency_update(
    *, actor, agency: Agency, version: int | None = None, districts=None, **values
) -> Agency:
    """Change an agency from the version the editor read (None: as read here); a version
    someone else has moved on is a StaleVersion and nothing is written."""
    with use_case(actor, "accounts.manage_agencies", agency, what="change an agency"):
        _refuse_archived(agency)
        name = values.get("name")
        if name and Agency.objects.filter(name__iexact=name).exclude(pk=agency.pk).exists():
            raise DomainError("An agency with this name already exists.", field="name")
        if districts is not None:
            values["districts"] = districts
        changes = model_update(
            agency, actor=actor, values=values, expected_version=version, what="agency"
        )
        if changes:
            _audit_change(actor, agency, AuditAction.UPDATE, changes)
        return agency


def agency_archive(*, actor, agency: Agency, reason: str) -> Agency:
    with use_case(actor, "accounts.manage_agencies", agency, what="archive an agency"):
        _require_reason(reason)
        _refuse_archived(agency)
        if User.objects.filter(team__agency=agency, is_active=True).exists():
            raise DomainError("Move or deactivate this agency's staff before archiving it.")
        agency.archive(actor=actor, reason=reason.strip())
        _audit_change(actor, agency, AuditAction.ARCHIVE, reason=reason)
        return agency


def team_create(
    *, actor, agency: Agency, name: str, districts: Iterable[District] = (), **details
) -> Team:
    with use_case(actor, "accounts.manage_teams", what="create a team"):
        if agency.is_archived:
            raise DomainError("Teams cannot be added to an archived agency.", field="agency")
        if Team.objects.filter(agency=agency, name__iexact=name.strip()).exists():
            raise DomainError("This agency already has a team with this name.", field="name")
        team = Team.objects.create(
            agency=agency, name=name.strip(), created_by=actor_user(actor), **details
        )
        team.districts.set(districts)
        _audit_change(actor, team, AuditAction.CREATE)
        return team


def team_update(*, actor, team: Team, version: int | None = None, districts=None, **values) -> Team:
    with use_case(actor, "accounts.manage_teams", team, what="change a team"):
        _refuse_archived(team)
        if districts is not None:
            values["districts"] = districts
        changes = model_update(
            team, actor=actor, values=values, expected_version=version, what="team"
        )
        if changes:
            _audit_change(actor, team, AuditAction.UPDATE, changes)
        return team


def user_create(
    *,
    actor,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    team: Team | None,
    roles: Iterable[str],
    password: str | None = None,
    job_title: str = "",
) -> User:
    with use_case(actor, "accounts.manage_users", what="create a user"):
        username = username.strip().lower()
        if User.objects.filter(username__iexact=username).exists():
            raise DomainError("This username is already taken.", field="username")
        user = User(
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=email,
            team=team,
            job_title=job_title,
        )
        if password:
            _check_password(password, user)
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        _set_roles(user, roles)
        _audit_change(actor, user, AuditAction.CREATE, {"roles": [[], sorted(roles)]})
        return user


def user_update(*, actor, user: User, roles: Iterable[str] | None = None, **values) -> User:
    with use_case(actor, "accounts.manage_users", user, what="change a user"):
        changes = model_update(user, actor=actor, values=values)
        if roles is not None:
            before = sorted(user.role_set)
            _set_roles(user, roles)
            if before != sorted(roles):
                changes["roles"] = [before, sorted(roles)]
        _audit_change(actor, user, AuditAction.UPDATE, changes)
        return user


def user_deactivate(*, actor, user: User, reason: str) -> User:
    """Deactivated staff cannot sign in or use their API token; their history stays."""
    with use_case(actor, "accounts.manage_users", user, what="deactivate a user"):
        _require_reason(reason)
        if actor.pk == user.pk:
            raise DomainError("You cannot deactivate your own account.")
        user.is_active = False
        user.save(update_fields=["is_active"])
        _revoke_all(actor, user, "The user was deactivated")
        _audit_change(actor, user, AuditAction.ARCHIVE, {"is_active": [True, False]}, reason)
        return user


def api_token_issue(*, actor, user: User, days: int | None = None) -> str:
    """Issue a new API token for `user`, revoking any earlier one. Returns the token, which is
    shown once: only its digest is kept. It expires after TEAMAROUND_API_TOKEN_DAYS (or
    `days`); the council treats it like a password."""
    with use_case(actor, "accounts.manage_users", user, what="issue an API token"):
        if not user.is_active:
            raise DomainError("Tokens cannot be issued to a deactivated user.")
        if days is not None and not 1 <= days <= settings.TEAMAROUND_API_TOKEN_DAYS:
            raise DomainError(
                f"A token lasts from 1 to {settings.TEAMAROUND_API_TOKEN_DAYS} days.", field="days"
            )
        replaced = _revoke_all(actor, user, "Replaced by a new token")
        key = tokens.new_key()
        token = ApiToken.objects.create(
            user=user,
            digest=tokens.digest(key),
            prefix=key[:8],
            created_by=actor_user(actor),
            expires_at=tokens.expiry(timezone.now(), days),
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=token,
            summary=f"Issued an API token to user {user.pk}",
            changes={
                "user": [None, str(user.pk)],
                "expires_at": [None, token.expires_at.isoformat()],
                "replaced": [None, replaced],
            },
        )
        return key


def api_token_revoke(*, actor, token: ApiToken, reason: str) -> ApiToken:
    """Revoke one token at once (a lost laptop, a leaked script); audited with the reason."""
    with use_case(actor, "accounts.manage_users", token.user, what="revoke an API token"):
        _require_reason(reason)
        if token.revoked_at is not None:
            raise DomainError("This token has already been revoked.")
        _revoke(actor, token, reason.strip())
        return token


def _revoke(actor, token: ApiToken, reason: str) -> None:
    token.revoked_at = timezone.now()
    token.revoked_by = actor_user(actor)
    token.revoked_reason = reason[:300]
    token.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
    audit_record(
        action=AuditAction.ARCHIVE,
        actor=actor,
        obj=token,
        summary=f"Revoked an API token of user {token.user_id}",
        reason=reason,
    )


def _revoke_all(actor, user: User, reason: str) -> int:
    active = list(user.api_tokens.filter(revoked_at__isnull=True))
    for token in active:
        _revoke(actor, token, reason)
    return len(active)


def _set_roles(user: User, roles: Iterable[str]) -> None:
    wanted = set(roles)
    unknown = wanted - set(Role.values)
    if unknown:
        raise DomainError(f"Unknown role: {', '.join(sorted(unknown))}.", field="roles")
    user.role_assignments.exclude(role__in=wanted).delete()
    existing = set(user.role_assignments.values_list("role", flat=True))
    RoleAssignment.objects.bulk_create(
        [RoleAssignment(user=user, role=role) for role in sorted(wanted - existing)]
    )
    user.__dict__.pop("role_set", None)


def _check_password(password: str, user: User) -> None:
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationFailed({"password": list(error.messages)}) from error


def _require_reason(reason: str) -> None:
    if not (reason or "").strip():
        raise DomainError("Give a reason.", field="reason")


def _refuse_archived(record) -> None:
    if record.is_archived:
        raise DomainError("This record is archived and cannot be changed.")
