"""Recording and withdrawing a basis through the pages and the API, and who may not."""

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.governance.models import BasisKind, BasisStatus, Disclosure, Outcome, SharingBasis


def test_a_caseworker_records_a_statutory_basis_through_the_page(
    episode, people, worker, signed_in
):
    child = people["Jayden"]
    client = signed_in(worker)
    page = client.get(reverse("governance:bases", args=[child.pk]))
    assert page.status_code == 200 and b"Consent to share" not in page.content
    assert b"Record consent or a basis" in page.content
    response = client.post(
        reverse("governance:basis-add", args=[child.pk]),
        {
            "purpose": "safeguarding",
            "kind": BasisKind.CHILDREN_ACT_S47,
            "scope": "any_agency",
            "evidence": "Section 47 strategy meeting, minutes ref SM-12",
        },
    )
    assert response.status_code == 302
    basis = SharingBasis.objects.get(person=child, kind=BasisKind.CHILDREN_ACT_S47)
    assert basis.created_by == worker and "SM-12" in basis.evidence


def test_bad_input_on_the_page_shows_the_errors_and_records_nothing(
    people, worker, episode, signed_in
):
    child = people["Jayden"]
    before = SharingBasis.objects.count()
    response = signed_in(worker).post(
        reverse("governance:basis-add", args=[child.pk]),
        {"purpose": "early_help", "kind": "consent", "scope": "taf", "evidence": "Form"},
    )
    assert response.status_code == 200
    assert (
        b"Say who gave consent" in response.content and b"govuk-error-summary" in response.content
    )
    assert SharingBasis.objects.count() == before


def test_withdrawing_through_the_page_takes_effect_at_once(episode, people, worker, signed_in):
    consent = SharingBasis.objects.get(person=people["Kerry"])
    url = reverse("governance:basis-withdraw", args=[people["Kerry"].pk, consent.pk])
    client = signed_in(worker)
    assert b"takes effect at once" in client.get(url).content
    assert client.post(url, {"reason": ""}).status_code == 200
    assert client.post(url, {"reason": "Kerry withdrew by letter"}).status_code == 302
    consent.refresh_from_db()
    assert consent.status == BasisStatus.WITHDRAWN


def test_a_decision_not_to_share_through_the_page_names_the_approver(
    episode, people, worker, manager, signed_in, health_team
):
    url = reverse("governance:withhold", args=[people["Ava"].pk])
    client = signed_in(worker)
    form = {
        "purpose": "safeguarding",
        "recipient_agency": health_team.agency.pk,
        "reason": "More detrimental: the health visitor is a relative",
    }
    assert b"no member of staff" in client.post(url, form | {"approver": "nobody"}).content
    assert client.post(url, form | {"approver": manager.username}).status_code == 302
    entry = Disclosure.objects.get(outcome=Outcome.WITHHELD)
    assert entry.approved_by == manager and entry.decided_by == worker


@pytest.mark.parametrize(
    "role",
    [Role.PRACTITIONER, Role.COMMISSIONER, Role.DATA_ANALYST, Role.ADMINISTRATOR, Role.PANEL_CHAIR],
)
def test_staff_who_cannot_open_the_person_see_nothing_and_change_nothing(
    episode, people, make_user, signed_in, role
):
    child = people["Jayden"]
    client = signed_in(make_user(role))
    assert client.get(reverse("governance:bases", args=[child.pk])).status_code == 403
    response = client.post(
        reverse("governance:basis-add", args=[child.pk]),
        {"purpose": "hub", "kind": "court_order", "scope": "any_agency", "evidence": "x"},
    )
    assert response.status_code == 403
    assert not SharingBasis.objects.filter(kind="court_order").exists()


def test_anonymous_visitors_are_sent_to_sign_in(people, client):
    response = client.get(reverse("governance:bases", args=[people["Ava"].pk]))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_the_api_records_lists_and_withdraws(episode, people, worker, api_as):
    api = api_as(worker)
    child = people["Ava"]
    created = api.post(
        "/api/v1/governance/bases/",
        {
            "person": str(child.pk),
            "purpose": "panel",
            "kind": "marac",
            "evidence": "MARAC 3 December",
        },
        format="json",
    )
    assert created.status_code == 201 and created.json()["kind"] == "marac"
    listed = api.get("/api/v1/governance/bases/", {"person": str(child.pk)}).json()
    assert {row["kind"] for row in listed["results"]} == {"consent", "marac"}
    bad = api.post(
        "/api/v1/governance/bases/",
        {"person": str(child.pk), "purpose": "panel", "kind": "marac", "evidence": ""},
        format="json",
    )
    assert bad.status_code == 400 and "evidence" in bad.json()
    withdrawn = api.post(
        f"/api/v1/governance/bases/{created.json()['id']}/withdraw/",
        {"reason": "MARAC closed"},
        format="json",
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "ended"


def test_the_api_refuses_another_agency_and_anonymous_callers(episode, people, outsider, api_as):
    child = people["Ava"]
    consent = SharingBasis.objects.get(person=child)
    api = api_as(outsider)
    assert api.get("/api/v1/governance/bases/", {"person": str(child.pk)}).status_code == 404
    post = {"person": str(child.pk), "purpose": "hub", "kind": "court_order", "evidence": "x"}
    assert api.post("/api/v1/governance/bases/", post, format="json").status_code == 404
    assert (
        api.post(f"/api/v1/governance/bases/{consent.pk}/withdraw/", {"reason": "x"}).status_code
        == 404
    )
    assert api_as(None).get("/api/v1/governance/bases/").status_code == 401
    consent.refresh_from_db()
    assert consent.status == BasisStatus.ACTIVE
