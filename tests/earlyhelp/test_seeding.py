"""Early help's seeder makes episodes at every stage, deterministically, through the services."""

import io

import pytest

from teamaround.accounts.seeding import seed_agencies, seed_users
from teamaround.core.seeding import SeedContext, seed_geography, seed_reference_data
from teamaround.earlyhelp.models import Episode, EpisodeClosure, NeedScore
from teamaround.earlyhelp.seeding import seed
from teamaround.people.seeding import seed as seed_people

pytestmark = pytest.mark.django_db


def _run(seed_number=3):
    context = SeedContext(seed=seed_number, options={"children": 1000}, out=io.StringIO())
    for step in (seed_reference_data, seed_geography, seed_agencies, seed_users, seed_people, seed):
        step(context)


def test_the_seeder_makes_episodes_at_every_stage():
    _run()
    assert Episode.objects.count() == 40
    assert Episode.objects.filter(level__number=3).exists()
    assert Episode.objects.filter(level__number=2).exists()
    assert NeedScore.objects.exists()
    assert EpisodeClosure.objects.filter(feedback__isnull=False).exists()
    assert Episode.objects.filter(assessment__status="submitted").exists()
    demo = Episode.objects.filter(lead_professional__username="demo.family.worker")
    assert demo.count() == 8
    assert Episode.objects.filter(lead_professional__username="demo.practitioner").count() == 6
