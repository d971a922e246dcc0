"""`teamaround seed`: a believable county, the same for the same seed, and safe to re-run.

The command runs here on a small county (`--county small`: one district per quadrant, every
seeder as for Essex) so that these tests take seconds, not minutes; the refusals are tested
with no seeding at all. The whole of Essex is the same code over more districts: its geography
is checked on its own."""

import io
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from teamaround.accounts.models import Agency, AgencyKind, User
from teamaround.accounts.roles import Role
from teamaround.core.models import District, DistrictKind, NeedDomain, SeedRun, WindscreenLevel
from teamaround.core.seeding import SeedContext, seed_geography
from teamaround.earlyhelp.models import Episode

pytestmark = pytest.mark.django_db


def seed(*args) -> str:
    out = StringIO()
    call_command("seed", "--children", "50", "--county", "small", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return (
        sorted(Agency.objects.values_list("name", flat=True)),
        sorted(User.objects.values_list("username", flat=True)),
        sorted(Episode.objects.values_list("family__name", "status", "level__number")),
    )


def test_the_whole_county_is_the_default_geography():
    seed_geography(SeedContext(seed=1, out=io.StringIO()))
    assert District.objects.filter(kind=DistrictKind.DISTRICT).count() == 12
    assert District.objects.count() == 14


def test_an_unknown_county_is_refused():
    with pytest.raises(CommandError):
        call_command("seed", "--county", "kent", stdout=StringIO())
    with pytest.raises(ValueError, match="Unknown county"):
        seed_geography(SeedContext(seed=1, options={"county": "kent"}, out=io.StringIO()))
    assert not District.objects.exists()


def test_seed_builds_a_county_with_every_kind_of_agency_every_role_and_demo_caseloads():
    output = seed("--seed", "7")
    assert District.objects.count() == 5  # one district per quadrant and a neighbour
    assert set(Agency.objects.values_list("kind", flat=True)) == set(AgencyKind.values)
    police = Agency.objects.filter(kind=AgencyKind.POLICE)
    assert police.count() == 4  # a division per quadrant
    schools = Agency.objects.filter(kind=AgencyKind.SCHOOL)
    assert {d.code for s in schools for d in s.districts.all()} >= set(
        District.objects.filter(kind="district").values_list("code", flat=True)
    )
    for role in Role:
        demo = User.objects.get(username=f"demo.{role.value.replace('_', '.')}")
        assert demo.has_role(role) and demo.team is not None
        assert demo.username in output
    assert "Demo-Password-2026" in output
    assert "of" in output and "%" in output  # progress is shown
    assert WindscreenLevel.objects.count() == 4 and NeedDomain.objects.count() == 12
    # The demo family worker has a caseload to sign in to.
    assert Episode.objects.filter(lead_professional__username="demo.family.worker").exists()
    assert SeedRun.objects.get().options == {"children": 50, "county": "small"}


@pytest.mark.django_db(transaction=True)
def test_seed_is_deterministic_for_a_given_seed():
    seed("--seed", "11")
    first = snapshot()
    seed("--seed", "11", "--reset")
    assert snapshot() == first
    seed("--seed", "12", "--reset")
    assert snapshot() != first


def test_a_seeded_database_is_left_alone_unless_reset():
    seed("--seed", "3")
    before = snapshot()
    output = seed("--seed", "4")
    assert "already seeded" in output and "Nothing changed" in output
    assert "demo.administrator" in output  # the sign-in details are printed again
    assert snapshot() == before


def test_a_database_marked_seeded_is_left_alone_without_seeding_anything():
    from django.utils import timezone

    SeedRun.objects.create(seed=9, options={}, finished_at=timezone.now())
    output = seed("--seed", "4")
    assert "already seeded (seed 9" in output and "Nothing changed" in output
    assert not Agency.objects.exists() and not District.objects.exists()


def test_reset_is_refused_in_production_without_the_explicit_flag(settings):
    settings.TEAMAROUND_DEMO_SITE = False
    with pytest.raises(CommandError, match="Refusing"):
        seed("--reset")
    assert not SeedRun.objects.exists() and not District.objects.exists()
