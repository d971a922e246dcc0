"""The Balanced Impact Assessment of a directory service: indicators (referrals, families,
step-up and re-referral within 12 months of the referral), distance travelled per need domain
(mean change from first to last TAF score, with the number of families behind it) and the
families' feedback at closure. Every figure is over families, so each is suppressed where
fewer than 5 families are behind it. Read through the directory's, early help's and the Hub's
selectors; nothing personal leaves them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from teamaround.commissioning.models import ServiceJudgement
from teamaround.commissioning.suppression import SUPPRESSED, THRESHOLD, Figure, is_small
from teamaround.core.access import require
from teamaround.core.records import record_get
from teamaround.directory.selectors.counts import service_referrals, services_with_referrals
from teamaround.earlyhelp.selectors.counts import outcomes_for_families
from teamaround.frontdoor.selectors.counts import request_times

YEAR = timedelta(days=365)


@dataclass
class Impact:
    service: object
    indicators: list = field(default_factory=list)  # (label, Figure or text, of n)
    distance: list = field(default_factory=list)  # (domain, mean change text, families Figure)
    feedback: list = field(default_factory=list)  # (question, mean text)
    feedback_n: Figure | None = None
    judgements: list = field(default_factory=list)

    def evidence(self) -> dict:
        return {
            "indicators": [[label, str(value)] for label, value in self.indicators],
            "distance": [[d, change, str(n)] for d, change, n in self.distance],
            "feedback": [[q, mean] for q, mean in self.feedback],
            "feedback_families": str(self.feedback_n),
        }


def impact_services(*, actor):
    require(actor, "commissioning.view_needs", what="see the impact of services")
    return services_with_referrals(actor=actor)


def service_for_impact(*, actor, pk):
    """A directory service is not about a person, so opening one is not audited as a view."""
    return record_get(
        impact_services(actor=actor),
        actor=actor,
        pk=pk,
        rule=lambda service: True,  # impact_services checked the permission
        what="a service's impact",
        audit=False,
    )


def _count(n: int) -> Figure:
    return Figure(n, is_small(n))


def _share(part: int, whole: int) -> str:
    if is_small(part) or is_small(whole):
        return SUPPRESSED
    return f"{part} of {whole} ({part * 100 / whole:.0f}%)" if whole else "–"


def service_impact(*, actor, service) -> Impact:
    require(actor, "commissioning.view_needs", what="see a service's impact")
    referrals = service_referrals(actor=actor, service=service)
    first = {}
    for family_id, when in referrals:
        first[family_id] = min(when, first.get(family_id, when))
    families = list(first)
    outcomes = outcomes_for_families(actor=actor, family_ids=families)
    requests = request_times(actor=actor, family_ids=families)
    stepped = sum(
        1
        for f, start in first.items()
        if any(start <= t < start + YEAR for t in outcomes["step_ups"].get(f, []))
    )
    again = sum(
        1
        for f, start in first.items()
        if any(start < t < start + YEAR for t in requests.get(f, []))
    )
    impact = Impact(service)
    impact.indicators = [
        ("Referrals", _count(len(referrals))),
        ("Families referred (uptake)", _count(len(families))),
        ("Time from referral to first contact", "Not recorded by the directory"),
        ("Stepped up to social care within 12 months", _share(stepped, len(families))),
        ("Referred to the Hub again within 12 months", _share(again, len(families))),
    ]
    for domain, (mean, n) in sorted(outcomes["distance"].items()):
        shown = SUPPRESSED if n < THRESHOLD else f"{mean:+.1f}"
        impact.distance.append((domain, shown, _count(n)))
    ratings = outcomes["feedback"]
    impact.feedback_n = _count(len(ratings))
    for i, question in enumerate(
        ("Felt listened to", "Things got better", "Would ask for help again")
    ):
        if len(ratings) < THRESHOLD:
            impact.feedback.append((question, SUPPRESSED if ratings else "–"))
        else:
            impact.feedback.append(
                (question, f"{sum(r[i] for r in ratings) / len(ratings):.1f} of 5")
            )
    impact.judgements = list(
        ServiceJudgement.objects.filter(service=service).select_related("created_by")
    )
    return impact
