"""Every route of a police missing notification: a child open to social care (a task for the
allocated worker, or their team), a child not open (into the Hub queue), a child not yet known
(recorded), under 10 (scrutiny), a 17-year-old (a return conversation within 72 hours), a
repeat episode; the API, follow-up pages, and a social worker's review at level 3-4."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.errors import ValidationFailed
from teamaround.core.models import WorkItem
from teamaround.frontdoor import services
from teamaround.frontdoor.models import (
    ConversationOutcome,
    MissingEpisode,
    MissingRoute,
    RequestSource,
    RequestStatus,
)
from teamaround.people.models import Person

pytestmark = pytest.mark.django_db


def years_ago(years: int, days: int = 30) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=days)


@pytest.fixture
def notify(screener):
    counter = iter(range(1, 1000))

    def send(
        forenames="Jayden",
        surname="Whitmore",
        born=date(2015, 4, 9),
        hours_ago=30,
        returned=True,
        **extra,
    ):
        gone = timezone.now() - timedelta(hours=hours_ago)
        values = {
            "notification_id": extra.pop("notification_id", f"MP-{next(counter):05d}"),
            "forenames": forenames,
            "surname": surname,
            "date_of_birth": born,
            "reported_missing_at": gone,
            "returned_at": gone + timedelta(hours=6) if returned else None,
            "risk_grade": "medium",
            "postcode": "CM1 1QH",
            **extra,
        }
        return services.missing_notification_receive(actor=screener, values=values)

    return send


def test_a_child_open_to_social_care_goes_to_the_allocated_worker(
    notify, known_child, social_care_team, make_user
):
    worker = make_user(Role.SOCIAL_WORKER, team=social_care_team)
    known_child(team=social_care_team, lead_worker=worker)
    episode, created = notify()
    assert created and episode.matched_known_child
    assert episode.route == MissingRoute.ALLOCATED_WORKER and episode.screening_request is None
    task = WorkItem.objects.get(source_id=str(episode.pk))
    assert task.assigned_to == worker and task.team == social_care_team
    assert "Whitmore" not in task.title


def test_without_a_lead_worker_the_task_goes_to_the_team(
    notify, known_child, social_care_team, make_user, signed_in
):
    known_child(team=social_care_team)
    episode, _ = notify()
    task = WorkItem.objects.get(source_id=str(episode.pk))
    assert task.assigned_to is None and task.team == social_care_team
    colleague = make_user(Role.SOCIAL_WORKER, team=social_care_team)
    assert signed_in(colleague).get(task.link).status_code == 200


def test_a_child_not_open_to_social_care_is_screened_by_the_hub(notify, known_child, screener):
    family, child = known_child()
    episode, _ = notify(risk_grade="high", where_found="Southend seafront")
    request = episode.screening_request
    assert episode.route == MissingRoute.HUB_SCREENING and episode.person == child
    assert request.source == RequestSource.MISSING_EPISODE
    assert request.status == RequestStatus.SUBMITTED and request.safeguarding_concern
    assert "Southend seafront" in request.concern and request.family == family
    from teamaround.frontdoor.selectors import hub_queue

    assert request in hub_queue(actor=screener)


def test_an_unknown_child_is_recorded_once_even_when_notified_twice(notify, chelmsford):
    before = Person.objects.count()
    first, _ = notify(forenames="Kai", surname="Brennan", born=years_ago(14))
    second, _ = notify(forenames="Kai", surname="Brennan", born=years_ago(14), hours_ago=10)
    assert not first.matched_known_child and second.matched_known_child
    assert Person.objects.count() == before + 1 and first.person == second.person


def test_a_17_year_old_who_returned_is_offered_a_return_conversation_within_72_hours(
    notify, signed_in, screener
):
    episode, _ = notify(forenames="Leah", surname="Okafor", born=years_ago(17))
    conversation = episode.return_conversation
    assert episode.age_when_missing == 17
    assert conversation.due_by == episode.returned_at + timedelta(hours=72)
    assert not episode.needs_scrutiny
    client = signed_in(screener)
    assert "Leah" in client.get(reverse("frontdoor:return-conversations")).content.decode()
    response = client.post(
        reverse("frontdoor:missing-detail", args=[episode.pk]),
        {"conversation-outcome": "accepted", "conversation-notes": "Booked"},
    )
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.outcome == ConversationOutcome.ACCEPTED and conversation.offered_in_time
    not_back, _ = notify(forenames="Zane", surname="Okafor", born=years_ago(15), returned=False)
    assert not hasattr(not_back, "return_conversation") or not_back.return_conversation is None


def test_a_child_under_10_goes_to_the_missing_coordinators_scrutiny_list(
    notify, signed_in, hub_manager
):
    episode, _ = notify(forenames="Poppy", surname="Vance", born=years_ago(8))
    assert episode.needs_scrutiny and episode.age_when_missing == 8
    assert not MissingEpisode.objects.filter(pk=episode.pk, return_conversation__isnull=False)
    client = signed_in(hub_manager)
    assert "Poppy" in client.get(reverse("frontdoor:missing-scrutiny")).content.decode()
    empty = client.post(
        reverse("frontdoor:missing-detail", args=[episode.pk]), {"scrutiny-notes": ""}
    )
    assert "Record what the scrutiny found." in empty.content.decode()
    client.post(
        reverse("frontdoor:missing-detail", args=[episode.pk]),
        {"scrutiny-notes": "Left a family party; no concerns at home"},
    )
    episode.refresh_from_db()
    assert episode.scrutinised_at and episode.scrutinised_by == hub_manager


def test_three_episodes_in_ninety_days_are_flagged_as_repeat(notify, known_child):
    known_child()
    first, _ = notify(hours_ago=24 * 80)
    second, _ = notify(hours_ago=24 * 40)
    third, _ = notify(hours_ago=24 * 2)
    assert [e.episodes_in_90_days for e in (first, second, third)] == [1, 2, 3]
    assert not second.is_repeat and third.is_repeat
    assert "Repeat: 3 episodes in 90 days" in third.screening_request.concern
    assert third.screening_request.is_re_referral


def test_a_missing_episode_at_level_3_or_4_needs_a_hub_social_workers_review(
    notify, known_child, screener, hub_social_worker, level, social_care_team
):
    known_child()
    episode, _ = notify()
    request = episode.screening_request
    with pytest.raises(ValidationFailed) as failed:
        services.hub_decision_record(
            actor=screener,
            request=request,
            level=level(4),
            route="social_care",
            rationale="Exploitation risk",
            receiving_team=social_care_team,
        )
    assert "Hub social worker" in failed.value.errors["level"][0]
    services.request_review_ask(actor=screener, request=request, social_worker=hub_social_worker)
    decision = services.hub_decision_record(
        actor=hub_social_worker,
        request=request,
        level=level(4),
        route="social_care",
        rationale="Exploitation risk",
        receiving_team=social_care_team,
    )
    assert decision.hand_over.receiving_team == social_care_team
    # The family is now open to social care, so the next episode goes to that team.
    assert notify()[0].route == MissingRoute.ALLOCATED_WORKER
    low = notify(forenames="Mason", surname="Reed", born=years_ago(13))[0].screening_request
    services.hub_decision_record(
        actor=screener,
        request=low,
        level=level(2),
        route="advice_signposting",
        rationale="Low",
        other_services="Youth club",
    )


def test_the_api_receives_a_notification_once(api_as, school_lead, make_user, chelmsford):
    police = make_user(Role.PRACTITIONER, team__agency__kind="police")
    payload = {
        "notification_id": "EP-77",
        "forenames": "Rhys",
        "surname": "Dunmore",
        "date_of_birth": str(years_ago(12)),
        "reported_missing_at": (timezone.now() - timedelta(hours=5)).isoformat(),
        "risk_grade": "low",
    }
    assert (
        api_as(school_lead)
        .post("/api/v1/hub/missing-notifications/", payload, format="json")
        .status_code
        == 403
    )
    bad = api_as(police).post(
        "/api/v1/hub/missing-notifications/",
        payload | {"returned_at": (timezone.now() - timedelta(hours=9)).isoformat()},
        format="json",
    )
    assert bad.status_code == 400 and "returned_at" in bad.json()
    first = api_as(police).post("/api/v1/hub/missing-notifications/", payload, format="json")
    again = api_as(police).post("/api/v1/hub/missing-notifications/", payload, format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert MissingEpisode.objects.filter(notification_id="EP-77").count() == 1
    assert api_as(police).get("/api/v1/hub/missing-notifications/").status_code == 403


def test_the_deadline_is_one_working_day_from_arrival_over_a_bank_holiday_weekend(
    notify, known_child, social_care_team, make_user
):
    """Received on the Thursday before Easter 2026 (Good Friday and Easter Monday are bank
    holidays): the Hub's screening request and the allocated worker's task are both due on
    Tuesday 7 April, one working day later; the return conversation 72 hours after return."""
    from datetime import datetime
    from unittest import mock
    from zoneinfo import ZoneInfo

    from teamaround.frontdoor.services.lifecycle import HUB_RESPONSE_WORKING_DAYS

    assert HUB_RESPONSE_WORKING_DAYS == 1
    arrived = datetime(2026, 4, 2, 17, 30, tzinfo=ZoneInfo("Europe/London"))
    worker = make_user(Role.SOCIAL_WORKER, team=social_care_team)
    known_child(team=social_care_team, lead_worker=worker)
    known_child(forenames="Leah", surname="Okafor", born=date(2010, 1, 5))
    with mock.patch("django.utils.timezone.now", return_value=arrived):
        allocated, _ = notify()
        screened, _ = notify(forenames="Leah", surname="Okafor", born=date(2010, 1, 5))
    assert WorkItem.objects.get(source_id=str(allocated.pk)).due_on == date(2026, 4, 7)
    assert screened.screening_request.due_on == date(2026, 4, 7)
    conversation = screened.return_conversation
    assert conversation.due_by == screened.returned_at + timedelta(hours=72)
