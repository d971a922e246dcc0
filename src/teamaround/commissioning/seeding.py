"""Seeding for the commissioning pages: the Essex child population the rates are per 10,000
of, the priority areas, three financial years of spend by every agency (through the spend
use-case), and a judgement on a few services with the evidence they were made on. The
casework apps' seeders make the activity the needs analysis counts. A small county
(`teamaround seed --county small`) gets the population of the districts it has."""

from decimal import Decimal

from teamaround.accounts.models import Agency
from teamaround.commissioning import services
from teamaround.commissioning.models import Judgement, PriorityArea
from teamaround.commissioning.population import essex_population, load_population
from teamaround.commissioning.priorities import essex_priorities, load_priorities
from teamaround.commissioning.selectors.envelope import current_financial_year
from teamaround.core.access import SYSTEM
from teamaround.core.models import District, DistrictKind

REASONS = {
    Judgement.CONTINUE: "Families' scores improve and they say they would ask again.",
    Judgement.IMPROVE: "Uptake is good but too many families come back to the Hub within a year.",
    Judgement.RECOMMISSION: "Distance travelled is small for the cost; retender with clearer "
    "outcomes.",
}


def seed(context) -> None:
    with context.step("Child population by district"):
        data = essex_population()
        seeded = set(District.objects.values_list("code", flat=True))
        data["districts"] = [d for d in data.get("districts", []) if d.get("code") in seeded]
        load_population(data)
    with context.step("Resource Envelope priority areas"):
        load_priorities(essex_priorities(), model=PriorityArea)
    with context.step("Resource Envelope: three years of spend by every agency"):
        _spend(context)
    with context.step("Impact assessment: judgements on services"):
        _judgements(context)
    with context.step("Evidence base: interventions and the services delivering them"):
        _evidence(context)


def _spend(context) -> None:
    rng = context.random
    priorities = list(PriorityArea.objects.filter(is_active=True))
    county = list(District.objects.filter(kind=DistrictKind.DISTRICT))
    agencies = list(Agency.objects.prefetch_related("districts").order_by("name"))
    latest = current_financial_year()
    for done, agency in enumerate(agencies, start=1):
        districts = [d for d in agency.districts.all() if d.kind == DistrictKind.DISTRICT]
        districts = districts[:2] or rng.sample(county, k=min(2, len(county)))
        chosen = rng.sample(priorities, k=min(2, len(priorities)))
        for priority in chosen:
            for district in districts:
                base = rng.randint(5, 120) * 1000
                for year in (latest - 2, latest - 1, latest):
                    amount = Decimal(base * rng.uniform(0.85, 1.15)).quantize(Decimal("1"))
                    services.spend_record(
                        actor=SYSTEM,
                        agency=agency,
                        priority=priority,
                        district=district,
                        financial_year=year,
                        amount=amount,
                    )
        context.progress("agencies' spend", done, len(agencies))


def _judgements(context) -> None:
    from teamaround.accounts.models import User
    from teamaround.accounts.roles import Role
    from teamaround.commissioning.selectors.impact import impact_services

    commissioner = (
        User.objects.filter(role_assignments__role=Role.COMMISSIONER).order_by("username").first()
    )
    if commissioner is None:
        return
    busiest = list(impact_services(actor=commissioner).order_by("-referral_count")[:3])
    for service, (judgement, reason) in zip(busiest, REASONS.items(), strict=False):
        services.service_judgement_record(
            actor=commissioner, service=service, judgement=judgement, reason=reason
        )


# Synthetic interventions (not real programmes), with a rating each, for the evidence base.
INTERVENTIONS = [
    ("Group parenting course (example)", "3", "Ten weekly group sessions for parents."),
    ("Home visiting for new parents (example)", "4", "Visits from pregnancy to age two."),
    ("Youth mentoring (example)", "2", "A trained adult meets the young person weekly."),
    ("Family group conferences (example)", "nl2", "The wider family makes the plan."),
    ("Drop-in advice sessions (example)", "unrated", "Advice without an appointment."),
]


def _evidence(context) -> None:
    from teamaround.commissioning.evidence import eif_levels, load_levels
    from teamaround.commissioning.models import EvidenceLevel
    from teamaround.commissioning.selectors.impact import impact_services

    load_levels(eif_levels(), model=EvidenceLevel)
    available = list(impact_services(actor=SYSTEM).order_by("-referral_count")[:10])
    rng = context.random
    for name, code, description in INTERVENTIONS:
        services.intervention_save(
            actor=SYSTEM,
            name=name,
            description=description,
            evidence_level=EvidenceLevel.objects.get(code=code),
            services=rng.sample(available, k=min(2, len(available))),
        )
