"""Building the people of a synthetic county: households until there are enough children,
near-duplicate records of some children as other agencies would have made them, and teams
involved with some families. Returns what the search-quality test and the benchmark need to
know the right answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from teamaround.accounts.models import AgencyKind, Team
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction, District
from teamaround.people.seeding.households import HouseholdPlanner, PlannedPerson
from teamaround.people.seeding.names import name_pools, street_pool
from teamaround.people.seeding.variants import DUPLICATE_KINDS, Details, vary
from teamaround.people.seeding.writer import CountyWriter

FALLBACK_OUTWARD = ["CM1", "CM2", "CO1", "CO2", "SS1", "SS7", "RM16", "CB10", "IG10", "EN9"]
DUPLICATE_SHARE = 0.05
INVOLVED_SHARE = 0.35


@dataclass
class CountyTruth:
    """children: (person id, details as recorded). duplicates: (duplicate id, original id,
    how it differs). Together they say which record is the right answer to a query."""

    children: list[tuple] = field(default_factory=list)
    duplicates: list[tuple] = field(default_factory=list)
    families: int = 0

    def same_child(self) -> dict:
        """Each record id -> the id of the original record of that child."""
        return {duplicate: original for duplicate, original, _ in self.duplicates}


def _postcodes(context):
    districts = {}
    for district in District.objects.prefetch_related("outward_codes"):
        for code in district.outward_codes.all():
            districts[code.outward_code] = district
    outward = sorted(districts) or FALLBACK_OUTWARD
    rng, letters = context.random, "ABDEFGHJLNPQRSTUWXYZ"

    def make() -> str:
        return (
            f"{rng.choice(outward)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
        )

    return districts, make


def _teams(context) -> tuple[list, list]:
    """Teams that work with families, with the demo users' teams first so they see records."""
    shared = context.shared.get("teams", {})
    demo = [t for key in ("family_solutions", "social_care") for t in shared.get(key, [])[:1]]
    schools = Team.objects.filter(agency__kind=AgencyKind.SCHOOL).order_by("agency__name")
    demo += list(schools[:1])
    kinds = [
        AgencyKind.SCHOOL,
        AgencyKind.HEALTH_VISITING,
        AgencyKind.COUNCIL_EARLY_HELP,
        AgencyKind.EARLY_YEARS,
        AgencyKind.VOLUNTARY,
        AgencyKind.HOUSING,
    ]
    others = list(
        Team.objects.filter(agency__kind__in=kinds, archived_at__isnull=True)
        .exclude(name="Children and Families Hub")
        .select_related("agency")
    )
    return demo, others


def build_county(context, children: int) -> CountyTruth:
    rng, today = context.random, timezone.localdate()
    districts, postcodes = _postcodes(context)
    demo_teams, teams = _teams(context)
    planner = HouseholdPlanner(rng, name_pools(), postcodes, street_pool(context.faker), today)
    writer = CountyWriter(context, districts=districts)
    truth, made = CountyTruth(), 0
    while made < children:
        size = rng.choices([1, 2, 3, 4], [35, 38, 19, 8])[0]
        household = planner.plan(min(size, children - made))
        team = None
        if truth.families < 30 * len(demo_teams):
            team = demo_teams[truth.families % len(demo_teams)]
        elif teams and rng.random() < INVOLVED_SHARE:
            team = rng.choice(teams)
        writer.household(household, team=team)
        truth.families += 1 + (household.moved_from is not None)
        for member in household.members:
            person = member.person
            if person.is_child and not person.unborn and member.ended_on is None:
                made += 1
                truth.children.append((writer.person_id(person), _details(person, household)))
                if rng.random() < DUPLICATE_SHARE:
                    _duplicate(writer, truth, person, household, planner, teams)
        context.progress("children", made, children)
    writer.flush()
    audit_record(
        action=AuditAction.CREATE,
        actor=None,
        object_type="people.person",
        summary=f"Seeded {made} children in {truth.families} families",
    )
    return truth


def _details(person: PlannedPerson, household) -> Details:
    return Details(person.forenames, person.surname, person.date_of_birth, household.postcode)


def _duplicate(writer, truth, person, household, planner, teams) -> None:
    """Another agency's record of the same child: a single-child household of its own, with
    the name or date of birth as that agency took it down."""
    rng = writer.rng
    kind = rng.choice(DUPLICATE_KINDS)
    stepfamily = [
        m.person.surname
        for m in household.members
        if m.role == "step_parent" and m.person.surname != person.surname
    ]
    new_surname = stepfamily[0] if stepfamily else planner.pools.surname(rng)
    varied = vary(rng, _details(person, household), kind, new_surname)
    planner.next_key += 1
    copy = PlannedPerson(
        planner.next_key,
        varied.forenames,
        varied.surname,
        person.sex,
        varied.date_of_birth,
        is_child=True,
    )
    record = HouseholdPlanner.single_child(copy, household)
    writer.household(record, team=rng.choice(teams) if teams else None)
    truth.families += 1
    truth.duplicates.append((writer.person_id(copy), writer.person_id(person), kind))
