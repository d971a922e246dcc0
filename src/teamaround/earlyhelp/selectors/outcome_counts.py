"""Counts for the commissioning app's Families First outcomes: families whose assessment named
a need counting towards each outcome (an outcome is a group of need domains the commissioning
app passes in), and families with needs across several outcomes by whether they have a lead
practitioner, a signed-off whole-family assessment and a plan. Aggregates only: the family
level work happens here and only counts by district leave."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from teamaround.core.access import require
from teamaround.earlyhelp.models import AssessedNeed
from teamaround.earlyhelp.models.choices import AssessmentStatus


@dataclass
class OutcomeCounts:
    by_outcome: Counter = field(default_factory=Counter)  # (outcome, district_id) -> families
    several: Counter = field(default_factory=Counter)  # (district_id, supported) -> families


def families_by_outcome(*, actor, start, end, groups: dict, at_least: int = 3) -> OutcomeCounts:
    """Over assessments sent in [start, end) (aware datetimes): for each outcome in `groups`
    ({outcome: need domain codes}), the families with a need in any of its domains; and the
    families with needs in `at_least` outcomes or more, split by whether their latest episode
    has all of a lead practitioner, a signed-off assessment and a plan. A family counts once,
    in the district of its latest assessment in the period."""
    require(actor, "earlyhelp.view_counts", what="see early help counts by district")
    rows = (
        AssessedNeed.objects.filter(
            assessment__submitted_at__gte=start, assessment__submitted_at__lt=end
        )
        .values_list(
            "assessment__episode__family_id",
            "assessment__submitted_at",
            "assessment__episode__district_id",
            "domain__code",
            "assessment__status",
            "assessment__episode__lead_professional_id",
            "assessment__episode__plan__id",
        )
        .order_by()
    )
    outcomes_of = {}
    for outcome, codes in groups.items():
        for code in codes:
            outcomes_of.setdefault(code, set()).add(outcome)
    latest: dict = {}
    reached: dict = {}
    for family, sent, district, code, status, lead, plan in rows:
        reached.setdefault(family, set()).update(outcomes_of.get(code, ()))
        if family not in latest or sent > latest[family][0]:
            supported = bool(lead and plan and status == AssessmentStatus.SIGNED_OFF)
            latest[family] = (sent, district, supported)
    result = OutcomeCounts()
    for family, outcomes in reached.items():
        _, district, supported = latest[family]
        for outcome in outcomes:
            result.by_outcome[(outcome, district)] += 1
        if len(outcomes) >= at_least:
            result.several[(district, supported)] += 1
    return result
