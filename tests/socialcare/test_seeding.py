"""Social care's seeder makes a year's referrals at English rates, at every stage, through the
services, with cases for the demo social worker."""

import io

import pytest

from teamaround.accounts.seeding import seed_agencies, seed_users
from teamaround.core.seeding import SeedContext, seed_geography, seed_reference_data
from teamaround.people.seeding import seed as seed_people
from teamaround.socialcare.models import CaseEvent, SocialCareReferral, codes
from teamaround.socialcare.seeding import seed

pytestmark = pytest.mark.django_db


def test_the_seeder_makes_referrals_at_english_rates_and_every_stage():
    context = SeedContext(seed=5, options={"children": 600}, out=io.StringIO())
    for step in (seed_reference_data, seed_geography, seed_agencies, seed_users, seed_people, seed):
        step(context)
    referrals = SocialCareReferral.objects.all()
    assert referrals.count() == 600 * 540 // 10000
    statuses = set(referrals.values_list("status", flat=True))
    assert len(statuses) >= 4 and "closed" in statuses
    assert set(referrals.values_list("source", flat=True)) <= set(dict(codes.REFERRAL_SOURCES))
    assert referrals.filter(allocated_worker__username="demo.social.worker").count() >= 8
    assert CaseEvent.objects.filter(kind="decided").exists()
