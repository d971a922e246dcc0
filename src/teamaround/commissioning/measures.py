"""What the needs analysis counts: each measure's name, the categories it is broken down by
and whether it is a flow (summed over the period) or a stock (open at each month's end)."""

from __future__ import annotations

from dataclasses import dataclass

from teamaround.core.models import NeedDomain, WindscreenLevel
from teamaround.frontdoor.models.choices import DecisionRoute

PANEL_NAMES = {
    "maag": "MAAG",
    "earp": "EARP",
    "jap": "JAP",
    "marac": "MARAC",
    "mace1": "MACE 1",
    "mace2": "MACE 2",
    "missing": "Missing",
}


@dataclass(frozen=True)
class Measure:
    code: str
    title: str
    definition: str
    stock: bool = False
    categories: str = ""  # "levels", "routes", "domains", "panels" or "" (one figure)


MEASURES = [
    Measure("requests", "Requests for support", "Requests sent to the Hub in the month."),
    Measure(
        "decision_levels",
        "Hub decisions by level of need",
        "Decisions the Hub made in the month, by Windscreen level.",
        categories="levels",
    ),
    Measure(
        "decision_routes",
        "Hub decisions by route",
        "Decisions the Hub made in the month, by the route decided.",
        categories="routes",
    ),
    Measure(
        "open_episodes",
        "Open early help episodes by level",
        "Episodes open on the last day of the month, by level; for a district, those open at "
        "the end of the period.",
        stock=True,
        categories="levels",
    ),
    Measure(
        "needs",
        "Needs identified at assessment, by domain",
        "Families whose assessment, sent in the month, named a need in the domain (a family "
        "counts once in each domain it has a need in, so the total counts family-domains).",
        categories="domains",
    ),
    Measure("missing", "Missing episodes", "Missing episodes the police reported in the month."),
    Measure(
        "risk_cases",
        "MARAC and MACE cases",
        "Cases referred to MARAC and MACE panels in the month, by panel.",
        categories="panels",
    ),
    Measure(
        "packages",
        "Panel packages of support",
        "Packages of support agreed at panels starting in the month, by panel.",
        categories="panels",
    ),
    Measure(
        "re_referrals",
        "Re-referrals within 12 months",
        "Requests sent in the month about a child referred in the 12 months before.",
    ),
    Measure(
        "step_ups",
        "Step-ups to social care",
        "Early help episodes stepped up to children's social care in the month.",
    ),
]
BY_CODE = {m.code: m for m in MEASURES}


def category_labels(kind: str, seen: set) -> list[tuple]:
    """(category value, label) in display order, known ones first, then any others seen."""
    if kind == "levels":
        known = [
            (lv.number, f"Level {lv.number}: {lv.name}") for lv in WindscreenLevel.objects.all()
        ]
    elif kind == "routes":
        known = list(DecisionRoute.choices)
    elif kind == "domains":
        known = [(d.code, d.name) for d in NeedDomain.objects.all() if d.code in seen]
    elif kind == "panels":
        known = [(code, name) for code, name in PANEL_NAMES.items() if code in seen]
    else:
        return [("", "Number")]
    values = {value for value, _ in known}
    return known + [(value, str(value)) for value in sorted(seen - values, key=str)]
