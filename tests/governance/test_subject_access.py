"""Subject access in one action: everything held about a person (checked against a query of
every table that refers to them or their family), as a PDF with a contents page and a JSON
file, with third parties redacted by default, the officer's decisions kept, the deadline a
task, and the export audited."""

import io
import json
import zipfile
from datetime import date

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from teamaround.accounts.roles import Role
from teamaround.core.models import AuditAction, AuditEvent, WorkItem
from teamaround.earlyhelp import services as earlyhelp
from teamaround.governance import services
from teamaround.governance.models import AccessRequestStatus, SubjectAccessRequest
from teamaround.governance.subject_access.collect import SKIP_MODELS, _is_history
from teamaround.people.models import Family, Person


@pytest.fixture
def casework(planned, people, worker, nurse):
    """A family with an episode, a plan naming Jayden, a TAF, and an identifier for Ava."""
    from teamaround.people import services as people_services

    earlyhelp.taf_member_add(actor=worker, episode=planned, practitioner=nurse, role="health")
    people_services.person_identifier_add(
        actor=worker, person=people["Ava"], scheme="nhs_number", value="9434765919"
    )
    return planned


@pytest.fixture
def access_request(casework, people, dpo):
    return services.access_request_open(
        actor=dpo,
        person=people["Kerry"],
        requested_by="Kerry herself",
        received_on=date(2026, 1, 31),
    )


def referencing_rows(person) -> dict[str, set[str]]:
    """Independently of the collector: every row of every table with a foreign key to the
    person or to one of their families."""
    families = set(Family.objects.filter(memberships__person=person).values_list("pk", flat=True))
    rows: dict[str, set[str]] = {}
    for model in apps.get_models():
        if model._meta.label_lower in SKIP_MODELS or _is_history(model):
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.ForeignKey):
                continue
            if field.related_model is Person and model is not Person:
                ids = {person.pk}
            elif field.related_model is Family:
                ids = families
            else:
                continue
            for pk in model.objects.filter(**{f"{field.name}__in": ids}).values_list(
                "pk", flat=True
            ):
                rows.setdefault(model._meta.label_lower, set()).add(str(pk))
    return rows


def export(client, access_request):
    response = client.get(reverse("governance:access-request-export", args=[access_request.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = sorted(archive.namelist())
    assert names == [
        f"subject-access-{access_request.pk}.json",
        f"subject-access-{access_request.pk}.pdf",
    ]
    data = json.loads(archive.read(names[0]))
    pdf = PdfReader(io.BytesIO(archive.read(names[1])))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    return data, text, archive.read(names[0]).decode()


def test_the_export_holds_every_record_about_the_person_and_no_one_elses_details(
    access_request, people, dpo, signed_in
):
    data, pdf_text, raw_json = export(signed_in(dpo), access_request)
    in_json = {
        section["table"]: {record["id"] for record in section["records"]}
        for section in data["sections"]
    }
    expected = referencing_rows(people["Kerry"])
    assert {"earlyhelp.episode", "people.familyevent", "people.personaddress"} <= set(expected)
    for table, ids in expected.items():
        assert ids <= in_json.get(table, set()), table
    # the second level too: the plan's actions and the TAF hang off the episode
    assert in_json["earlyhelp.earlyhelpplan"] and in_json["earlyhelp.planaction"]
    assert in_json["earlyhelp.tafmember"]
    assert in_json["governance.disclosure"] and in_json["core.auditevent"]
    assert "Contents" in pdf_text and "Disclosure ledger" in pdf_text and "Kerry" in pdf_text
    for secret in ("Jayden", "Ava", "9434765919", "2015-04-09", "2021-08-01"):
        assert secret not in raw_json, secret
        assert secret not in pdf_text, secret
    assert "Third party" in raw_json and "Third party" in pdf_text
    assert all(party["redacted"] for party in data["third_parties"])


def test_an_officers_decision_to_release_a_third_party_is_kept(
    access_request, people, dpo, signed_in
):
    client = signed_in(dpo)
    page = client.get(reverse("governance:access-request", args=[access_request.pk]))
    jayden = people["Jayden"]
    assert any(p["person"] == jayden and p["redact"] for p in page.context["parties"])
    url = reverse("governance:access-request", args=[access_request.pk])
    client.post(url, {"third_party": jayden.pk, "redact": "no", "reason": ""})
    assert not access_request.redactions.exists()  # a release needs a reason
    client.post(url, {"third_party": jayden.pk, "redact": "no", "reason": "Kerry is his mother"})
    decision = access_request.redactions.get()
    assert decision.redact is False and decision.created_by == dpo
    data, _, raw_json = export(client, access_request)
    assert "Jayden" in raw_json and "Ava" not in raw_json


def test_the_deadline_is_a_task_and_can_be_extended_by_two_months(access_request, dpo, signed_in):
    assert access_request.due_on == date(2026, 2, 28)  # a month after 31 January
    task = WorkItem.objects.get(source_id=str(access_request.pk), status="open")
    assert task.assigned_to == dpo and task.due_on == date(2026, 2, 28)
    client = signed_in(dpo)
    url = reverse("governance:access-request-extend", args=[access_request.pk])
    client.post(url, {"reason": ""})
    access_request.refresh_from_db()
    assert access_request.status == AccessRequestStatus.OPEN
    client.post(url, {"reason": "Ten years of records across three agencies"})
    access_request.refresh_from_db()
    assert access_request.status == AccessRequestStatus.EXTENDED
    assert access_request.due_on == date(2026, 4, 30)
    open_tasks = WorkItem.objects.filter(source_id=str(access_request.pk), status="open")
    assert [t.due_on for t in open_tasks] == [date(2026, 4, 30)]


def test_the_export_is_audited_and_completing_needs_an_export(access_request, dpo, signed_in):
    client = signed_in(dpo)
    complete = reverse("governance:access-request-complete", args=[access_request.pk])
    client.post(complete)
    access_request.refresh_from_db()
    assert access_request.status == AccessRequestStatus.OPEN
    export(client, access_request)
    assert (
        AuditEvent.objects.filter(
            actor=dpo, action=AuditAction.EXPORT, object_id=str(access_request.pk)
        ).count()
        == 2
    )
    client.post(complete)
    access_request.refresh_from_db()
    assert access_request.status == AccessRequestStatus.COMPLETED
    assert not WorkItem.objects.filter(source_id=str(access_request.pk), status="open").exists()


def test_starting_a_request_from_the_persons_page(casework, people, dpo, signed_in):
    client = signed_in(dpo)
    mum = people["Kerry"]
    page = client.get(reverse("governance:person", args=[mum.pk]))
    assert b"Start a subject access request" in page.content
    url = reverse("governance:access-request-start", args=[mum.pk])
    assert b"govuk-error-summary" in client.post(url, {"requested_by": ""}).content
    future = (timezone.localdate().replace(year=timezone.localdate().year + 1)).isoformat()
    assert client.post(url, {"requested_by": "Kerry", "received_on": future}).status_code == 200
    assert not SubjectAccessRequest.objects.exists()
    response = client.post(url, {"requested_by": "Kerry"})
    made = SubjectAccessRequest.objects.get()
    assert response["Location"] == reverse("governance:access-request", args=[made.pk])
    assert made.officer == dpo and made.received_on == timezone.localdate()


@pytest.mark.parametrize("role", [r for r in Role if r != Role.DATA_PROTECTION_OFFICER])
def test_no_one_else_may_see_or_export_a_request(
    access_request, people, make_user, signed_in, role
):
    client = signed_in(make_user(role))
    for url in (
        reverse("governance:access-request", args=[access_request.pk]),
        reverse("governance:access-request-export", args=[access_request.pk]),
        reverse("governance:access-request-start", args=[people["Kerry"].pk]),
    ):
        assert client.get(url).status_code == 403, url
    assert (
        client.post(
            reverse("governance:access-request-extend", args=[access_request.pk]), {"reason": "x"}
        ).status_code
        == 403
    )
    access_request.refresh_from_db()
    assert access_request.exported_at is None and access_request.status == "open"


def test_anonymous_visitors_cannot_export(access_request, client):
    response = client.get(reverse("governance:access-request-export", args=[access_request.pk]))
    assert response.status_code == 302 and "sign-in" in response["Location"]
