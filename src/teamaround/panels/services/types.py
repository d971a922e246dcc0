"""Loading and editing panel types, setting up panels for each scope, and their members.

Panel types are data: the Essex default lives in data/essex_panel_types.json and another
council loads its own file through `panel_types_load` (administrators only).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import actor_user, use_case
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.panels.models import (
    CaseSubject,
    DecisionKind,
    Frequency,
    MemberRole,
    Panel,
    PanelMembership,
    PanelScope,
    PanelType,
    SharingBasis,
)
from teamaround.panels.services.guards import audit

ESSEX_PANEL_TYPES = Path(__file__).resolve().parents[1] / "data" / "essex_panel_types.json"
FIELDS = [f.name for f in PanelType._meta.fields if f.name not in {"id", "code"}]
CHOICE_LISTS = {
    "member_agency_kinds": AgencyKind.values,
    "quorum_agency_kinds": AgencyKind.values,
    "referrer_agency_kinds": AgencyKind.values,
    "referrer_roles": Role.values,
    "decision_kinds": DecisionKind.values,
}
CHOICES = {
    "scope": PanelScope.values,
    "frequency": Frequency.values,
    "sharing_basis": SharingBasis.values,
    "case_subject": CaseSubject.values,
}


def essex_panel_types() -> dict:
    return json.loads(ESSEX_PANEL_TYPES.read_text(encoding="utf-8"))


def _check(row: dict, index: int) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for key in ("code", "name", "short_name", "purpose"):
        if not str(row.get(key, "")).strip():
            errors[f"{index}.{key}"] = ["Required."]
    for key, allowed in CHOICES.items():
        if row.get(key) not in allowed:
            errors[f"{index}.{key}"] = [f"Choose one of: {', '.join(allowed)}."]
    for key, allowed in CHOICE_LISTS.items():
        unknown = [v for v in row.get(key, []) if v not in allowed]
        if unknown:
            errors[f"{index}.{key}"] = [f"Unknown: {', '.join(unknown)}."]
    if not row.get("decision_kinds"):
        errors[f"{index}.decision_kinds"] = ["A panel must be able to decide something."]
    return errors


def panel_types_load(*, actor, data: dict) -> list[PanelType]:
    """Create or update panel types by code. Lands whole or reports every bad row."""
    with use_case(actor, "panels.manage_panels", what="load panel types"):
        rows = data.get("panel_types", [])
        errors: dict[str, list[str]] = {}
        for index, row in enumerate(rows):
            errors.update(_check(row, index))
        if errors:
            raise ValidationFailed(errors)
        loaded = []
        for row in rows:
            values = {k: row[k] for k in FIELDS if k in row}
            panel_type, created = PanelType.objects.update_or_create(
                code=row["code"], defaults=values
            )
            audit(
                actor,
                panel_type,
                AuditAction.CREATE if created else AuditAction.UPDATE,
                f"Loaded panel type {panel_type.code}",
            )
            loaded.append(panel_type)
        return loaded


def panel_create(*, actor, panel_type: PanelType, name: str, district=None, quadrant=None):
    with use_case(actor, "panels.manage_panels", what="set up a panel"):
        needs = {PanelScope.DISTRICT: district, PanelScope.QUADRANT: quadrant}
        if panel_type.scope in needs and needs[panel_type.scope] is None:
            raise DomainError(f"Choose the {panel_type.scope} this panel covers.", field="scope")
        if Panel.objects.filter(name__iexact=name.strip()).exists():
            raise DomainError("A panel with this name already exists.", field="name")
        panel = Panel.objects.create(
            panel_type=panel_type,
            name=name.strip(),
            district=district,
            quadrant=quadrant,
            created_by=actor_user(actor),
        )
        audit(actor, panel, AuditAction.CREATE, "Set up a panel")
        return panel


def panel_membership_add(
    *,
    actor,
    panel: Panel,
    user,
    role: str = MemberRole.MEMBER,
    started_on: date | None = None,
    can_see_linked_children: bool = False,
) -> PanelMembership:
    with use_case(actor, "panels.manage_panels", what="add a panel member"):
        if role not in MemberRole.values:
            raise DomainError("Choose chair, co-ordinator or member.", field="role")
        if user.agency is None:
            raise DomainError("Members sit for an agency: put them in a team first.", field="user")
        started_on = started_on or timezone.localdate()
        current = panel.memberships.filter(user=user, ended_on__isnull=True)
        if current.exists():
            raise DomainError("They are already a member of this panel.", field="user")
        membership = PanelMembership.objects.create(
            panel=panel,
            user=user,
            agency=user.agency,
            role=role,
            started_on=started_on,
            can_see_linked_children=can_see_linked_children,
            created_by=actor_user(actor),
        )
        audit(actor, membership, AuditAction.CREATE, "Added a panel member")
        return membership


def panel_membership_end(*, actor, membership: PanelMembership, ended_on: date | None = None):
    with use_case(actor, "panels.manage_panels", membership.panel, what="end a membership"):
        if membership.ended_on is not None:
            raise DomainError("This membership has already ended.")
        model_update(membership, actor=actor, values={"ended_on": ended_on or timezone.localdate()})
        audit(actor, membership, AuditAction.UPDATE, "Ended a panel membership")
        return membership
