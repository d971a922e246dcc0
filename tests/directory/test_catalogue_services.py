"""The use-cases behind the editors' pages: rules on input, opening times, places, audit."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.errors import ValidationFailed
from teamaround.core.models import AuditAction, AuditEvent, District, NeedDomain, WindscreenLevel
from teamaround.directory import services
from teamaround.directory.models import Service

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(make_user):
    return make_user(Role.ADMINISTRATOR)


def test_service_create_reports_every_problem_at_once(essex, make_organisation, admin):
    with pytest.raises(ValidationFailed) as caught:
        services.service_create(
            actor=admin,
            organisation=make_organisation(),
            name="Muddled",
            description="x",
            minimum_age=12,
            maximum_age=5,
            is_free=False,
            access_routes=[],
            review_date=timezone.localdate() - timedelta(days=1),
            levels=[],
            needs_met=[],
            districts=[],
        )
    assert set(caught.value.errors) == {
        "phone",  # the council's required fields: a contact route
        "maximum_age",
        "access_routes",
        "cost_amount",
        "review_date",
        "levels",
        "needs_met",
        "districts",
    }
    assert Service.objects.count() == 0


def test_service_create_is_audited_and_searchable(essex, make_organisation, admin):
    service = services.service_create(
        actor=admin,
        organisation=make_organisation(),
        name="Sleep Clinic",
        description="Help with sleep",
        email="sleep@clinic.example.org",
        minimum_age=0,
        maximum_age=4,
        access_routes=["self_referral"],
        review_date=timezone.localdate() + timedelta(days=30),
        levels=[WindscreenLevel.objects.get(number=1)],
        needs_met=[NeedDomain.objects.get(code="physical-health")],
        districts=[District.objects.get(code="harlow")],
        is_free=False,
        cost_amount=3,
        cost_description="per visit",
    )
    event = AuditEvent.objects.get(action=AuditAction.CREATE, object_id=str(service.pk))
    assert event.actor == admin
    assert "physical health" in service.search_text
    assert service.cost_options.get().amount == 3


def test_making_a_service_free_removes_its_charges(make_service, admin):
    service = make_service(is_free=False, cost_amount=5, cost_description="per session")
    services.service_update(actor=admin, service=service, is_free=True)
    assert service.cost_options.count() == 0


def test_opening_times_replace_the_old_ones_and_must_make_sense(make_service, admin):
    service = make_service()
    services.service_opening_times_set(
        actor=admin, service=service, sessions=[("MO", time(9), time(17))]
    )
    services.service_opening_times_set(
        actor=admin, service=service, sessions=[("TU", time(10), time(12))]
    )
    assert [str(row) for row in service.schedules.all()] == ["TU 10:00-12:00"]
    with pytest.raises(ValidationFailed):
        services.service_opening_times_set(
            actor=admin, service=service, sessions=[("WE", time(17), time(9))]
        )


def test_a_place_is_located_from_its_postcode(make_service, admin):
    service = make_service()
    location = services.location_create(
        actor=admin, organisation=service.organisation, name="Hall", postcode="cm20 1aa"
    )
    assert location.postcode == "CM20 1AA"
    assert location.latitude == pytest.approx(51.78, abs=0.05)


def test_editor_pages_work_without_javascript(make_service, admin, signed_in):
    service = make_service()
    client = signed_in(admin)
    response = client.post(
        f"/services/manage/{service.pk}/opening-times/",
        {"mo_opens": "09:00", "mo_closes": "17:00", "tu_opens": "09:00"},
    )
    assert b"Enter both times for Tuesday" in response.content
    response = client.post(
        f"/services/manage/{service.pk}/opening-times/", {"mo_opens": "09:00", "mo_closes": "17:00"}
    )
    assert response.status_code == 302 and service.schedules.count() == 1
    response = client.post(
        f"/services/manage/{service.pk}/locations/add/", {"name": "Library", "postcode": "CM2 0AA"}
    )
    assert response.status_code == 302 and service.service_at_locations.count() == 1
    assert client.get("/services/manage/add/").status_code == 200


def _good(**changes) -> dict:
    values = {
        "name": "Sleep Clinic",
        "description": "Help with sleep",
        "access_routes": ["self_referral"],
        "review_date": timezone.localdate() + timedelta(days=30),
        "levels": [WindscreenLevel.objects.get(number=1)],
        "needs_met": [NeedDomain.objects.get(code="physical-health")],
        "districts": [District.objects.get(code="harlow")],
        "url": "https://sleep.example.org",
        "maximum_age": 4,
    }
    return values | changes


def test_a_person_saving_a_service_must_give_the_councils_required_fields(
    essex, make_organisation, admin
):
    organisation = make_organisation()
    with pytest.raises(ValidationFailed) as caught:
        services.service_create(
            actor=admin,
            organisation=organisation,
            **_good(url="", email="", phone="  ", maximum_age=None),
        )
    assert set(caught.value.errors) == {"phone", "minimum_age"}
    assert "contact" in caught.value.errors["phone"][0]
    assert Service.objects.count() == 0
    # Any one contact route and either age will do.
    for route in ({"phone": "01245 111111"}, {"email": "a@b.org"}, {"url": "https://x.org"}):
        made = services.service_create(
            actor=admin,
            organisation=organisation,
            **_good(**({"url": "", "minimum_age": 3, "maximum_age": None} | route)),
        )
        assert made.pk


def test_an_edit_cannot_remove_a_required_field(make_service, admin):
    service = make_service(phone="01245 000000", minimum_age=5, maximum_age=11)
    with pytest.raises(ValidationFailed) as caught:
        services.service_update(
            actor=admin, service=service, phone="", minimum_age=None, maximum_age=None
        )
    assert set(caught.value.errors) == {"phone", "minimum_age"}
    service.refresh_from_db()
    assert (service.phone, service.minimum_age, service.maximum_age) == ("01245 000000", 5, 11)


def test_an_old_entry_missing_a_required_field_must_be_completed_when_next_edited(
    make_service, admin
):
    old = make_service("Old Entry", phone="", minimum_age=None)  # made before the rule
    with pytest.raises(ValidationFailed) as caught:
        services.service_update(actor=admin, service=old, name="Old Entry, renamed")
    assert set(caught.value.errors) == {"phone", "minimum_age"}
    services.service_update(
        actor=admin, service=old, name="Old Entry, renamed", email="old@example.org", maximum_age=18
    )
    old.refresh_from_db()
    assert old.name == "Old Entry, renamed"


def test_the_council_decides_which_fields_are_required(essex, make_organisation, admin, settings):
    settings.TEAMAROUND_DIRECTORY_REQUIRED_FIELDS = ("category", "review_date")
    made = services.service_create(
        actor=admin,
        organisation=make_organisation(),
        **_good(url="", maximum_age=None),
    )
    assert made.pk


def test_the_service_form_shows_the_required_field_errors(signed_in, admin, make_service):
    service = make_service(phone="01245 000000", minimum_age=5)
    from tests.directory.test_editor_permissions import _form_data

    data = _form_data(service, phone="", minimum_age="")
    data.pop("maximum_age", None)
    response = signed_in(admin).post(f"/services/manage/{service.pk}/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Give a way to contact the service" in page
    assert "Say who the service is for" in page
