"""Package monitoring: at each review date the panel records whether the package is delivering
(with the distance travelled from early help reviews, where present) and decides to continue,
change, recommission or decommission it."""

from __future__ import annotations

from datetime import date

from teamaround.core.access import actor_user, use_case
from teamaround.core.errors import ValidationFailed
from teamaround.core.models import AuditAction
from teamaround.core.updates import model_update
from teamaround.panels import adapters
from teamaround.panels.models import (
    PackageOfSupport,
    PackageOutcome,
    PackageReview,
    PackageStatus,
)
from teamaround.panels.services.guards import audit, require_open


def package_review_record(
    *,
    actor,
    package: PackageOfSupport,
    meeting,
    delivering: bool | None,
    outcome: str,
    reviewed_on: date,
    notes: str = "",
    next_review_on: date | None = None,
) -> PackageReview:
    with use_case(actor, "panels.run_meeting", meeting, what="review a package of support"):
        require_open(meeting)
        errors: dict[str, list[str]] = {}
        if meeting.panel_id != package.panel_id:
            errors["package"] = ["This package belongs to another panel."]
        if package.status != PackageStatus.ACTIVE:
            errors["package"] = ["This package has been decommissioned."]
        if delivering is None:
            errors["delivering"] = ["Say whether the package is delivering."]
        if outcome not in PackageOutcome.values:
            errors["outcome"] = ["Choose continue, change, recommission or decommission."]
        ending = outcome == PackageOutcome.DECOMMISSION
        if not ending and next_review_on is None:
            errors["next_review_on"] = ["Enter the next review date."]
        elif next_review_on is not None and next_review_on <= reviewed_on:
            errors["next_review_on"] = ["The next review must be after this one."]
        if errors:
            raise ValidationFailed(errors)
        family = package.decision.item.referral.family if package.decision.item.referral else None
        review = PackageReview.objects.create(
            package=package,
            meeting=meeting,
            reviewed_on=reviewed_on,
            delivering=delivering,
            distance_travelled=adapters.distance_travelled(actor=actor, family=family),
            outcome=outcome,
            notes=notes.strip(),
            next_review_on=next_review_on,
            recorded_by=actor_user(actor),
        )
        if ending:
            model_update(package, actor=actor, values={"status": PackageStatus.DECOMMISSIONED})
        else:
            model_update(package, actor=actor, values={"review_on": next_review_on})
        meeting.items.filter(package=package).update(heard=True)
        audit(actor, package, AuditAction.UPDATE, f"Reviewed a package of support ({outcome})")
        return review
