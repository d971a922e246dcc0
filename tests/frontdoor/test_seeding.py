"""The Hub's seeder makes a believable, repeatable front door on a small county."""

import io

import pytest

from teamaround.accounts.seeding import seed_agencies, seed_users
from teamaround.core.seeding import SeedContext, seed_geography, seed_reference_data
from teamaround.frontdoor.models import (
    HandOver,
    MissingEpisode,
    RequestForSupport,
    RequestStatus,
    ReturnConversation,
)
from teamaround.frontdoor.seeding import seed
from teamaround.people.seeding import seed as seed_people

pytestmark = pytest.mark.django_db


def test_the_seeder_makes_requests_decisions_and_missing_episodes():
    context = SeedContext(seed=7, options={"children": 800}, out=io.StringIO())
    for step in (seed_reference_data, seed_geography, seed_agencies, seed_users, seed_people, seed):
        step(context)
    statuses = set(RequestForSupport.objects.values_list("status", flat=True))
    assert {RequestStatus.SUBMITTED, RequestStatus.DECIDED} <= statuses
    assert RequestForSupport.objects.filter(source="professional").count() >= 15
    assert (
        HandOver.objects.exists()
        and RequestForSupport.objects.filter(district__isnull=False).exists()
    )
    assert MissingEpisode.objects.count() == 10
    assert ReturnConversation.objects.exists()
    assert MissingEpisode.objects.filter(route="hub_screening").exists()
