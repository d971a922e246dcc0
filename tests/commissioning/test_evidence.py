"""The evidence base: the Early Intervention Foundation levels as the default scale (loaded by
a migration, editable), interventions with their rating linked to the directory services
that deliver them (in commissioning's own table: the directory's rows are untouched), shown on
the service's impact page; who may read and change it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.commissioning import selectors, services
from teamaround.commissioning.evidence import eif_levels, load_levels
from teamaround.commissioning.models import EvidenceLevel, Intervention, InterventionDelivery
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied, DomainError
from teamaround.core.models import AuditAction, AuditEvent, NeedDomain, WindscreenLevel
from teamaround.directory import services as directory
from teamaround.directory.models import Service


@pytest.fixture
def levels(db):
    """The default scale (a transactional test's flush may have emptied the migration's rows,
    so load again, idempotently)."""
    load_levels(eif_levels(), model=EvidenceLevel)
    return {level.code: level for level in EvidenceLevel.objects.all()}


@pytest.fixture
def two_services(county):
    organisation = directory.organisation_create(
        actor=SYSTEM, name="Family Trust", description="Help."
    )

    def make(name):
        return directory.service_create(
            actor=SYSTEM,
            organisation=organisation,
            name=name,
            description="Help for families.",
            access_routes=["via_panel"],
            review_date=timezone.localdate() + timedelta(days=200),
            levels=list(WindscreenLevel.objects.filter(number=2)),
            needs_met=list(NeedDomain.objects.all()[:1]),
            districts=[county["a"]],
        )

    return make("Parenting Groups"), make("Home Visiting")


def test_the_default_scale_is_the_eif_guidebook_levels(levels):
    assert list(EvidenceLevel.objects.values_list("code", flat=True)) == [
        "4",
        "3",
        "2",
        "nl2",
        "ne",
        "unrated",
    ]
    assert levels["3"].name == "Level 3"
    assert load_levels(eif_levels(), model=EvidenceLevel) == 6
    assert EvidenceLevel.objects.count() == 6  # loading again duplicates nothing


def test_a_commissioner_records_an_intervention_and_the_services_delivering_it(
    levels, two_services, commissioner, signed_in
):
    groups, visiting = two_services
    before = {s.pk: s.updated_at for s in Service.objects.all()}
    client = signed_in(commissioner)
    response = client.post(
        reverse("commissioning:intervention-new"),
        {
            "name": "Group parenting programme",
            "description": "Ten weekly sessions.",
            "evidence_level": levels["3"].pk,
            "evidence_source": "https://guidebook.example.org/group-parenting",
            "services": [groups.pk, visiting.pk],
        },
    )
    assert response.status_code == 302
    intervention = Intervention.objects.get()
    assert intervention.evidence_level == levels["3"]
    assert set(InterventionDelivery.objects.values_list("service_id", flat=True)) == {
        groups.pk,
        visiting.pk,
    }
    assert {s.pk: s.updated_at for s in Service.objects.all()} == before  # directory untouched
    page = client.get(reverse("commissioning:evidence")).content.decode()
    assert "Group parenting programme" in page and "Home Visiting</a>, <a" in page
    impact = client.get(reverse("commissioning:impact", args=[groups.pk])).content.decode()
    assert "Evidence base: what this service delivers" in impact
    assert "Group parenting programme" in impact and "Level 3:" in impact

    response = client.post(
        reverse("commissioning:intervention", args=[intervention.pk]),
        {
            "name": "Group parenting programme",
            "evidence_level": levels["4"].pk,
            "services": [visiting.pk],
        },
    )
    assert response.status_code == 302
    intervention.refresh_from_db()
    assert intervention.evidence_level == levels["4"] and intervention.description == ""
    assert list(InterventionDelivery.objects.values_list("service_id", flat=True)) == [visiting.pk]
    impact = client.get(reverse("commissioning:impact", args=[groups.pk])).content.decode()
    assert "Group parenting programme" not in impact
    assert selectors.service_evidence(actor=commissioner, service=visiting) == [intervention]
    actions = list(
        AuditEvent.objects.filter(object_id=str(intervention.pk)).values_list("action", flat=True)
    )
    assert AuditAction.CREATE in actions and actions.count(AuditAction.UPDATE) >= 2


def test_bad_input_is_refused_and_nothing_is_written(levels, two_services, commissioner, signed_in):
    services.intervention_save(actor=commissioner, name="Home visits", evidence_level=levels["2"])
    with pytest.raises(DomainError, match="already there"):
        services.intervention_save(
            actor=commissioner, name="home visits ", evidence_level=levels["2"]
        )
    with pytest.raises(DomainError, match="name"):
        services.intervention_save(actor=commissioner, name="  ", evidence_level=levels["2"])
    response = signed_in(commissioner).post(
        reverse("commissioning:intervention-new"),
        {"name": "No rating", "evidence_level": "", "evidence_source": "not a web address"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert Intervention.objects.count() == 1


def test_the_commissioner_edits_the_scale(levels, commissioner, signed_in):
    client = signed_in(commissioner)
    url = reverse("commissioning:evidence-level", args=[levels["3"].pk])
    response = client.post(url, {"name": "Level 3 (short-term impact)", "description": "Short."})
    assert response.status_code == 302
    assert EvidenceLevel.objects.get(code="3").name == "Level 3 (short-term impact)"
    assert (
        "Level 3 (short-term impact)"
        in client.get(reverse("commissioning:evidence")).content.decode()
    )
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE, summary="Evidence level changed"
    ).exists()
    response = client.post(url, {"name": " ", "description": ""})
    assert response.status_code == 200
    assert EvidenceLevel.objects.get(code="3").name == "Level 3 (short-term impact)"


@pytest.mark.parametrize("role", list(Role))
def test_who_may_read_and_change_the_evidence_base(
    levels, two_services, make_user, signed_in, role
):
    intervention = services.intervention_save(
        actor=SYSTEM, name="Home visits", evidence_level=levels["2"]
    )
    client = signed_in(make_user(role))
    readers = {Role.COMMISSIONER, Role.DATA_ANALYST}
    assert client.get(reverse("commissioning:evidence")).status_code == (
        200 if role in readers else 403
    )
    for url in (
        reverse("commissioning:intervention-new"),
        reverse("commissioning:intervention", args=[intervention.pk]),
        reverse("commissioning:evidence-level", args=[levels["2"].pk]),
    ):
        assert client.get(url).status_code == (200 if role == Role.COMMISSIONER else 403)
    response = client.post(
        reverse("commissioning:intervention-new"),
        {"name": "Sneaky", "evidence_level": levels["4"].pk},
    )
    assert response.status_code == (302 if role == Role.COMMISSIONER else 403)
    assert Intervention.objects.filter(name="Sneaky").exists() == (role == Role.COMMISSIONER)


def test_an_analyst_may_not_change_it_through_the_service(levels, analyst):
    with pytest.raises(AccessDenied):
        services.intervention_save(actor=analyst, name="X", evidence_level=levels["2"])
    with pytest.raises(AccessDenied):
        services.evidence_level_save(actor=analyst, level=levels["2"], name="Y")


def test_signed_out_visitors_are_sent_to_sign_in(levels, client):
    for url in (
        reverse("commissioning:evidence"),
        reverse("commissioning:intervention-new"),
        reverse("commissioning:evidence-level", args=[levels["2"].pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "sign-in" in response["Location"]
