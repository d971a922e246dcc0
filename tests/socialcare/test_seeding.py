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
    # The looked-after children the seeder adds (tested below) come with referrals of their own.
    referrals = SocialCareReferral.objects.filter(care_periods__isnull=True)
    assert referrals.count() == 600 * 540 // 10000
    statuses = set(referrals.values_list("status", flat=True))
    assert len(statuses) >= 4 and "closed" in statuses
    assert set(referrals.values_list("source", flat=True)) <= set(dict(codes.REFERRAL_SOURCES))
    assert referrals.filter(allocated_worker__username="demo.social.worker").count() >= 8
    assert CaseEvent.objects.filter(kind="decided").exists()


def test_the_seeder_makes_children_looked_after_at_english_rates_some_overdue():
    from datetime import date

    from teamaround.socialcare.models import CarePeriod, CareReview, Placement, StatutoryVisit

    context = SeedContext(seed=7, options={"children": 1500}, out=io.StringIO())
    for step in (seed_reference_data, seed_geography, seed_agencies, seed_users, seed_people, seed):
        step(context)
    periods = CarePeriod.objects.filter(ended_on__isnull=True)
    assert periods.count() == 1500 * 70 // 10000
    assert set(periods.values_list("referral__status", flat=True)) == {"looked_after"}
    assert periods.filter(referral__allocated_worker__username="demo.social.worker").count() == 2
    assert Placement.objects.filter(reason_new_episode="S").count() == periods.count()
    assert CareReview.objects.filter(held_on__isnull=False).exists()
    assert StatutoryVisit.objects.filter(kind="looked_after").exists()
    today = date.today()
    overdue = Placement.objects.filter(ended_on__isnull=True, next_visit_due__lt=today).count()
    overdue += CareReview.objects.filter(held_on__isnull=True, due_on__lt=today).count()
    assert overdue >= 1
