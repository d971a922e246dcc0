"""The Data Protection Officer's view of the ledger: a person, an agency, a period, shares on
consent that has since ended, and CSV exports safe against formula injection. Nobody else
may read it."""

import csv
import io

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.earlyhelp import services as earlyhelp
from teamaround.governance import services
from teamaround.governance.models import Purpose, SharingBasis


@pytest.fixture
def history(episode, people, worker, nurse, teacher, manager):
    """The nurse joins the TAF; Kerry then withdraws; the teacher is refused; a decision not
    to share with the police is recorded (its reason looks like a spreadsheet formula)."""
    from teamaround.accounts.models import Agency

    earlyhelp.taf_member_add(actor=worker, episode=episode, practitioner=nurse, role="health")
    consent = SharingBasis.objects.get(person=people["Kerry"])
    services.basis_withdraw(actor=worker, basis=consent, reason="Withdrawn")
    with pytest.raises(services.ShareRefused):
        earlyhelp.taf_member_add(actor=worker, episode=episode, practitioner=teacher, role="school")
    police = Agency.objects.create(name="Essex Police", kind="police")
    services.withholding_record(
        actor=worker,
        person=people["Jayden"],
        purpose=Purpose.SAFEGUARDING,
        recipient_agency=police,
        reason='=HYPERLINK("http://evil.example","click")',
        approver=manager,
    )
    return {"police": police, "consent": consent}


def test_the_dpo_sees_a_period_by_basis_refusals_and_withdrawals(history, dpo, signed_in):
    page = signed_in(dpo).get(reverse("governance:home"))
    assert page.status_code == 200
    summary = page.context["summary"]
    assert summary["shared"] == 3 and summary["refused"] == 1 and summary["withheld"] == 1
    assert summary["withdrawals"] == 1
    consent_row = next(row for row in summary["by_basis"] if row["kind"] == "consent")
    assert consent_row["count"] == 3


def test_the_dpo_sees_everything_shared_about_a_person(history, people, dpo, signed_in):
    mum = people["Kerry"]
    page = signed_in(dpo).get(reverse("governance:person", args=[mum.pk]))
    assert page.status_code == 200
    outcomes = sorted(entry.outcome for entry in page.context["page"])
    assert outcomes == ["refused", "shared"]
    assert AuditEvent.objects.filter(
        actor=dpo, action=AuditAction.VIEW, object_id=str(mum.pk)
    ).exists()


def test_the_dpo_finds_a_person_by_name(history, dpo, signed_in):
    page = signed_in(dpo).get(reverse("governance:home"), {"query": "Whitmore"})
    assert {str(p) for p in page.context["found"]} == {
        "Kerry Whitmore",
        "Jayden Whitmore",
        "Ava Whitmore",
    }


def test_the_dpo_finds_a_person_by_full_name_and_the_period_form_stays_quiet(
    history, dpo, signed_in
):
    """A search is a GET like the period form's: searching must not show the period form's
    'required' errors, and a whole name finds the person."""
    page = signed_in(dpo).get(reverse("governance:home"), {"query": "Jayden  Whitmore"})
    assert [str(p) for p in page.context["found"]] == ["Jayden Whitmore"]
    assert not page.context["form"].errors
    assert "There is a problem" not in page.content.decode()


def test_the_dpo_sees_what_an_agency_received(history, nurse, dpo, signed_in):
    page = signed_in(dpo).get(reverse("governance:agency", args=[nurse.agency.pk]))
    assert page.status_code == 200
    assert len(page.context["page"]) == 3


def test_shares_on_consent_since_withdrawn_are_listed(history, people, dpo, signed_in):
    page = signed_in(dpo).get(reverse("governance:stale-consent"))
    entries = list(page.context["page"])
    assert [e.person_id for e in entries] == [people["Kerry"].pk]


def test_the_csv_export_is_safe_against_formula_injection_and_audited(history, dpo, signed_in):
    response = signed_in(dpo).get(reverse("governance:ledger-csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][0] == "occurred_at" and len(rows) == 1 + 5
    reasons = [row[rows[0].index("reason")] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","click")' in reasons
    assert not any(cell.startswith("=") for row in rows for cell in row)
    assert AuditEvent.objects.filter(actor=dpo, action=AuditAction.EXPORT).exists()


@pytest.mark.parametrize("role", [r for r in Role if r != Role.DATA_PROTECTION_OFFICER])
def test_no_other_role_may_read_the_ledger(history, people, nurse, make_user, signed_in, role):
    client = signed_in(make_user(role))
    for url in (
        reverse("governance:home"),
        reverse("governance:person", args=[people["Kerry"].pk]),
        reverse("governance:agency", args=[nurse.agency.pk]),
        reverse("governance:stale-consent"),
        reverse("governance:ledger-csv"),
    ):
        assert client.get(url).status_code == 403, url


def test_anonymous_visitors_cannot_read_the_ledger(history, client):
    response = client.get(reverse("governance:ledger-csv"))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_the_ledger_api_is_for_the_dpo_only(history, people, worker, dpo, api_as):
    mum = people["Kerry"]
    rows = api_as(dpo).get("/api/v1/governance/ledger/", {"person": str(mum.pk)}).json()
    assert rows["count"] == 2
    period = api_as(dpo).get(
        "/api/v1/governance/ledger/", {"start": "2000-01-01", "end": "2100-01-01"}
    )
    assert period.json()["count"] == 5
    assert api_as(dpo).get("/api/v1/governance/ledger/").status_code == 400
    assert (
        api_as(worker).get("/api/v1/governance/ledger/", {"person": str(mum.pk)}).status_code == 403
    )
    assert api_as(None).get("/api/v1/governance/ledger/").status_code == 401


def test_the_dpo_link_is_in_the_navigation_for_the_dpo_only(dpo, worker, signed_in):
    assert b"Information governance" in signed_in(dpo).get(reverse("core:home")).content
    assert b"Information governance" not in signed_in(worker).get(reverse("core:home")).content
