"""Who may change the Directory. Administrators edit everything; a provider's nominated editor
edits only their own organisation's services and locations. `editable_organisations` is the
same rule as a queryset, so a list and a single record are scoped alike."""

from __future__ import annotations

import rules
from django.db.models import QuerySet

from teamaround.accounts.permissions import is_administrator, is_staff_member, sees_county_counts


def organisation_of(obj):
    """The organisation a directory record belongs to (None for anything else)."""
    from teamaround.directory.models import Location, Organisation, Service, ServiceAtLocation

    if isinstance(obj, Organisation):
        return obj
    if isinstance(obj, Service | Location):
        return obj.organisation
    if isinstance(obj, ServiceAtLocation):
        return obj.service.organisation
    return None


@rules.predicate
def is_organisation_editor(user, obj) -> bool:
    organisation = organisation_of(obj)
    if organisation is None or not is_staff_member(user):
        return False
    return user.directory_grants.filter(
        organisation_id=organisation.pk, archived_at__isnull=True
    ).exists()


@rules.predicate
def holds_any_editor_grant(user) -> bool:
    return is_staff_member(user) and user.directory_grants.filter(archived_at__isnull=True).exists()


def editable_organisations(user) -> QuerySet:
    from teamaround.directory.models import Organisation

    if is_administrator(user):
        return Organisation.objects.filter(archived_at__isnull=True)
    if not is_staff_member(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        archived_at__isnull=True,
        editors__user=user,
        editors__archived_at__isnull=True,
    ).distinct()


rules.add_perm("directory.manage_directory", is_administrator)
rules.add_perm("directory.edit_services", is_administrator | is_organisation_editor)
rules.add_perm("directory.use_editor_pages", is_administrator | holds_any_editor_grant)
rules.add_perm("directory.view_professional_details", is_staff_member)
rules.add_perm("directory.refer_family", is_staff_member)
# Referral counts per service for the commissioning app (aggregates, no case records).
rules.add_perm("directory.view_counts", sees_county_counts)
