"""The seeder's families: realistic shapes, and search keys identical to the services' own."""

import pytest

from teamaround.core.seeding import SeedContext, seed_geography
from teamaround.people.models import (
    DateOfBirthKind,
    FamilyMembership,
    Person,
    PersonIdentifier,
    PersonSearchKey,
)
from teamaround.people.seeding import seed
from teamaround.people.services.search_keys import search_keys_refresh
from teamaround.people.validators import validate_nhs_number, validate_upn

pytestmark = pytest.mark.django_db


def test_seeded_county_has_every_household_shape_and_consistent_keys():
    context = SeedContext(seed=3, options={"children": 600})
    seed_geography(context)
    seed(context)
    truth = context.shared["people_truth"]
    assert len(truth.children) == 600
    assert Person.objects.filter(date_of_birth_kind=DateOfBirthKind.EXPECTED).exists()
    assert FamilyMembership.objects.filter(role="step_parent").exists()
    assert FamilyMembership.objects.filter(ended_on__isnull=False).exists()  # moved household
    assert {kind for *_, kind in truth.duplicates} >= {"nickname", "swapped", "typo_surname"}
    for identifier in PersonIdentifier.objects.all()[:200]:
        check = validate_nhs_number if identifier.scheme == "nhs_number" else validate_upn
        assert check(identifier.value) == identifier.value
    for person in Person.objects.order_by("?")[:50]:
        seeded = sorted(
            PersonSearchKey.objects.filter(person=person).values_list(
                "forename", "surname", "forename_key", "surname_key", "date_of_birth", "postcode"
            )
        )
        search_keys_refresh(person)
        rebuilt = sorted(
            PersonSearchKey.objects.filter(person=person).values_list(
                "forename", "surname", "forename_key", "surname_key", "date_of_birth", "postcode"
            )
        )
        assert seeded == rebuilt
