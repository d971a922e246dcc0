"""A looked-after child missing from placement (recorded, or brought in from the Hub's police
notification through the Hub's selector), sent to the allocated social worker, with the
return conversation offered, accepted or declined, and held; and the care leaver's pathway
plan and personal adviser. Who must not see or change them, through the HTTP client."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditEvent, WorkItem
from teamaround.frontdoor import services as frontdoor_services
from teamaround.people import services as people_services
from teamaround.socialcare import selectors, services, timescales
from teamaround.socialcare.models import MissingFromCare, PathwayPlan

PLACEMENT = {
    "legal_status": "C2",
    "placement_type": "U4",
    "provider": "PR1",
    "provider_name": "Ms Okafor",
    "postcode": "CM1 2AB",
}


def _date(field, day):
    return {f"{field}_day": day.day, f"{field}_month": day.month, f"{field}_year": day.year}


@pytest.fixture
def today():
    return timezone.localdate()


def _in_care(referral, worker, started):
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="assessment",
        reason="Assess",
        decided_on=referral.received_on,
    )
    referral.refresh_from_db()
    services.care_start(actor=worker, referral=referral, started_on=started, **PLACEMENT)
    referral.refresh_from_db()
    return referral


@pytest.fixture
def in_care(receive, worker, today):
    return _in_care(
        receive(received_on=today - timedelta(days=100)), worker, today - timedelta(days=60)
    )


def _notify(number, hours_ago=30, returned=True):
    gone = timezone.now() - timedelta(hours=hours_ago)
    values = {
        "notification_id": f"MP-{number:05d}",
        "forenames": "Jayden",
        "surname": "Whitmore",
        "date_of_birth": date(2015, 4, 9),
        "reported_missing_at": gone,
        "returned_at": gone + timedelta(hours=6) if returned else None,
        "risk_grade": "medium",
        "postcode": "CM1 1QH",
    }
    return frontdoor_services.missing_notification_receive(actor=SYSTEM, values=values)[0]


def test_a_missing_episode_goes_to_the_allocated_worker_with_a_conversation_to_offer(
    in_care, worker, today
):
    missing = services.missing_record(
        actor=worker,
        referral=in_care,
        missing_on=today - timedelta(days=2),
        returned_on=today - timedelta(days=1),
    )
    item = WorkItem.objects.get(source_type="socialcare.missing", status="open")
    assert item.assigned_to == worker and "return conversation" in item.title
    row = next(r for r in selectors.case_timeliness(in_care) if "Return conversation" in r.label)
    assert row.done_on is None
    services.return_conversation_record(
        actor=worker,
        missing=missing,
        offered_on=today - timedelta(days=1),
        response="accepted",
        held_on=today,
    )
    missing.refresh_from_db()
    assert missing.conversation_held_on == today
    assert not WorkItem.objects.filter(source_type="socialcare.missing", status="open").exists()
    with pytest.raises(Conflict):
        services.return_conversation_record(
            actor=worker, missing=missing, offered_on=today, response="declined", held_on=None
        )


def test_a_declined_conversation_is_not_held(in_care, worker, today):
    missing = services.missing_record(
        actor=worker, referral=in_care, missing_on=today, returned_on=today
    )
    with pytest.raises(ValidationFailed) as refused:
        services.return_conversation_record(
            actor=worker, missing=missing, offered_on=today, response="declined", held_on=today
        )
    assert "held_on" in refused.value.errors
    services.return_conversation_record(
        actor=worker, missing=missing, offered_on=today, response="declined", held_on=None
    )
    missing.refresh_from_db()
    assert missing.conversation_response == "declined"


def test_missing_is_only_for_a_looked_after_child_in_care(receive, worker, today):
    referral = receive()
    with pytest.raises(DomainError):
        services.missing_record(actor=worker, referral=referral, missing_on=today, returned_on=None)


def test_the_hubs_police_notification_is_brought_in_once(in_care, worker):
    # An import links a child on name and date of birth only with the postcode as well (the
    # child's own address: the family's is recorded against Kerry here).
    people_services.person_address_add(
        actor=SYSTEM, person=in_care.child, line_1="1 High Street", postcode="CM1 1QH"
    )
    episode = _notify(1)
    assert episode.person_id == in_care.child_id  # the Hub matched Jayden
    made = services.missing_from_hub(actor=SYSTEM, referral=in_care)
    assert [m.notification_id for m in made] == [episode.pk]
    assert services.missing_from_hub(actor=SYSTEM, referral=in_care) == []
    assert (
        MissingFromCare.objects.get().missing_on
        == timezone.localtime(episode.reported_missing_at).date()
    )
    item = WorkItem.objects.get(source_type="socialcare.missing", status="open")
    assert item.assigned_to == worker


def test_the_worker_brings_in_notifications_from_the_looked_after_page(in_care, worker, signed_in):
    people_services.person_address_add(
        actor=SYSTEM, person=in_care.child, line_1="1 High Street", postcode="CM1 1QH"
    )
    _notify(2)
    browser = signed_in(worker)
    page = browser.get(reverse("socialcare:looked-after", args=[in_care.pk])).content.decode()
    url = reverse("socialcare:missing-from-hub", args=[in_care.pk])
    assert url in page
    response = browser.post(url)
    assert response.status_code == 302
    missing = MissingFromCare.objects.get()
    page = browser.get(response.url).content.decode()
    conversation = reverse("socialcare:missing-conversation", args=[in_care.pk, missing.pk])
    assert "Police notification (Hub)" in page and conversation in page
    today = timezone.localdate()
    bad = browser.post(conversation, {"response": "accepted"})
    assert 'href="#id_offered_on_day"' in bad.content.decode()
    done = browser.post(
        conversation,
        {**_date("offered_on", today), "response": "accepted", **_date("held_on", today)},
    )
    assert done.status_code == 302
    missing.refresh_from_db()
    assert missing.conversation_response == "accepted"


def test_strangers_cannot_see_or_change_missing_or_the_pathway_plan(
    in_care, worker, make_user, signed_in, client, teacher, today
):
    missing = services.missing_record(
        actor=worker, referral=in_care, missing_on=today, returned_on=None
    )
    urls = [
        reverse("socialcare:missing-new", args=[in_care.pk]),
        reverse("socialcare:missing-conversation", args=[in_care.pk, missing.pk]),
        reverse("socialcare:pathway-plan", args=[in_care.pk]),
        reverse("socialcare:pathway-start", args=[in_care.pk]),
        reverse("socialcare:pathway-review", args=[in_care.pk]),
    ]
    for url in urls:
        assert reverse("accounts:sign-in") in client.get(url).url
    for stranger in (
        make_user(Role.PRACTITIONER, username="gp"),
        make_user(Role.COMMISSIONER, username="commissioner"),
    ):
        browser = signed_in(stranger)
        for url in urls:
            assert browser.get(url).status_code == 403
        assert (
            browser.post(reverse("socialcare:missing-from-hub", args=[in_care.pk])).status_code
            == 403
        )
        assert AuditEvent.objects.filter(actor=stranger, action="refused").exists()
    partner = signed_in(teacher)
    assert partner.get(urls[2]).status_code == 200
    posted = partner.post(urls[1], {**_date("offered_on", today), "response": "declined"})
    assert posted.status_code == 403
    assert partner.post(urls[3], {"personal_adviser": "Me"}).status_code == 403
    missing.refresh_from_db()
    assert missing.conversation_offered_on is None and not PathwayPlan.objects.exists()


@pytest.fixture
def older(family, today):
    from teamaround.people import services as people_services
    from teamaround.people.models import MemberRole

    return people_services.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Tyler",
        surname="Whitmore",
        date_of_birth=date(today.year - 16, 1, 15),
    )


def test_the_pathway_plan_is_due_before_16y3m_then_reviewed_every_6_months(
    receive, worker, manager, older, today, signed_in
):
    referral = _in_care(
        receive(child=older, received_on=today - timedelta(days=100)),
        worker,
        today - timedelta(days=50),
    )
    browser = signed_in(worker)
    case_page = browser.get(reverse("socialcare:case", args=[referral.pk])).content.decode()
    plan_url = reverse("socialcare:pathway-plan", args=[referral.pk])
    assert plan_url in case_page
    assert (
        reverse("socialcare:pathway-start", args=[referral.pk])
        in browser.get(plan_url).content.decode()
    )
    bad = browser.post(
        reverse("socialcare:pathway-start", args=[referral.pk]), {"personal_adviser": ""}
    )
    assert 'href="#id_personal_adviser"' in bad.content.decode()
    browser.post(
        reverse("socialcare:pathway-start", args=[referral.pk]), {"personal_adviser": "Priya Shah"}
    )
    plan = PathwayPlan.objects.get()
    assert plan.due_on == timescales.pathway_plan_due(older.date_of_birth)
    done = browser.post(
        reverse("socialcare:pathway-review", args=[referral.pk]),
        {**_date("reviewed_on", today - timedelta(days=5)), "personal_adviser": "Priya Shah"},
    )
    assert done.status_code == 302
    plan.refresh_from_db()
    assert plan.completed_on == today - timedelta(days=5)
    assert plan.next_review_due == timescales.pathway_review_due(today - timedelta(days=5))
    services.pathway_plan_review(
        actor=worker, plan=plan, reviewed_on=today, personal_adviser="Jo Bloggs"
    )
    plan.refresh_from_db()
    assert plan.last_reviewed_on == today and plan.personal_adviser == "Jo Bloggs"
    assert plan.next_review_due == timescales.pathway_review_due(today)
    # Care ends at 16 or more: a care leaver, whose caseload row is the pathway review.
    services.care_end(actor=worker, period=referral.care_periods.get(), ended_on=today, reason="E6")
    referral.refresh_from_db()
    assert referral.status == "care_leaver"
    board = selectors.caseload(actor=manager)
    row = next(c for c in board["cases"] if c["pk"] == referral.pk)
    assert row["next"].label == "Pathway plan review"


def test_a_pathway_plan_is_for_a_child_who_is_or_was_looked_after_and_15_or_more(
    in_care, worker, receive, older, today
):
    with pytest.raises(DomainError):  # Jayden is 11
        services.pathway_plan_start(actor=worker, referral=in_care, personal_adviser="PA")
    not_in_care = receive(child=older)
    with pytest.raises(DomainError):
        services.pathway_plan_start(actor=worker, referral=not_in_care, personal_adviser="PA")
