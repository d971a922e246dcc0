"""The panels seeder: every Essex panel, members from seeded staff, MAAG meetings with
decisions and packages, demo.panel.chair chairing a MAAG; the same seed gives the same county."""

import pytest

from teamaround.accounts.seeding import seed_agencies, seed_users
from teamaround.core.seeding import SeedContext, seed_geography
from teamaround.panels.models import PackageOfSupport, Panel, PanelDecision, PanelMembership
from teamaround.panels.seeding import seed
from teamaround.people.seeding import seed as seed_people

pytestmark = pytest.mark.django_db


def test_seeded_panels():
    context = SeedContext(seed=5, options={"children": 150})
    for step in (seed_geography, seed_agencies, seed_users, seed_people, seed):
        step(context)
    counts = {
        code: Panel.objects.filter(panel_type__code=code).count()
        for code in ("maag", "earp", "jap", "marac", "mace1", "mace2", "missing")
    }
    assert counts == {
        "maag": 12,
        "earp": 1,
        "jap": 1,
        "marac": 1,
        "mace1": 1,
        "mace2": 4,
        "missing": 1,
    }
    assert (
        PanelMembership.objects.filter(
            user__username="demo.panel.chair", role="chair", panel__panel_type__code="maag"
        ).count()
        == 1
    )
    assert PanelDecision.objects.count() == 36
    assert PanelMembership.objects.filter(panel__panel_type__code="marac").exists()
    assert (
        PackageOfSupport.objects.count()
        + PanelDecision.objects.filter(kind="no_further_action").count()
        == 36
    )
