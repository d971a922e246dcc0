"""The live safety checks: each check raised (with a task on the team manager's list and
home page) and cleared on the next run when the condition is mended; re-runs idempotent;
the management command and the django-tasks task; who may run them and see the breaches."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied
from teamaround.core.models import WorkItem
from teamaround.socialcare import selectors, services
from teamaround.socialcare.models import SafetyBreach, SafetyStandard
from teamaround.socialcare.services.safety import safety_checks_run
from tests.socialcare.test_looked_after_helpers import to_protection_plan

PLACEMENT = {
    "legal_status": "C2",
    "placement_type": "U4",
    "provider": "PR1",
    "provider_name": "Ms Okafor",
    "postcode": "CM1 2AB",
}


@pytest.fixture
def today():
    return timezone.localdate()


def _open(check):
    return SafetyBreach.objects.filter(kind=check, cleared_at__isnull=True)


def _tasks(manager):
    return WorkItem.objects.filter(
        source_type="socialcare.breach", status="open", assigned_to=manager
    )


def test_no_allocated_worker_is_raised_once_and_cleared_when_allocated(
    receive, worker, manager, today
):
    referral = receive(allocated_worker=None)
    counts = safety_checks_run(actor=SYSTEM)
    assert counts["raised"] >= 1
    breach = _open("no_worker").get()
    assert breach.referral == referral and breach.team == referral.team
    task = _tasks(manager).get(source_id=str(breach.pk))
    assert "No allocated worker" in task.title
    again = safety_checks_run(actor=SYSTEM)
    assert again["raised"] == 0 and again["cleared"] == 0
    assert SafetyBreach.objects.filter(kind="no_worker").count() == 1
    referral.allocated_worker = worker  # allocation (as social care's own reallocation does)
    referral.save()
    cleared = safety_checks_run(actor=SYSTEM)
    assert cleared["cleared"] >= 1
    breach.refresh_from_db()
    assert breach.cleared_at is not None
    task.refresh_from_db()
    assert task.status == "cancelled"


def test_no_known_address_or_placement_is_raised_and_cleared_by_a_placement(
    receive, family, worker, today
):
    from teamaround.people import selectors as people_selectors
    from teamaround.people import services as people_services
    from teamaround.people.models import MemberRole

    lone = people_services.family_create(actor=SYSTEM, name="Hart household")
    child = people_services.person_create(
        actor=SYSTEM,
        family=lone,
        role=MemberRole.CHILD,
        forenames="Rio",
        surname="Hart",
        date_of_birth=today - timedelta(days=3000),
    )
    people_services.involvement_open(
        actor=SYSTEM, family=lone, team=worker.team, reason="Social care"
    )
    referral = receive(family=lone, child=child, received_on=today - timedelta(days=20))
    receive()  # Jayden: his mother's address is the household's
    safety_checks_run(actor=SYSTEM)
    assert [b.referral for b in _open("no_address")] == [referral]
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="assessment",
        reason="x",
        decided_on=referral.received_on,
    )
    referral.refresh_from_db()
    services.care_start(actor=worker, referral=referral, started_on=today, **PLACEMENT)
    safety_checks_run(actor=SYSTEM)
    assert not _open("no_address").exists()
    assert people_selectors  # the address is read through people's selector


def test_a_passed_statutory_date_is_raised_and_cleared_when_met(receive, worker, today):
    referral = receive(received_on=today - timedelta(days=10))  # decision due long ago
    safety_checks_run(actor=SYSTEM)
    breach = _open("no_next_date").get()
    assert "has passed" in breach.detail
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="assessment",
        reason="Assess",
        decided_on=today,
    )
    safety_checks_run(actor=SYSTEM)  # the assessment is due 45 working days on
    assert not _open("no_next_date").exists()


def test_a_missing_episode_without_a_return_conversation_is_raised_and_cleared(
    receive, worker, manager, today
):
    referral = receive(received_on=today - timedelta(days=60))
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="assessment",
        reason="x",
        decided_on=referral.received_on,
    )
    referral.refresh_from_db()
    services.care_start(
        actor=worker, referral=referral, started_on=today - timedelta(days=30), **PLACEMENT
    )
    missing = services.missing_record(
        actor=worker,
        referral=referral,
        missing_on=today - timedelta(days=10),
        returned_on=today - timedelta(days=9),
    )
    safety_checks_run(actor=SYSTEM)
    breach = _open("return_chat").get()
    assert breach.subject_id == str(missing.pk)
    assert _tasks(manager).filter(source_id=str(breach.pk)).exists()
    services.return_conversation_record(
        actor=worker, missing=missing, offered_on=today, response="", held_on=None
    )
    safety_checks_run(actor=SYSTEM)
    assert not _open("return_chat").exists()


def test_a_protection_plan_without_a_visit_in_the_standard_is_raised_and_cleared(
    receive, worker, today
):
    referral = to_protection_plan(receive, worker, today)  # the plan began 20 days ago
    safety_checks_run(actor=SYSTEM)
    breach = _open("cp_visit").get()
    assert "10 working days" in breach.detail
    services.visit_record(
        actor=worker, referral=referral, visited_on=today, seen_alone=True, notes="Seen."
    )
    safety_checks_run(actor=SYSTEM)
    assert not _open("cp_visit").exists()
    assert referral.visits.get().kind == "protection"


def test_the_visit_standard_is_the_councils_data(receive, worker, today):
    to_protection_plan(receive, worker, today)
    SafetyStandard.objects.filter(key="cp_visit").update(working_days=40)
    safety_checks_run(actor=SYSTEM)
    assert not _open("cp_visit").exists()
    assert SafetyStandard.objects.get(key="cp_visit").working_days == 40


def test_the_command_and_the_task_run_the_checks(receive, today):
    receive(allocated_worker=None)
    out = StringIO()
    call_command("safety_checks", stdout=out)
    assert "breaches raised" in out.getvalue()
    assert _open("no_worker").exists()
    out = StringIO()
    call_command("safety_checks", "--enqueue", stdout=out)  # immediate backend in tests
    assert "Queued" in out.getvalue()
    assert SafetyBreach.objects.filter(kind="no_worker").count() == 1


def test_the_manager_sees_breaches_on_the_caseload_and_home_page_and_runs_them(
    receive, manager, other_manager, worker, signed_in
):
    receive(allocated_worker=None)
    browser = signed_in(manager)
    run = browser.post(reverse("socialcare:safety-checks-run"))
    assert run.status_code == 302
    caseload = browser.get(reverse("socialcare:caseload")).content.decode()
    assert "Safety checks" in caseload and "No allocated worker" in caseload
    home = browser.get(reverse("core:home")).content.decode()
    assert "Safety check: No allocated worker" in home
    assert selectors.team_breaches(actor=other_manager).count() == 0
    with pytest.raises(AccessDenied):
        selectors.team_breaches(actor=worker)
    assert signed_in(worker).post(reverse("socialcare:safety-checks-run")).status_code == 403


def test_nobody_but_the_system_runs_the_checks_directly(manager, make_user):
    for actor in (manager, make_user(Role.ADMINISTRATOR, username="admin2")):
        with pytest.raises(AccessDenied):
            safety_checks_run(actor=actor)
