"""The council's safety standards (socialcare.models.SafetyStandard: the child protection
visit standard, 10 working days by default), changed by a manager of a social care team.

A standard is county-wide practice policy, not a case record: the social care managers who
answer for it set it, not the system administrators who manage accounts and geography. Each
change is audited with the old and new number and the manager's reason; the next safety
check run uses the new number.
"""

from __future__ import annotations

from teamaround.core.access import use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.socialcare.models import SafetyStandard

# A standard of more than four working weeks would not be a visiting standard at all.
MOST_WORKING_DAYS = 20


def safety_standard_set(
    *, actor, standard: SafetyStandard, working_days: int | None, reason: str
) -> SafetyStandard:
    with use_case(actor, "socialcare.set_standards", what="change a safety standard"):
        errors: dict[str, list[str]] = {}
        if working_days is None or not 1 <= working_days <= MOST_WORKING_DAYS:
            errors["working_days"] = [
                f"Enter a whole number of working days from 1 to {MOST_WORKING_DAYS}."
            ]
        reason = (reason or "").strip()
        if not reason:
            errors["reason"] = ["Say why the standard is changing (who agreed it)."]
        if errors:
            raise ValidationFailed(errors)
        if working_days == standard.working_days:
            raise Conflict(f"The standard is already {working_days} working days.")
        before = standard.working_days
        standard.working_days = working_days
        standard.save(update_fields=["working_days"])
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=standard,
            summary=f"Safety standard {standard.key}",
            reason=reason,
            changes={"working_days": [before, working_days]},
        )
        return standard
