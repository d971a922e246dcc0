"""Allocation and oversight: a manager transfers a case with a hand-over note (kept, seen by
both workers and both managers, the new worker given it as a task and the case's open work);
management oversight entries are dated and signed by a manager of the case's team, shown on
the case and its timeline; nobody else may sign or transfer."""

from datetime import date

import pytest
from django.urls import reverse

from teamaround.core.errors import AccessDenied, DomainError, ValidationFailed
from teamaround.core.models import WorkItem
from teamaround.socialcare.models import CaseEvent
from teamaround.socialcare.selectors import oversight as oversight_selectors
from teamaround.socialcare.services import oversight


def test_a_transfer_keeps_the_note_and_gives_the_new_worker_the_case(
    referral, worker, manager, other_worker, other_manager, colleague
):
    assert WorkItem.objects.filter(assigned_to=worker, status="open").exists()
    with pytest.raises(ValidationFailed):
        oversight.case_transfer(actor=manager, referral=referral, worker=other_worker, note=" ")
    with pytest.raises(DomainError):
        oversight.case_transfer(actor=manager, referral=referral, worker=worker, note="x")
    transfer = oversight.case_transfer(
        actor=manager, referral=referral, worker=other_worker, note="Dad is not to be told."
    )
    referral.refresh_from_db()
    assert referral.allocated_worker == other_worker and referral.team == other_worker.team
    assert transfer.from_worker == worker and transfer.from_team == worker.team
    assert not WorkItem.objects.filter(assigned_to=worker, status="open").exists()
    assert WorkItem.objects.filter(
        assigned_to=other_worker, status="open", source_type="socialcare.transfer"
    ).exists()
    assert WorkItem.objects.filter(
        assigned_to=other_worker, status="open", source_type="socialcare.decision"
    ).exists()
    assert CaseEvent.objects.filter(referral=referral, kind="reallocated").exists()
    for party in (worker, other_worker, manager, other_manager):
        assert list(oversight_selectors.transfers_for(actor=party)) == [transfer]
    assert not oversight_selectors.transfers_for(actor=colleague).exists()


def test_only_a_manager_of_the_case_team_transfers(
    referral, worker, colleague, other_manager, teacher, outsider, other_worker, make_user
):
    for actor in (worker, colleague, other_manager, teacher, outsider):
        with pytest.raises(AccessDenied):
            oversight.case_transfer(actor=actor, referral=referral, worker=other_worker, note="x")


def test_a_transfer_goes_to_a_social_worker_in_social_care(referral, manager, teacher):
    with pytest.raises(DomainError):
        oversight.case_transfer(actor=manager, referral=referral, worker=teacher, note="x")


def test_oversight_is_signed_by_a_manager_and_dated(referral, manager):
    with pytest.raises(ValidationFailed) as bad:
        oversight.oversight_record(
            actor=manager, referral=referral, text="", recorded_on=date(2099, 1, 1)
        )
    assert {"text", "recorded_on"} <= set(bad.value.errors)
    entry = oversight.oversight_record(
        actor=manager, referral=referral, text="Strategy discussion today."
    )
    assert entry.signed_by == manager and "Team manager" in entry.signed_as
    event = CaseEvent.objects.get(referral=referral, kind="oversight")
    assert "signed by" in event.summary and "Strategy" not in event.summary


def test_a_non_manager_cannot_sign_oversight(
    referral, worker, colleague, other_manager, teacher, outsider
):
    for actor in (worker, colleague, other_manager, teacher, outsider):
        with pytest.raises(AccessDenied):
            oversight.oversight_record(actor=actor, referral=referral, text="Signed")


def test_oversight_and_transfer_through_the_pages(
    referral, manager, worker, other_worker, signed_in, client
):
    tm = signed_in(manager)
    case_url = reverse("socialcare:case", args=[referral.pk])
    new_url = reverse("socialcare:oversight-new", args=[referral.pk])
    transfer_url = reverse("socialcare:transfer", args=[referral.pk])
    page = tm.get(case_url).content.decode()
    assert new_url in page and transfer_url in page
    assert tm.post(new_url, {"text": ""}).status_code == 200
    assert tm.post(new_url, {"text": "Visit within 5 days."}).status_code == 302
    assert "Visit within 5 days." in tm.get(case_url).content.decode()
    sw = signed_in(worker)
    page = sw.get(case_url).content.decode()
    assert "Visit within 5 days." in page and new_url not in page
    assert sw.post(new_url, {"text": "Mine"}).status_code == 403
    client.logout()
    assert client.post(new_url, {"text": "x"}).status_code == 302  # anonymous: to sign in
    assert referral.oversight.count() == 1
    tm = signed_in(manager)  # one test client: signing in again switches user
    assert tm.post(transfer_url, {"worker": str(other_worker.pk), "note": ""}).status_code == 200
    done = tm.post(transfer_url, {"worker": str(other_worker.pk), "note": "Read the plan."})
    assert done.status_code == 302
    transfers = reverse("socialcare:transfers")
    sw = signed_in(worker)
    assert transfers in sw.get(reverse("socialcare:home")).content.decode()
    assert "Read the plan." in sw.get(transfers).content.decode()
