"""`teamaround seed`: a believable county, the same for the same seed, and safe to re-run."""

from io import StringIO

import pytest
from django.core.management import call_command

from teamaround.accounts.models import Agency, AgencyKind, User
from teamaround.accounts.roles import Role
from teamaround.core.models import District, NeedDomain, WindscreenLevel

pytestmark = pytest.mark.django_db(transaction=True)


def seed(*args) -> str:
    out = StringIO()
    call_command("seed", "--children", "50", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return sorted(Agency.objects.values_list("name", flat=True)), sorted(
        User.objects.values_list("username", flat=True)
    )


def test_seed_builds_a_county_with_every_kind_of_agency_and_every_role():
    output = seed("--seed", "7")
    assert District.objects.count() == 14
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


def test_reset_is_refused_in_production_without_the_explicit_flag(settings):
    from django.core.management.base import CommandError

    seed("--seed", "5")
    settings.TEAMAROUND_DEMO_SITE = False
    with pytest.raises(CommandError, match="Refusing"):
        seed("--reset")
