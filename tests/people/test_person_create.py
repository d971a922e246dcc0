"""Recording a person: every bad input gets a clear message and nothing is written, whether it
comes through the service, the page's form or the API."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.core.errors import ValidationFailed
from teamaround.people import services
from teamaround.people.models import Family, Person, PersonIdentifier, PersonSearchKey
from tests.people.conftest import VALID_NHS

pytestmark = pytest.mark.django_db

GOOD = {"forenames": "Maisie", "surname": "Okafor", "date_of_birth": "2016-02-03"}
TOMORROW = str(timezone.localdate() + timedelta(days=1))
BAD_INPUTS = [
    ({"nhs_number": "9434765918"}, "nhs_number", "not a valid NHS number"),
    ({"upn": "B881123423001"}, "upn", "not a valid Unique Pupil Number"),
    ({"date_of_birth": TOMORROW}, "date_of_birth", "must be today or in the past"),
    ({"postcode": "CM1 1QHX", "line_1": "1 Street"}, "postcode", "real UK postcode"),
]


def _nothing_written():
    assert Person.objects.count() == 0
    assert Family.objects.count() == 0
    assert PersonSearchKey.objects.count() == 0


def test_a_person_is_recorded_with_identifiers_address_and_search_keys(involved_worker):
    person = services.person_create(
        actor=involved_worker,
        forenames="Maisie",
        surname="Okafor",
        date_of_birth=timezone.localdate() - timedelta(days=3000),
        nhs_number="943 476 5919",
        address={"line_1": "2 Mill Lane", "postcode": "cm11qh"},
    )
    assert person.identifiers.get().value == VALID_NHS
    assert person.addresses.get().postcode == "CM1 1QH"
    assert PersonSearchKey.objects.filter(person=person, surname="OKAFOR").exists()
    family = person.memberships.get().family
    assert family.involvements.get().team == involved_worker.team


def test_an_unborn_child_needs_an_expected_date(involved_worker):
    with pytest.raises(ValidationFailed) as error:
        services.person_create(
            actor=involved_worker, forenames="Baby", surname="Okafor", date_of_birth_kind="expected"
        )
    assert "date_of_birth" in error.value.errors
    person = services.person_create(
        actor=involved_worker,
        forenames="Baby",
        surname="Okafor",
        date_of_birth_kind="expected",
        date_of_birth=timezone.localdate() + timedelta(days=60),
    )
    assert person.is_unborn


@pytest.mark.parametrize(("extra", "field", "message"), BAD_INPUTS)
def test_service_refuses_bad_input_and_writes_nothing(involved_worker, extra, field, message):
    values = {**GOOD, **extra}
    values["date_of_birth"] = date.fromisoformat(values["date_of_birth"])
    address = None
    if "postcode" in values:
        address = {"line_1": values.pop("line_1"), "postcode": values.pop("postcode")}
    with pytest.raises(ValidationFailed) as error:
        services.person_create(actor=involved_worker, address=address, **values)
    assert message in " ".join(error.value.errors[field])
    _nothing_written()


@pytest.mark.parametrize(("extra", "field", "message"), BAD_INPUTS)
def test_form_shows_the_error_and_writes_nothing(signed_in, involved_worker, extra, field, message):
    data = {
        **GOOD,
        "date_of_birth_kind": "known",
        "sex": "F",
        "ethnicity": "NOBT",
        "role": "child",
        **extra,
    }
    response = signed_in(involved_worker).post(reverse("people:person-create"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html and message in html.replace("&#x27;", "'")
    _nothing_written()


@pytest.mark.parametrize(("extra", "field", "message"), BAD_INPUTS)
def test_api_answers_400_with_field_errors_and_writes_nothing(
    api_as, involved_worker, extra, field, message
):
    data = {**GOOD, **extra}
    if "postcode" in data:
        data["address"] = {"line_1": data.pop("line_1"), "postcode": data.pop("postcode")}
    response = api_as(involved_worker).post("/api/v1/persons/", data, format="json")
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])
    _nothing_written()


def test_missing_names_are_reported_together(involved_worker):
    with pytest.raises(ValidationFailed) as error:
        services.person_create(actor=involved_worker, forenames=" ", surname="")
    assert set(error.value.errors) >= {"forenames", "surname"}


def test_identifiers_from_other_agencies_keep_their_source(record_family, involved_worker):
    family, child, _ = record_family(team=involved_worker.team)
    agency = involved_worker.team.agency
    identifier = services.person_identifier_add(
        actor=involved_worker,
        person=child,
        scheme="police",
        value="42/1234/26",
        source_agency=agency,
    )
    assert identifier.source_agency == agency
    assert PersonIdentifier.objects.filter(person=child).count() == 2


def test_an_address_derives_the_district_from_the_postcode(record_family, involved_worker):
    from teamaround.core.seeding import SeedContext, seed_geography

    seed_geography(SeedContext(seed=1))
    _, child, _ = record_family(team=involved_worker.team)
    address = services.person_address_add(
        actor=involved_worker, person=child, line_1="3 Lake Road", postcode="co2 7ab"
    )
    assert address.district.name == "Colchester"
    assert child.addresses.filter(moved_out__isnull=True).count() == 1
