"""The accounts app's part of the synthetic county: agencies of every kind spread across the
districts, their teams, and staff of every role (one demo user per role, printed at the end).

Names are made up (Faker en_GB and fixed patterns); nothing here describes a real person.
"""

from __future__ import annotations

import os
import re

from teamaround.accounts.models import AgencyKind, Team, User
from teamaround.accounts.roles import Role
from teamaround.accounts.services import agency_create, team_create, user_create
from teamaround.core.access import SYSTEM
from teamaround.core.models import District, DistrictKind, Quadrant
from teamaround.core.seeding import SeedContext

DEMO_PASSWORD = os.environ.get("TEAMAROUND_DEMO_PASSWORD", "Demo-Password-2026")

SCHOOL_KINDS = ["Primary School", "Infant School", "Junior School", "Primary Academy"]
SECONDARY_KINDS = ["Academy", "High School", "School"]


def seed_agencies(context: SeedContext) -> None:
    """County-wide services with quadrant or district teams, then local agencies per district."""
    with context.step("Agencies and teams"):
        quadrants = list(Quadrant.objects.prefetch_related("districts"))
        county = list(District.objects.filter(kind=DistrictKind.DISTRICT))
        teams = context.shared.setdefault("teams", {})
        _county_services(context, quadrants, county, teams)
        districts = list(District.objects.all())
        for done, district in enumerate(districts, start=1):
            _local_agencies(context, district)
            context.progress("districts", done, len(districts))


def _agency(name, kind, districts, **details):
    return agency_create(actor=SYSTEM, name=name, kind=kind, districts=districts, **details)


def _team(agency, name, districts):
    return team_create(actor=SYSTEM, agency=agency, name=name, districts=districts)


def _county_services(context, quadrants, county, teams) -> None:
    council = "Essex County Council"
    early_help = _agency(
        f"{council} Early Help",
        AgencyKind.COUNCIL_EARLY_HELP,
        county,
        postcode="CM1 1QH",
        phone="0345 603 7627",
    )
    teams["hub"] = _team(early_help, "Children and Families Hub", county)
    teams["commissioning"] = _team(early_help, "Commissioning and Partnerships", county)
    teams["intelligence"] = _team(early_help, "Performance and Business Intelligence", county)
    teams["support"] = _team(early_help, "TeamAround Service Support", county)
    social_care = _agency(
        f"{council} Children's Social Care",
        AgencyKind.CHILDRENS_SOCIAL_CARE,
        county,
        postcode="CM1 1QH",
    )
    teams["hub_social_work"] = _team(social_care, "Hub Social Work Team", county)
    wellbeing = _agency(
        "Essex Child and Family Wellbeing Service", AgencyKind.HEALTH_VISITING, county
    )
    ewmhs = _agency("Emotional Wellbeing and Mental Health Service", AgencyKind.CAMHS, county)
    yos = _agency("Essex Youth Offending Service", AgencyKind.YOUTH_JUSTICE, county)
    adults = _agency(f"{council} Adult Social Care", AgencyKind.ADULT_SERVICES, county)
    for quadrant in quadrants:
        local = list(quadrant.districts.all())
        for letter in "AB":
            team = _team(early_help, f"Family Solutions {quadrant.name} {letter}", local)
            teams.setdefault("family_solutions", []).append(team)
        _team(early_help, f"TAF Support Officers {quadrant.name}", local)
        teams.setdefault("social_care", []).append(
            _team(social_care, f"Children and Families Team {quadrant.name}", local)
        )
        _team(ewmhs, f"EWMHS {quadrant.name}", local)
        _team(yos, f"Youth Offending Team {quadrant.name}", local)
        _team(adults, f"Adult Social Care {quadrant.name}", local)
        police = _agency(f"Essex Police {quadrant.name} Division", AgencyKind.POLICE, local)
        _team(police, "Public Protection Unit", local)
        _team(police, "Missing Persons Team", local)
        for district in local:
            _team(wellbeing, f"Health Visiting and School Nursing {district.name}", [district])


def _local_agencies(context: SeedContext, district: District) -> None:
    """Schools, GP practices, early years settings, housing and voluntary organisations."""
    if district.kind == DistrictKind.NEIGHBOURING_UNITARY:
        agency = _agency(
            f"{district.name} Children's Services", AgencyKind.CHILDRENS_SOCIAL_CARE, [district]
        )
        _team(agency, "Front Door", [district])
        return
    fake, rng = context.faker, context.random
    postcode = _postcode_in(context, district)
    used: set[str] = context.shared.setdefault("agency_names", set())
    for _ in range(rng.randint(3, 5)):
        name = _unique(used, lambda: f"{fake.last_name()} {rng.choice(SCHOOL_KINDS)}")
        _with_team(
            name,
            AgencyKind.SCHOOL,
            district,
            "Safeguarding Team",
            postcode(),
            reference=str(rng.randint(100000, 149999)),
        )
    name = _unique(used, lambda: f"{district.name} {rng.choice(SECONDARY_KINDS)}")
    _with_team(
        name,
        AgencyKind.SCHOOL,
        district,
        "Safeguarding Team",
        postcode(),
        reference=str(rng.randint(100000, 149999)),
    )
    for _ in range(2):
        name = _unique(used, lambda: f"{fake.street_name()} Surgery")
        _with_team(
            name,
            AgencyKind.GP_PRACTICE,
            district,
            "Practice Team",
            postcode(),
            reference=f"F{rng.randint(81000, 81999)}",
        )
    for _ in range(2):
        name = _unique(
            used, lambda: f"{fake.last_name()} {rng.choice(['Day Nursery', 'Pre-School'])}"
        )
        _with_team(name, AgencyKind.EARLY_YEARS, district, "Setting Staff", postcode())
    _with_team(
        f"{district.name} Council Housing Service",
        AgencyKind.HOUSING,
        district,
        "Housing Options",
        postcode(),
    )
    for pattern in ("{d} Family Support Trust", "{d} Young Carers", "{d} Community Youth Project"):
        _with_team(
            pattern.format(d=district.name),
            AgencyKind.VOLUNTARY,
            district,
            "Family Support",
            postcode(),
        )


def _with_team(name, kind, district, team_name, postcode, **details):
    agency = _agency(name, kind, [district], postcode=postcode, **details)
    return _team(agency, team_name, [district])


def _unique(used: set[str], make) -> str:
    for _ in range(50):
        name = make()
        if name not in used:
            used.add(name)
            return name
    raise RuntimeError("Could not make a unique synthetic name.")


def _postcode_in(context: SeedContext, district: District):
    outward = list(district.outward_codes.values_list("outward_code", flat=True)) or ["CM1"]
    rng = context.random

    def make() -> str:
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        return (
            f"{rng.choice(outward)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
        )

    return make


DEMO_USERS = [
    (Role.PRACTITIONER, "school", "Designated Safeguarding Lead"),
    (Role.HUB_SCREENER, "hub", "Hub Screener"),
    (Role.HUB_SOCIAL_WORKER, "hub_social_work", "Hub Social Worker"),
    (Role.FAMILY_WORKER, "family_solutions", "Family Solutions Worker"),
    (Role.SOCIAL_WORKER, "social_care", "Social Worker"),
    (Role.TEAM_MANAGER, "family_solutions", "Team Manager"),
    (Role.PANEL_CHAIR, "hub", "MAAG Chair"),
    (Role.COMMISSIONER, "commissioning", "Commissioning Manager"),
    (Role.DATA_ANALYST, "intelligence", "Data Analyst"),
    (Role.ADMINISTRATOR, "support", "Systems Administrator"),
    (Role.INFORMATION_GOVERNANCE, "support", "Information Governance Lead"),
]


def seed_users(context: SeedContext) -> None:
    """One demo user per role with a known password, then synthetic staff in every team."""
    with context.step("Staff of every role"):
        teams = context.shared["teams"]
        school = Team.objects.filter(agency__kind=AgencyKind.SCHOOL).order_by("agency__name")[0]
        for role, team_key, title in DEMO_USERS:
            team = school if team_key == "school" else _first(teams[team_key])
            first, last = context.faker.first_name(), context.faker.last_name()
            user_create(
                actor=SYSTEM,
                username=demo_username(role),
                first_name=first,
                last_name=last,
                email=f"demo.{role.value}@example.org",
                team=team,
                roles=[role],
                password=DEMO_PASSWORD,
                job_title=title,
            )
        _synthetic_staff(context)


def demo_username(role: Role) -> str:
    return f"demo.{role.value.replace('_', '.')}"


def demo_sign_in_lines() -> list[str]:
    """What `teamaround seed` prints at the end, whether it seeded now or earlier."""
    lines = [
        "",
        "Sign in at http://127.0.0.1:8000/ with any of these demo users,",
        f"all with the password {DEMO_PASSWORD}:",
    ]
    demo_users = User.objects.filter(username__startswith="demo.").select_related("team__agency")
    by_username = {user.username: user for user in demo_users}
    listed = [demo_username(role) for role, _, _ in DEMO_USERS]
    # Other apps' seeders may add demo users of their own (the Hub's manager, say).
    listed += sorted(set(by_username) - set(listed))
    for username in listed:
        user = by_username.get(username)
        if user is not None:
            roles = ", ".join(user.role_labels()) or "No role"
            lines.append(f"  {user.username:<24} {roles:<18} {user.team}")
    return lines


def _first(team_or_list):
    return team_or_list[0] if isinstance(team_or_list, list) else team_or_list


def _username(context: SeedContext, first: str, last: str) -> str:
    plain = re.sub(r"[^a-z.]", "", f"{first}.{last}".lower())
    return f"{plain}.{context.random.randint(1, 999)}"


def _synthetic_staff(context: SeedContext) -> None:
    role_for_kind = {
        AgencyKind.COUNCIL_EARLY_HELP: Role.FAMILY_WORKER,
        AgencyKind.CHILDRENS_SOCIAL_CARE: Role.SOCIAL_WORKER,
    }
    teams = list(Team.objects.select_related("agency").order_by("agency__name", "name"))
    used: set[str] = set()
    for done, team in enumerate(teams, start=1):
        role = role_for_kind.get(team.agency.kind, Role.PRACTITIONER)
        if team.name == "Children and Families Hub":
            role = Role.HUB_SCREENER
        for _ in range(context.random.randint(1, 3)):
            first, last = context.faker.first_name(), context.faker.last_name()
            username = _unique(used, lambda f=first, la=last: _username(context, f, la))
            user_create(
                actor=SYSTEM,
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@example.org",
                team=team,
                roles=[role],
            )
        context.progress("teams staffed", done, len(teams))
