"""No lost update for agencies and teams: the second administrator editing the same version
sees both versions and nothing is overwritten, on the page, in the API and (PostgreSQL) when
the two saves race."""

import pytest
from django.urls import reverse

from teamaround.accounts import services
from teamaround.accounts.models import Agency, AgencyKind, Team
from teamaround.accounts.roles import Role
from teamaround.core.errors import StaleVersion
from tests.concurrency import one_wins, race
from tests.factories import AgencyFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_administrator(make_user):
    return make_user(Role.ADMINISTRATOR, username="admin2")


def _agency_post(agency, version, **overrides):
    return {
        "name": agency.name,
        "kind": agency.kind,
        "reference": agency.reference,
        "phone": agency.phone,
        "version": version,
    } | overrides


def test_a_stale_agency_version_is_refused_and_nothing_is_overwritten(
    administrator, second_administrator
):
    agency = AgencyFactory(name="Harbour Surgery")
    read = agency.version
    services.agency_update(actor=administrator, agency=agency, version=read, phone="01234 111111")
    stale = Agency.objects.get(pk=agency.pk)
    with pytest.raises(StaleVersion) as conflict:
        services.agency_update(
            actor=second_administrator, agency=stale, version=read, phone="01234 222222"
        )
    assert conflict.value.current.phone == "01234 111111"
    assert conflict.value.submitted == {"phone": "01234 222222"}
    agency.refresh_from_db()
    assert agency.phone == "01234 111111" and agency.version == read + 1


def test_a_stale_team_version_is_refused(administrator, second_administrator):
    team = TeamFactory(name="Pastoral")
    read = team.version
    services.team_update(actor=administrator, team=team, version=read, name="Pastoral Care")
    with pytest.raises(StaleVersion):
        services.team_update(
            actor=second_administrator,
            team=Team.objects.get(pk=team.pk),
            version=read,
            name="Welfare",
        )
    assert Team.objects.get(pk=team.pk).name == "Pastoral Care"


def test_the_second_administrator_sees_both_agency_versions(
    administrator, second_administrator, client, signed_in
):
    agency = AgencyFactory(name="Harbour Surgery", kind=AgencyKind.GP_PRACTICE)
    read = agency.version
    url = reverse("accounts:agency-edit", args=[agency.pk])
    page = signed_in(administrator).get(url).content.decode()
    assert f'name="version" value="{read}"' in page
    first = client.post(url, _agency_post(agency, read, name="Harbour Medical Centre"))
    assert first.status_code == 302
    client.logout()
    second = signed_in(second_administrator).post(
        url, _agency_post(agency, read, name="Harbour Health Centre")
    )
    assert second.status_code == 200
    page = second.content.decode()
    assert "Someone else saved this agency" in page
    assert 'conflict-saved">Harbour Medical Centre' in page
    assert 'conflict-yours">Harbour Health Centre' in page
    assert 'value="Harbour Health Centre"' in page  # still in the form, not thrown away
    assert Agency.objects.get(pk=agency.pk).name == "Harbour Medical Centre"
    again = client.post(url, _agency_post(agency, read + 1, name="Harbour Health Centre"))
    assert again.status_code == 302  # saved on purpose, having seen the other version
    assert Agency.objects.get(pk=agency.pk).name == "Harbour Health Centre"


def test_the_second_administrator_sees_both_team_versions(
    administrator, second_administrator, client, signed_in
):
    team = TeamFactory(name="Pastoral")
    url = reverse("accounts:team-edit", args=[team.pk])
    signed_in(administrator).post(url, {"name": "Pastoral Care", "version": team.version})
    client.logout()
    second = signed_in(second_administrator).post(url, {"name": "Welfare", "version": team.version})
    page = second.content.decode()
    assert "Someone else saved this team" in page
    assert 'conflict-saved">Pastoral Care' in page and 'conflict-yours">Welfare' in page
    assert Team.objects.get(pk=team.pk).name == "Pastoral Care"


def test_a_page_without_the_version_changes_nothing(administrator, signed_in):
    team = TeamFactory(name="Pastoral")
    url = reverse("accounts:team-edit", args=[team.pk])
    response = signed_in(administrator).post(url, {"name": "Welfare"})
    assert response.status_code == 200 and "This page is out of date" in response.text
    assert Team.objects.get(pk=team.pk).name == "Pastoral"


def test_the_api_answers_409_with_the_current_version(administrator, second_administrator, api_as):
    agency = AgencyFactory(name="Harbour Surgery", kind=AgencyKind.GP_PRACTICE)
    url = f"/api/v1/agencies/{agency.pk}/"
    read = api_as(administrator).get(url).json()["version"]
    body = {"name": "Harbour Surgery", "kind": "gp_practice"}
    first = api_as(administrator).put(url, body | {"phone": "1", "version": read}, format="json")
    assert first.status_code == 200 and first.json()["version"] == read + 1
    second = api_as(second_administrator).put(
        url, body | {"phone": "2", "version": read}, format="json"
    )
    assert second.status_code == 409
    assert second.json()["current_version"] == read + 1
    assert "Someone else saved this agency" in second.json()["version"][0]
    missing = api_as(second_administrator).put(url, body | {"phone": "2"}, format="json")
    assert missing.status_code == 400 and "version" in missing.json()
    assert Agency.objects.get(pk=agency.pk).phone == "1"


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_agency_saves_at_once_one_wins(administrator, second_administrator):
    agency = AgencyFactory(name="Harbour Surgery")
    read = agency.version

    def save(actor, phone):
        return lambda: services.agency_update(
            actor=actor, agency=Agency.objects.get(pk=agency.pk), version=read, phone=phone
        )

    winner, _ = one_wins(race(save(administrator, "1"), save(second_administrator, "2")))
    saved = Agency.objects.get(pk=agency.pk)
    assert saved.phone == winner.value.phone and saved.version == read + 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_team_saves_at_once_one_wins(administrator, second_administrator):
    team = TeamFactory(name="Pastoral")
    read = team.version

    def save(actor, name):
        return lambda: services.team_update(
            actor=actor, team=Team.objects.get(pk=team.pk), version=read, name=name
        )

    winner, _ = one_wins(race(save(administrator, "Care"), save(second_administrator, "Welfare")))
    saved = Team.objects.get(pk=team.pk)
    assert saved.name == winner.value.name and saved.version == read + 1
