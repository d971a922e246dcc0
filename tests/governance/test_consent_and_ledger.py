"""Consent and legal basis per person and purpose, and the disclosure ledger they feed: each
share is written with its basis, a share without a basis is refused, withdrawal takes effect
at once (the next share refused with the reason, the holders told), and a decision not to
share needs an approver."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.utils import DatabaseError
from django.utils import timezone

from teamaround.core.errors import DomainError
from teamaround.core.models import WorkItem
from teamaround.earlyhelp import services as earlyhelp
from teamaround.governance import services
from teamaround.governance.models import (
    BasisKind,
    BasisStatus,
    Channel,
    Disclosure,
    Outcome,
    Purpose,
    Scope,
    SharingBasis,
)


def test_opening_an_episode_records_each_members_consent_with_who_when_and_evidence(
    episode, people, worker
):
    for person in people.values():
        basis = SharingBasis.objects.get(person=person, purpose=Purpose.EARLY_HELP)
        assert basis.kind == BasisKind.CONSENT and basis.scope == Scope.TAF
        assert basis.given_by == "Kerry (mum)" and basis.created_by == worker
        assert episode.reference in basis.evidence
        assert basis.starts_on == timezone.localdate() and basis.status == BasisStatus.ACTIVE


def test_adding_a_taf_member_writes_a_ledger_entry_per_person_with_its_basis(
    episode, people, worker, nurse
):
    earlyhelp.taf_member_add(actor=worker, episode=episode, practitioner=nurse, role="health")
    entries = Disclosure.objects.filter(channel=Channel.TAF_MEMBER)
    assert {e.person_id for e in entries} == {p.pk for p in people.values()}
    for entry in entries:
        assert entry.outcome == Outcome.SHARED and entry.basis_kind == BasisKind.CONSENT
        assert entry.basis.person_id == entry.person_id
        assert entry.recipient_user == nurse and entry.recipient_agency == nurse.agency
        assert entry.decided_by == worker and entry.purpose == Purpose.EARLY_HELP
        assert entry.record_id == str(episode.pk) and "plan" in entry.fields


def test_a_share_without_a_basis_is_refused_and_the_refusal_is_in_the_ledger(people, worker):
    child = people["Jayden"]  # no episode: nothing recorded for him
    with pytest.raises(services.ShareRefused, match="No consent or statutory basis"):
        services.share_authorise(
            actor=worker,
            person=child,
            purpose=Purpose.EARLY_HELP,
            channel=Channel.EXPORT,
            recipient_user=worker,
        )
    refusal = Disclosure.objects.get(person_id=child.pk)
    assert refusal.outcome == Outcome.REFUSED and refusal.basis is None
    assert "No consent" in refusal.reason and refusal.decided_by == worker


def test_withdrawing_consent_refuses_the_next_share_and_tells_the_holders(
    episode, people, worker, nurse, teacher
):
    earlyhelp.taf_member_add(actor=worker, episode=episode, practitioner=nurse, role="health")
    mum = people["Kerry"]
    consent = SharingBasis.objects.get(person=mum, purpose=Purpose.EARLY_HELP)
    services.basis_withdraw(actor=worker, basis=consent, reason="Kerry phoned to withdraw")

    consent.refresh_from_db()
    assert consent.status == BasisStatus.WITHDRAWN and consent.withdrawn_by == worker
    told = WorkItem.objects.filter(source_type="governance.sharingbasis", source_id=consent.pk)
    assert [item.assigned_to for item in told] == [nurse]
    assert "Consent withdrawn" in told[0].title and str(mum.pk) not in told[0].title

    with pytest.raises(DomainError, match="withdrawn on") as refused:
        earlyhelp.taf_member_add(actor=worker, episode=episode, practitioner=teacher, role="school")
    assert refused.value.field == "practitioner" and "Kerry" in refused.value.message
    assert not episode.taf_members.filter(practitioner=teacher).exists()
    refusal = Disclosure.objects.get(person_id=mum.pk, outcome=Outcome.REFUSED)
    assert refusal.recipient_user == teacher and "withdrawn" in refusal.reason
    # the children's shares were not made either: nothing shared with the teacher
    assert not Disclosure.objects.filter(recipient_user=teacher, outcome=Outcome.SHARED).exists()


def test_a_statutory_basis_applies_whatever_the_consent(episode, people, worker, teacher):
    mum = people["Kerry"]
    consent = SharingBasis.objects.get(person=mum, purpose=Purpose.EARLY_HELP)
    services.basis_withdraw(actor=worker, basis=consent, reason="Withdrawn in a meeting")
    duty = services.basis_record(
        actor=worker,
        person=mum,
        purpose=Purpose.EARLY_HELP,
        kind=BasisKind.SAFEGUARDING_DUTY,
        evidence="Strategy discussion 2 December",
    )
    earlyhelp.taf_member_add(actor=worker, episode=episode, practitioner=teacher, role="school")
    entry = Disclosure.objects.get(person_id=mum.pk, recipient_user=teacher)
    assert entry.basis == duty and entry.basis_kind == BasisKind.SAFEGUARDING_DUTY


def test_a_consent_naming_an_agency_covers_that_agency_only(people, worker, nurse, teacher):
    child = people["Ava"]
    services.basis_record(
        actor=worker,
        person=child,
        purpose=Purpose.HUB,
        kind=BasisKind.CONSENT,
        scope=Scope.NAMED_AGENCY,
        agency=nurse.agency,
        given_by="Kerry (mum)",
        evidence="Signed form",
    )
    share = {"actor": worker, "person": child, "purpose": Purpose.HUB, "channel": Channel.OTHER}
    assert services.share_authorise(recipient_user=nurse, **share).outcome == Outcome.SHARED
    with pytest.raises(services.ShareRefused, match="does not cover this recipient"):
        services.share_authorise(recipient_user=teacher, **share)


def test_a_consent_that_has_ended_no_longer_covers_a_share(people, worker, nurse):
    child = people["Ava"]
    services.basis_record(
        actor=worker,
        person=child,
        purpose=Purpose.HUB,
        kind=BasisKind.CONSENT,
        given_by="Kerry",
        evidence="Form",
        starts_on=timezone.localdate() - timedelta(days=90),
        ends_on=timezone.localdate() - timedelta(days=1),
    )
    with pytest.raises(services.ShareRefused, match="ended on"):
        services.share_authorise(
            actor=worker,
            person=child,
            purpose=Purpose.HUB,
            channel=Channel.OTHER,
            recipient_user=nurse,
        )


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"evidence": ""}, "evidence"),
        ({"given_by": ""}, "given_by"),
        ({"purpose": "gossip"}, "purpose"),
        ({"scope": Scope.NAMED_AGENCY}, "agency"),
        ({"ends_on": timezone.localdate() - timedelta(days=3)}, "ends_on"),
    ],
)
def test_bad_input_records_nothing(people, worker, values, field):
    arguments = {
        "purpose": Purpose.EARLY_HELP,
        "kind": BasisKind.CONSENT,
        "given_by": "Kerry",
        "evidence": "Form",
    } | values
    with pytest.raises(DomainError) as error:
        services.basis_record(actor=worker, person=people["Ava"], **arguments)
    assert field in error.value.errors
    assert not SharingBasis.objects.exists()


def test_someone_who_cannot_open_the_person_may_not_record_or_withdraw(
    episode, people, outsider, make_user
):
    from teamaround.accounts.roles import Role
    from teamaround.core.errors import AccessDenied

    commissioner = make_user(Role.COMMISSIONER)
    for actor in (outsider, commissioner):
        with pytest.raises(AccessDenied):
            services.basis_record(
                actor=actor,
                person=people["Ava"],
                purpose=Purpose.HUB,
                kind=BasisKind.COURT_ORDER,
                evidence="x",
            )
        consent = SharingBasis.objects.filter(person=people["Ava"]).first()
        with pytest.raises(AccessDenied):
            services.basis_withdraw(actor=actor, basis=consent, reason="no")
    assert SharingBasis.objects.filter(status=BasisStatus.ACTIVE).count() == 3


def test_a_decision_not_to_share_needs_an_approver_other_than_the_decider(
    episode, people, worker, manager, colleague, social_care_team
):
    from teamaround.accounts.models import Agency

    police = Agency.objects.create(name="Essex Police", kind="police")
    child = people["Jayden"]
    decision = {
        "actor": worker,
        "person": child,
        "purpose": Purpose.SAFEGUARDING,
        "recipient_agency": police,
        "reason": "Sharing would put Jayden at greater risk from his father",
    }
    for approver, message in (
        (None, "Choose the manager"),
        (worker, "Someone other than"),
        (colleague, "team manager or the Data Protection Officer"),
    ):
        with pytest.raises(DomainError, match=message):
            services.withholding_record(approver=approver, **decision)
    with pytest.raises(DomainError, match="more detrimental"):
        services.withholding_record(approver=manager, **(decision | {"reason": " "}))
    assert not Disclosure.objects.filter(outcome=Outcome.WITHHELD).exists()

    entry = services.withholding_record(approver=manager, **decision)
    assert entry.outcome == Outcome.WITHHELD and entry.approved_by == manager
    assert entry.decided_by == worker and entry.recipient_agency == police
    assert "greater risk" in entry.reason


def test_the_ledger_is_append_only_in_the_orm_and_the_database(episode, worker, nurse):
    earlyhelp.taf_member_add(actor=worker, episode=episode, practitioner=nurse, role="health")
    entry = Disclosure.objects.first()
    entry.reason = "changed"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        Disclosure.objects.filter(pk=entry.pk).update(reason="changed")
    with pytest.raises(PermissionError):
        Disclosure.objects.all().delete()
    with pytest.raises(DatabaseError), connection.cursor() as cursor:
        cursor.execute("UPDATE governance_disclosure SET reason = 'changed'")


def test_downloading_the_plan_writes_the_ledger(planned, worker, signed_in, people):
    from django.urls import reverse

    response = signed_in(worker).get(reverse("earlyhelp:plan-pdf", args=[planned.pk]))
    assert response.status_code == 200
    entries = Disclosure.objects.filter(channel=Channel.PLAN_PDF)
    assert {e.person_id for e in entries} == {p.pk for p in people.values()}
    assert all(e.outcome == Outcome.SHARED and e.recipient_user == worker for e in entries)


def test_an_api_read_by_another_agency_writes_the_ledger_and_the_lead_teams_own_does_not(
    planned, worker, nurse, people, api_as
):
    """A TAF member's system reading the episode through the API takes the family's
    information out of TeamAround to another agency: a share per family member, on the
    consent that covers the TAF. The lead team's own reads stay inside it."""
    base = f"/api/v1/early-help/episodes/{planned.pk}/"
    assert api_as(worker).get(base).status_code == 200
    assert not Disclosure.objects.filter(channel=Channel.API_READ).exists()

    earlyhelp.taf_member_add(actor=worker, episode=planned, practitioner=nurse, role="health")
    assert api_as(nurse).get(base).status_code == 200
    assert api_as(nurse).get(f"{base}plan/").status_code == 200
    entries = Disclosure.objects.filter(channel=Channel.API_READ)
    assert {e.person_id for e in entries} == {p.pk for p in people.values()}
    assert sorted({tuple(e.fields) for e in entries}) == [("episode",), ("plan",)]
    for entry in entries:
        assert entry.outcome == Outcome.SHARED and entry.basis_kind == BasisKind.CONSENT
        assert entry.recipient_user == nurse and entry.recipient_agency == nurse.agency
        assert entry.decided_by == nurse and entry.record_id == str(planned.pk)


def test_an_api_read_after_consent_is_withdrawn_is_refused_with_the_reason(
    planned, worker, nurse, people, api_as
):
    earlyhelp.taf_member_add(actor=worker, episode=planned, practitioner=nurse, role="health")
    consent = SharingBasis.objects.get(person=people["Kerry"], purpose=Purpose.EARLY_HELP)
    services.basis_withdraw(actor=worker, basis=consent, reason="Kerry phoned to withdraw")

    response = api_as(nurse).get(f"/api/v1/early-help/episodes/{planned.pk}/")
    assert response.status_code == 403
    assert "withdrawn" in str(response.json())
    refusal = Disclosure.objects.get(channel=Channel.API_READ, person=people["Kerry"])
    assert refusal.outcome == Outcome.REFUSED and refusal.recipient_user == nurse
    assert not Disclosure.objects.filter(channel=Channel.API_READ, outcome=Outcome.SHARED)
    assert api_as(worker).get(f"/api/v1/early-help/episodes/{planned.pk}/").status_code == 200
