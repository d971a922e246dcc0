"""Child in need plans held by a Family Help lead practitioner of any agency, reviewed at the
council's interval (data: 65 working days unless the council sets another), red/amber/green
on the case and the caseload; the lead reads the case and records reviews while they lead
it; nobody else outside the case's team may."""

from datetime import date

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied, Conflict, DomainError, ValidationFailed
from teamaround.core.models import WorkItem
from teamaround.socialcare import selectors, services
from teamaround.socialcare.models import CaseEvent, SafetyStandard
from teamaround.socialcare.services import cin


@pytest.fixture
def in_need(receive, worker):
    referral = receive(received_on=date(2025, 11, 3))
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="assessment",
        reason="Needs",
        decided_on=date(2025, 11, 3),
    )
    referral.refresh_from_db()
    referral.status = "child_in_need"  # the assessment's outcome, tested elsewhere
    referral.save(update_fields=["status"])
    return referral


def test_the_review_is_due_at_the_councils_interval_across_christmas(in_need, worker, teacher):
    assert SafetyStandard.objects.get(key="cin_review").working_days == 65
    plan = cin.cin_plan_start(
        actor=worker, referral=in_need, lead_practitioner=teacher, started_on=date(2025, 11, 3)
    )
    # 65 working days from Monday 3 November 2025, with 25, 26 December and 1 January out.
    assert plan.next_review_due == date(2026, 2, 5)
    item = WorkItem.objects.get(source_type="socialcare.cin_review", status="open")
    assert item.due_on == date(2026, 2, 5)
    assert CaseEvent.objects.filter(referral=in_need, kind="cin_plan").exists()
    rows = {t.label: t for t in selectors.case_timeliness(in_need, today=date(2026, 2, 6))}
    assert rows["Child in need plan review"].colour == "red"
    SafetyStandard.objects.filter(key="cin_review").update(working_days=30)
    review = cin.cin_review_record(
        actor=teacher, plan=plan, held_on=date(2025, 12, 1), summary="Going well."
    )
    plan.refresh_from_db()
    assert review.due_on == date(2026, 2, 5)
    # 30 working days from 1 December 2025, across Christmas and New Year.
    assert plan.next_review_due == date(2026, 1, 15)


def test_the_lead_of_any_agency_reads_the_case_and_reviews_it(in_need, worker, teacher, outsider):
    assert teacher.has_perm("socialcare.view_case", in_need)  # the school is involved
    assert not outsider.has_perm("socialcare.view_case", in_need)
    plan = cin.cin_plan_start(actor=worker, referral=in_need, lead_practitioner=outsider)
    assert outsider.has_perm("socialcare.view_case", in_need)
    assert not outsider.has_perm("socialcare.change_case", in_need)
    with pytest.raises(AccessDenied):
        cin.cin_review_record(actor=teacher, plan=plan, held_on=date.today(), summary="x")
    cin.cin_review_record(actor=outsider, plan=plan, held_on=date.today(), summary="Better.")


def test_who_may_not_start_a_plan_and_bad_input(
    in_need, worker, teacher, other_worker, make_user, receive
):
    for actor in (teacher, other_worker):
        with pytest.raises(AccessDenied):
            cin.cin_plan_start(actor=actor, referral=in_need, lead_practitioner=teacher)
    analyst = make_user(Role.DATA_ANALYST, team=teacher.team, username="analyst")
    with pytest.raises(DomainError):
        cin.cin_plan_start(actor=worker, referral=in_need, lead_practitioner=analyst)
    with pytest.raises(ValidationFailed):
        cin.cin_plan_start(
            actor=worker, referral=in_need, lead_practitioner=teacher, started_on=date(2099, 1, 1)
        )
    plan = cin.cin_plan_start(actor=worker, referral=in_need, lead_practitioner=teacher)
    with pytest.raises(Conflict):
        cin.cin_plan_start(actor=worker, referral=in_need, lead_practitioner=teacher)
    with pytest.raises(ValidationFailed):
        cin.cin_review_record(actor=worker, plan=plan, held_on=None, summary="")
    with pytest.raises(DomainError):  # not a child in need
        cin.cin_plan_start(actor=worker, referral=receive(), lead_practitioner=teacher)


def test_the_plan_through_the_pages(in_need, worker, teacher, signed_in):
    client = signed_in(worker)
    case_url = reverse("socialcare:case", args=[in_need.pk])
    start_url = reverse("socialcare:cin-plan-start", args=[in_need.pk])
    assert start_url in client.get(case_url).content.decode()
    assert client.post(start_url, {"lead_practitioner": ""}).status_code == 200
    assert client.post(start_url, {"lead_practitioner": str(teacher.pk)}).status_code == 302
    plan = in_need.cin_plans.get()
    review_url = reverse("socialcare:cin-review", args=[in_need.pk, plan.pk])
    client = signed_in(teacher)
    assert review_url in client.get(case_url).content.decode()
    done = client.post(review_url, {"held_on": date.today().isoformat(), "summary": "Fine"})
    assert done.status_code == 302 and plan.reviews.count() == 1
