"""The seeded directory holds the services the Essex Early Help Offer names, at every level,
in every district."""

from __future__ import annotations

import io

import pytest

from teamaround.accounts.seeding import seed_agencies, seed_users
from teamaround.core.models import District, DistrictKind
from teamaround.core.seeding import SeedContext, seed_geography, seed_reference_data
from teamaround.directory.models import DirectoryEditor, Service
from teamaround.directory.seeding import seed

pytestmark = pytest.mark.django_db

NAMED = [
    "Essex Child and Family Wellbeing Service",
    "Health Visiting",
    "School Nursing",
    "Emotional Wellbeing and Mental Health Service",
    "Child and Adolescent Mental Health",
    "Family Solutions",
    "Essex Victims Gateway",
    "Housing Support",
    "SEN Local Offer",
    "Youth Offending Service",
    "Youth Work",
    "Pastoral Support",
    "Family Support",
    "Young Carers",
    "Nursery",
    "Surgery",
]


def test_the_seeded_directory_covers_the_offer():
    context = SeedContext(seed=7, out=io.StringIO())
    for step in (seed_reference_data, seed_geography, seed_agencies, seed_users, seed):
        step(context)
    names = list(Service.objects.values_list("name", flat=True))
    for named in NAMED:
        assert any(named.lower() in name.lower() for name in names), named
    levels = set(Service.objects.values_list("levels__number", flat=True))
    assert levels == {1, 2, 3, 4}
    for district in District.objects.filter(kind=DistrictKind.DISTRICT):
        assert Service.objects.filter(districts=district).count() > 10, district
    assert Service.objects.filter(organisation__agency__isnull=False).exists()
    assert DirectoryEditor.objects.filter(user__username="demo.practitioner").exists()
