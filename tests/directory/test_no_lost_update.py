"""No lost update in the Directory: services and organisations. The second editor of the same
version sees both versions on the page (409 in the API) and nothing is overwritten; two saves
racing on PostgreSQL: one wins, the other gets the conflict."""

import pytest

from teamaround.accounts.roles import Role
from teamaround.core.errors import StaleVersion
from teamaround.directory import services
from teamaround.directory.forms import ServiceForm
from teamaround.directory.models import Organisation, Service
from tests.concurrency import one_wins, race

pytestmark = pytest.mark.django_db


@pytest.fixture
def admins(make_user):
    return make_user(Role.ADMINISTRATOR), make_user(Role.ADMINISTRATOR, username="admin2")


def _service_post(service, version, **changes) -> dict:
    initial = ServiceForm.initial_for(service)
    data = {k: v for k, v in initial.items() if v is not None}
    for name in ("levels", "needs_met", "districts"):
        data[name] = [row.pk for row in initial[name]]
    data["review_date"] = initial["review_date"].isoformat()
    return data | {"version": version} | changes


def test_a_stale_service_version_is_refused(make_service, admins):
    first, second = admins
    service = make_service("Worry Busters")
    read = service.version
    services.service_update(actor=first, service=service, version=read, capacity=12)
    with pytest.raises(StaleVersion) as conflict:
        services.service_update(
            actor=second, service=Service.objects.get(pk=service.pk), version=read, capacity=30
        )
    assert conflict.value.current.capacity == 12 and conflict.value.submitted["capacity"] == 30
    saved = Service.objects.get(pk=service.pk)
    assert saved.capacity == 12 and saved.version == read + 1


def test_a_stale_organisation_version_is_refused(make_organisation, admins):
    first, second = admins
    organisation = make_organisation("Harbour Trust")
    read = organisation.version
    services.organisation_update(
        actor=first, organisation=organisation, version=read, description="First"
    )
    with pytest.raises(StaleVersion):
        services.organisation_update(
            actor=second,
            organisation=Organisation.objects.get(pk=organisation.pk),
            version=read,
            description="Second",
        )
    assert Organisation.objects.get(pk=organisation.pk).description == "First"


def test_the_second_service_editor_sees_both_descriptions(make_service, admins, client, signed_in):
    first, second = admins
    service = make_service("Worry Busters")
    read = service.version
    url = f"/services/manage/{service.pk}/"
    assert f'name="version" value="{read}"' in signed_in(first).get(url).text
    saved = client.post(url, _service_post(service, read, description="Saved by the first"))
    assert saved.status_code == 302
    client.logout()
    response = signed_in(second).post(
        url, _service_post(service, read, description="Written by the second")
    )
    assert response.status_code == 200
    assert "Someone else saved this service" in response.text
    assert 'conflict-saved">Saved by the first' in response.text
    assert 'conflict-yours">Written by the second' in response.text
    assert Service.objects.get(pk=service.pk).description == "Saved by the first"


def test_the_second_organisation_editor_sees_both_and_may_save_on_purpose(
    make_organisation, admins, client, signed_in
):
    first, second = admins
    organisation = make_organisation("Harbour Trust")
    url = f"/services/manage/organisations/{organisation.pk}/change/"
    post = {"name": "Harbour Trust", "version": organisation.version}
    assert "Harbour Trust" in signed_in(first).get(url).text
    assert client.post(url, post | {"description": "First words"}).status_code == 302
    client.logout()
    response = signed_in(second).post(url, post | {"description": "Second words"})
    assert 'conflict-saved">First words' in response.text
    assert 'conflict-yours">Second words' in response.text
    assert Organisation.objects.get(pk=organisation.pk).description == "First words"
    again = post | {"description": "Second words", "version": organisation.version + 1}
    assert client.post(url, again).status_code == 302
    assert Organisation.objects.get(pk=organisation.pk).description == "Second words"


def test_only_an_editor_of_the_organisation_may_open_its_change_page(
    make_organisation, make_user, signed_in
):
    organisation = make_organisation("Harbour Trust")
    stranger = make_user(Role.PRACTITIONER)
    url = f"/services/manage/organisations/{organisation.pk}/change/"
    response = signed_in(stranger).post(
        url, {"name": "Taken", "description": "x", "version": organisation.version}
    )
    assert response.status_code == 403
    assert Organisation.objects.get(pk=organisation.pk).name == "Harbour Trust"


def test_the_api_answers_409_for_a_stale_service_version(make_service, admins, api_as):
    first, second = admins
    service = make_service("Worry Busters")
    url = f"/api/v1/directory-services/{service.pk}/"
    read = api_as(first).get(url).json()["version"]
    assert (
        api_as(first).patch(url, {"capacity": 5, "version": read}, format="json").status_code == 200
    )
    stale = api_as(second).patch(url, {"capacity": 9, "version": read}, format="json")
    assert stale.status_code == 409 and stale.json()["current_version"] == read + 1
    without = api_as(second).patch(url, {"capacity": 9}, format="json")
    assert without.status_code == 400 and "version" in without.json()
    assert Service.objects.get(pk=service.pk).capacity == 5


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_service_saves_at_once_one_wins(make_service, admins):
    first, second = admins
    service = make_service("Worry Busters")
    read = service.version

    def save(actor, capacity):
        return lambda: services.service_update(
            actor=actor,
            service=Service.objects.get(pk=service.pk),
            version=read,
            capacity=capacity,
        )

    winner, _ = one_wins(race(save(first, 5), save(second, 9)))
    saved = Service.objects.get(pk=service.pk)
    assert saved.capacity == winner.value.capacity and saved.version == read + 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_organisation_saves_at_once_one_wins(make_organisation, admins):
    first, second = admins
    organisation = make_organisation("Harbour Trust")
    read = organisation.version

    def save(actor, words):
        return lambda: services.organisation_update(
            actor=actor,
            organisation=Organisation.objects.get(pk=organisation.pk),
            version=read,
            description=words,
        )

    winner, _ = one_wins(race(save(first, "First"), save(second, "Second")))
    saved = Organisation.objects.get(pk=organisation.pk)
    assert saved.description == winner.value.description and saved.version == read + 1
