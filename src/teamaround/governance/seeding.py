"""Governance's part of the synthetic county: the Data Protection Officer (a demo user) in the
council's early help service. Consents are recorded by the casework seeders through the same
services as the pages (an episode opens with the family's agreement)."""

from __future__ import annotations

from teamaround.accounts.models import AgencyKind, Team
from teamaround.accounts.roles import Role
from teamaround.accounts.seeding import DEMO_PASSWORD, demo_username
from teamaround.accounts.services import user_create
from teamaround.core.access import SYSTEM
from teamaround.core.seeding import SeedContext


def seed(context: SeedContext) -> None:
    with context.step("Information governance"):
        team = (
            Team.objects.filter(agency__kind=AgencyKind.COUNCIL_EARLY_HELP)
            .order_by("agency__name", "name")
            .first()
        )
        user_create(
            actor=SYSTEM,
            username=demo_username(Role.DATA_PROTECTION_OFFICER),
            first_name=context.faker.first_name(),
            last_name=context.faker.last_name(),
            email="demo.data_protection_officer@example.org",
            team=team,
            roles=[Role.DATA_PROTECTION_OFFICER],
            password=DEMO_PASSWORD,
            job_title="Data Protection Officer",
        )
