"""Reads of transfers and management oversight: on the case (for whoever reads it), and the
hand-overs a worker or manager is party to, which the worker who handed over still reads
after the case has left their team."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from teamaround.accounts.permissions import is_staff_member
from teamaround.accounts.roles import Role
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.socialcare.models import CaseTransfer

TRANSFER_RELATED = ("referral__child", "from_worker", "to_worker", "from_team", "to_team")


def case_oversight(referral) -> dict:
    cin_plans = list(referral.cin_plans.select_related("lead_practitioner__team"))
    return {
        "cin_plans": cin_plans,
        "open_cin_plan": next((p for p in cin_plans if p.ended_on is None), None),
        "transfers": list(referral.transfers.select_related(*TRANSFER_RELATED[1:], "created_by")),
        "oversight": list(referral.oversight.select_related("signed_by")),
    }


def transfers_for(*, actor) -> QuerySet:
    """Hand-overs where `actor` gave or took the case, or manages either team."""
    if not is_staff_member(actor):
        return CaseTransfer.objects.none()
    party = Q(from_worker_id=actor.pk) | Q(to_worker_id=actor.pk)
    if actor.team_id and actor.has_role(Role.TEAM_MANAGER):
        party |= Q(from_team_id=actor.team_id) | Q(to_team_id=actor.team_id)
    audit_record(
        action=AuditAction.SEARCH,
        actor=actor,
        object_type="socialcare.casetransfer",
        summary="Listed social care hand-overs",
    )
    return CaseTransfer.objects.filter(party).select_related(*TRANSFER_RELATED)


def can_transfer(actor, referral) -> bool:
    return not referral.is_closed and actor.has_perm("socialcare.transfer", referral)


def can_oversee(actor, referral) -> bool:
    return actor.has_perm("socialcare.oversee", referral)
