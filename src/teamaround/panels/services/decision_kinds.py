"""The detail each kind of decision needs, checked before anything is written and then saved.

Each kind has a `check(details, errors, context)` that adds messages to `errors`, and a `save`
that writes its rows once every check has passed.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from teamaround.panels.models import (
    AvoidedPlacement,
    DecisionKind,
    JointFundingShare,
    LinkedChild,
    MissingReview,
    PackageOfSupport,
    PackagePart,
    PlacementAlternative,
    PlaceReview,
    SafetyPlan,
)

HUNDRED = Decimal("100")


def money(value) -> Decimal | None:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        return None
    return amount if amount >= 0 else None


def _need(details, key, errors, message):
    value = details.get(key)
    if value in (None, "") or (isinstance(value, str) and not value.strip()):
        errors.setdefault(key, []).append(message)
    return value


def check_package(details, errors, context):
    if context["lead_professional"] is None:
        errors.setdefault("lead_professional", []).append("Choose the lead professional.")
    starts = _need(details, "starts_on", errors, "Enter the date the package starts.")
    review = _need(details, "review_on", errors, "Enter the date the panel reviews the package.")
    weeks = details.get("duration_weeks")
    if not isinstance(weeks, int) or weeks < 1:
        errors.setdefault("duration_weeks", []).append("Enter how many weeks it runs for.")
    if starts and review and review <= starts:
        errors.setdefault("review_on", []).append("The review date must be after the start.")
    parts = [p for p in details.get("parts", []) if any(p.values())]
    if not parts:
        errors.setdefault("parts", []).append("Add at least one service to the package.")
    for index, part in enumerate(parts):
        if part.get("service") is None:
            errors.setdefault(f"parts-{index}-service", []).append("Choose a service.")
        if part.get("provider") is None:
            errors.setdefault(f"parts-{index}-provider", []).append(
                "Name the agency providing this service."
            )
        if money(part.get("cost")) is None:
            errors.setdefault(f"parts-{index}-cost", []).append(
                "Enter the cost in pounds (0 or more)."
            )
    details["parts"] = parts


def save_package(decision, details, context):
    package = PackageOfSupport.objects.create(
        decision=decision,
        panel=context["panel"],
        district=context["panel"].district,
        starts_on=details["starts_on"],
        duration_weeks=details["duration_weeks"],
        review_on=details["review_on"],
        created_by=context["user"],
    )
    for part in details["parts"]:
        PackagePart.objects.create(
            package=package,
            service=part["service"],
            provider=part["provider"],
            cost=money(part["cost"]),
        )


def check_alternative(details, errors, context):
    if details.get("avoided") not in AvoidedPlacement.values:
        errors.setdefault("avoided", []).append("Choose the placement this avoids.")
    _need(details, "description", errors, "Describe the alternative agreed.")
    for key in ("annual_cost", "avoided_annual_cost"):
        if money(details.get(key)) is None:
            errors.setdefault(key, []).append("Enter a cost in pounds (0 or more).")


def save_alternative(decision, details, context):
    PlacementAlternative.objects.create(
        decision=decision,
        avoided=details["avoided"],
        description=details["description"],
        annual_cost=money(details["annual_cost"]),
        avoided_annual_cost=money(details["avoided_annual_cost"]),
    )


def check_joint_funding(details, errors, context):
    total = money(details.get("total_cost"))
    if total is None:
        errors.setdefault("total_cost", []).append("Enter the total cost in pounds.")
    shares = [s for s in details.get("shares", []) if s.get("agency") or s.get("percentage")]
    if len(shares) < 2:
        errors.setdefault("shares", []).append("Joint funding needs at least two agencies.")
    seen, sum_ = set(), Decimal(0)
    for index, share in enumerate(shares):
        agency, pct = share.get("agency"), money(share.get("percentage"))
        if agency is None:
            errors.setdefault(f"shares-{index}-agency", []).append("Choose the agency.")
        elif agency.pk in seen:
            errors.setdefault(f"shares-{index}-agency", []).append("Each agency once only.")
        else:
            seen.add(agency.pk)
        if pct is None or pct == 0 or pct > HUNDRED:
            errors.setdefault(f"shares-{index}-percentage", []).append(
                "Enter a share between 0.01% and 100%."
            )
        else:
            sum_ += pct
    if shares and sum_ != HUNDRED and not errors.get("shares"):
        errors.setdefault("shares", []).append(f"The shares must add up to 100% (now {sum_}%).")
    details["shares"] = shares


def save_joint_funding(decision, details, context):
    total = money(details["total_cost"])
    for share in details["shares"]:
        pct = money(share["percentage"])
        amount = (total * pct / HUNDRED).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        JointFundingShare.objects.create(
            decision=decision, agency=share["agency"], percentage=pct, amount=amount
        )


def check_plan(details, errors, context):
    _need(details, "risks", errors, "Say what the risks are.")
    if not context["actions"]:
        errors.setdefault("actions", []).append("A plan needs at least one action for an agency.")


def save_plan(decision, details, context):
    SafetyPlan.objects.create(
        decision=decision,
        risks=details["risks"].strip(),
        protective_factors=(details.get("protective_factors") or "").strip(),
    )


def check_disruption(details, errors, context):
    _need(details, "places", errors, "Name the places the panel considered.")
    _need(details, "themes", errors, "Name the themes the panel considered.")
    if not context["actions"]:
        errors.setdefault("actions", []).append("Agree at least one disruption action.")


def save_disruption(decision, details, context):
    review = PlaceReview.objects.create(
        decision=decision, places=details["places"].strip(), themes=details["themes"].strip()
    )
    for child in details.get("linked_children", []):
        LinkedChild.objects.create(place_review=review, child=child)


def check_missing(details, errors, context):
    count = details.get("episodes_in_last_90_days")
    if not isinstance(count, int) or count < 0:
        errors.setdefault("episodes_in_last_90_days", []).append(
            "Enter how many times the child went missing in the last 90 days."
        )
    _need(details, "pattern", errors, "Describe the pattern of missing episodes.")


def save_missing(decision, details, context):
    MissingReview.objects.create(
        decision=decision,
        episodes_in_last_90_days=details["episodes_in_last_90_days"],
        pattern=details["pattern"].strip(),
    )


def _nothing(*args):
    return None


KINDS = {
    DecisionKind.PACKAGE: (check_package, save_package),
    DecisionKind.ALTERNATIVE: (check_alternative, save_alternative),
    DecisionKind.JOINT_FUNDING: (check_joint_funding, save_joint_funding),
    DecisionKind.SAFETY_PLAN: (check_plan, save_plan),
    DecisionKind.EXPLOITATION_PLAN: (check_plan, save_plan),
    DecisionKind.DISRUPTION: (check_disruption, save_disruption),
    DecisionKind.MISSING_REVIEW: (check_missing, save_missing),
    DecisionKind.NO_FURTHER_ACTION: (_nothing, _nothing),
}
