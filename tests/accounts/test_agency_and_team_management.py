"""Administrators manage agencies and teams; nobody else can (403 on the page and the API)."""

import pytest
from django.urls import reverse

from teamaround.accounts.models import Agency, AgencyKind, Team
from teamaround.accounts.roles import Role
from teamaround.core.models import AuditAction, AuditEvent
from tests.factories import AgencyFactory, DistrictFactory

pytestmark = pytest.mark.django_db

NON_ADMIN_ROLES = [r for r in Role if r != Role.ADMINISTRATOR]


def agency_form(**overrides):
    data = {"name": "Seaview Primary School", "kind": AgencyKind.SCHOOL, "reference": "123456"}
    data.update(overrides)
    return data


def test_administrator_adds_changes_and_archives_an_agency(signed_in, administrator):
    district = DistrictFactory(code="harlow", name="Harlow")
    client = signed_in(administrator)
    response = client.post(
        reverse("accounts:agency-create"), agency_form(districts=[str(district.pk)])
    )
    agency = Agency.objects.get(name="Seaview Primary School")
    assert response.status_code == 302
    assert list(agency.districts.all()) == [district]

    client.post(
        reverse("accounts:agency-edit", args=[agency.pk]),
        agency_form(name="Seaview Academy", kind=AgencyKind.SCHOOL, version=agency.version),
    )
    agency.refresh_from_db()
    assert agency.name == "Seaview Academy"
    assert agency.history.count() >= 2

    client.post(reverse("accounts:agency-archive", args=[agency.pk]), {"reason": "Closed"})
    agency.refresh_from_db()
    assert agency.is_archived and agency.archived_reason == "Closed"
    listed = client.get(reverse("accounts:agency-list"))
    assert agency not in listed.context["page"].object_list


def test_a_duplicate_name_is_refused_with_the_error_summary(signed_in, administrator):
    AgencyFactory(name="Seaview Primary School")
    response = signed_in(administrator).post(reverse("accounts:agency-create"), agency_form())
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "An agency with this name already exists" in response.text
    assert Agency.objects.filter(name="Seaview Primary School").count() == 1


def test_missing_fields_are_reported_and_nothing_is_written(signed_in, administrator):
    response = signed_in(administrator).post(reverse("accounts:agency-create"), {"name": ""})
    assert "Enter" in response.text or "This field is required" in response.text
    assert 'href="#id_kind_0"' in response.text
    assert not Agency.objects.filter(name="").exists()
    assert Agency.objects.count() == 1  # only the administrator's own


def test_archiving_needs_a_reason(signed_in, administrator):
    agency = AgencyFactory()
    response = signed_in(administrator).post(
        reverse("accounts:agency-archive", args=[agency.pk]), {"reason": ""}
    )
    assert response.status_code == 200 and "There is a problem" in response.text
    agency.refresh_from_db()
    assert not agency.is_archived


@pytest.mark.parametrize("role", NON_ADMIN_ROLES)
def test_other_roles_cannot_manage_agencies(signed_in, api_as, make_user, role):
    user = make_user(role)
    agency = AgencyFactory(name="Untouchable Trust")
    client = signed_in(user)
    assert client.get(reverse("accounts:agency-list")).status_code == 200
    assert client.get(reverse("accounts:agency-create")).status_code == 403
    assert client.post(reverse("accounts:agency-create"), agency_form()).status_code == 403
    edit = client.post(reverse("accounts:agency-edit", args=[agency.pk]), agency_form())
    assert edit.status_code == 403
    archive = reverse("accounts:agency-archive", args=[agency.pk])
    assert client.post(archive, {"reason": "x"}).status_code == 403
    api = api_as(user)
    assert api.post("/api/v1/agencies/", agency_form(), format="json").status_code == 403
    update = api.put(
        f"/api/v1/agencies/{agency.pk}/", agency_form(version=agency.version), format="json"
    )
    assert update.status_code == 403
    agency.refresh_from_db()
    assert agency.name == "Untouchable Trust" and not agency.is_archived
    assert not Agency.objects.filter(name="Seaview Primary School").exists()
    assert AuditEvent.objects.filter(action=AuditAction.REFUSED, actor=user).count() >= 5


def test_api_create_validates_and_audits(api_as, administrator):
    DistrictFactory(code="basildon")
    api = api_as(administrator)
    bad = api.post("/api/v1/agencies/", {"name": "X", "kind": "spaceship"}, format="json")
    assert bad.status_code == 400 and "kind" in bad.json()
    created = api.post("/api/v1/agencies/", agency_form(districts=["basildon"]), format="json")
    assert created.status_code == 201
    assert created.json()["districts"] == ["basildon"]
    again = api.post("/api/v1/agencies/", agency_form(), format="json")
    assert again.status_code == 400
    assert again.json() == {"name": ["An agency with this name already exists."]}
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, actor=administrator).count() == 1


def test_staff_read_agencies_and_teams_through_the_api(api_as, practitioner):
    school = AgencyFactory(name="Riverside Infant School")
    Team.objects.create(agency=school, name="Safeguarding Team")
    api = api_as(practitioner)
    names = [a["name"] for a in api.get("/api/v1/agencies/", {"q": "Riverside"}).json()["results"]]
    assert names == ["Riverside Infant School"]
    teams = api.get("/api/v1/teams/").json()["results"]
    assert any(t["name"] == "Safeguarding Team" for t in teams)
    assert api.get(f"/api/v1/agencies/{school.pk}/").json()["kind"] == "school"


def test_administrator_adds_and_changes_a_team(signed_in, administrator):
    agency = AgencyFactory()
    client = signed_in(administrator)
    client.post(reverse("accounts:team-create", args=[agency.pk]), {"name": "Pastoral Team"})
    team = Team.objects.get(agency=agency, name="Pastoral Team")
    duplicate = client.post(
        reverse("accounts:team-create", args=[agency.pk]), {"name": "pastoral team"}
    )
    assert "already has a team with this name" in duplicate.text
    client.post(
        reverse("accounts:team-edit", args=[team.pk]),
        {"name": "Pastoral and Welfare", "version": team.version},
    )
    team.refresh_from_db()
    assert team.name == "Pastoral and Welfare"


def test_practitioners_cannot_add_teams(signed_in, practitioner):
    agency = AgencyFactory()
    response = signed_in(practitioner).post(
        reverse("accounts:team-create", args=[agency.pk]), {"name": "Shadow Team"}
    )
    assert response.status_code == 403
    assert not Team.objects.filter(name="Shadow Team").exists()
