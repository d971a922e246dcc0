"""Organisations in the Directory and the editors they nominate. Administrators only."""

from __future__ import annotations

from teamaround.core.access import actor_user, use_case
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.directory.models import DirectoryEditor, Organisation
from teamaround.directory.services.audit_trail import audit_change
from teamaround.directory.services.feed_fields import check_link

LINKS = ("website", "logo", "uri")  # only http(s) links are stored, shown and published


def organisation_create(*, actor, name: str, description: str, id=None, **details) -> Organisation:
    with use_case(actor, "directory.manage_directory", what="add a directory organisation"):
        name = name.strip()
        if not name:
            raise DomainError("Enter the organisation's name.", field="name")
        for link in LINKS:
            check_link(details.get(link), link)
        if Organisation.objects.filter(name__iexact=name, archived_at__isnull=True).exists():
            raise DomainError(
                "An organisation with this name is already in the directory.", field="name"
            )
        extra = {"id": id} if id else {}
        organisation = Organisation.objects.create(
            name=name,
            description=description.strip() or name,
            created_by=actor_user(actor),
            **extra,
            **details,
        )
        audit_change(actor, organisation, AuditAction.CREATE)
        return organisation


def organisation_update(
    *, actor, organisation: Organisation, version: int | None = None, **values
) -> Organisation:
    """Change an organisation from the version the editor read (None: as read here)."""
    with use_case(
        actor, "directory.edit_services", organisation, what="change a directory organisation"
    ):
        if organisation.is_archived:
            raise DomainError("This organisation is archived and cannot be changed.")
        for link in LINKS:
            check_link(values.get(link), link)
        if "name" in values:
            values["name"] = (values["name"] or "").strip()
            if not values["name"]:
                raise DomainError("Enter the organisation's name.", field="name")
        changes = model_update(
            organisation,
            actor=actor,
            values=values,
            expected_version=version,
            what="organisation",
        )
        if changes:
            audit_change(actor, organisation, AuditAction.UPDATE, changes)
        return organisation


def directory_editor_grant(*, actor, user, organisation: Organisation) -> DirectoryEditor:
    """Let a member of the provider's staff keep its services up to date."""
    with use_case(actor, "directory.manage_directory", what="nominate a directory editor"):
        if not user.is_active:
            raise DomainError("This user is deactivated.", field="user")
        live = DirectoryEditor.objects.filter(
            user=user, organisation=organisation, archived_at__isnull=True
        )
        if live.exists():
            raise DomainError(
                "This person already edits this organisation's services.", field="user"
            )
        grant = DirectoryEditor.objects.create(
            user=user, organisation=organisation, created_by=actor_user(actor)
        )
        audit_change(
            actor,
            grant,
            AuditAction.CREATE,
            {"user": [None, str(user.pk)], "organisation": [None, str(organisation.pk)]},
        )
        return grant


def directory_editor_revoke(*, actor, grant: DirectoryEditor, reason: str) -> DirectoryEditor:
    with use_case(actor, "directory.manage_directory", what="withdraw a directory editor"):
        if not (reason or "").strip():
            raise DomainError("Give a reason.", field="reason")
        grant.archive(actor=actor, reason=reason.strip())
        audit_change(actor, grant, AuditAction.ARCHIVE, reason=reason)
        return grant
