"""Children looked after through the services: becoming looked after (from a child protection
plan, which ends), placements and legal status changing with their SSDA903 reason for the new
episode and the history kept, reviews and visits setting the next due date, and care ending
(a child in need again, or a care leaver at 16 or more)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from teamaround.core.access import SYSTEM
from teamaround.core.errors import Conflict, DomainError, ValidationFailed
from teamaround.core.models import WorkItem
from teamaround.socialcare import selectors, services, timescales
from teamaround.socialcare.models import CarePeriod, CaseStatus, Placement
from teamaround.socialcare.services.looked_after import current_placement

PLACEMENT = {
    "legal_status": "V2",
    "placement_type": "U6",
    "provider": "PR1",
    "provider_name": "Mr and Mrs Carter",
    "postcode": "cm2 9aa",
}


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def assessed(receive, worker, today):
    referral = receive(received_on=today - timedelta(days=200))
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="assessment",
        reason="Assess",
        decided_on=referral.received_on,
    )
    referral.refresh_from_db()
    return referral


@pytest.fixture
def looked_after(assessed, worker, today):
    services.care_start(
        actor=worker, referral=assessed, started_on=today - timedelta(days=150), **PLACEMENT
    )
    assessed.refresh_from_db()
    return assessed


def test_becoming_looked_after_opens_the_period_first_placement_review_and_visit(
    assessed, worker, today
):
    started = today - timedelta(days=150)
    period = services.care_start(actor=worker, referral=assessed, started_on=started, **PLACEMENT)
    assessed.refresh_from_db()
    assert assessed.status == CaseStatus.LOOKED_AFTER
    placement = period.placements.get()
    assert placement.reason_new_episode == "S"
    assert placement.postcode == "CM2 9AA"
    assert placement.next_visit_due == timescales.placement_visit_due(started)
    review = period.reviews.get()
    assert review.number == 1 and review.due_on == timescales.care_review_due(
        started, reviews_held=0
    )
    titles = set(
        WorkItem.objects.filter(source_id=str(assessed.pk), status="open").values_list(
            "title", flat=True
        )
    )
    assert any("looked-after review 1" in t for t in titles)
    assert any("Visit the child" in t for t in titles)
    assert assessed.events.filter(kind="care_start").exists()
    with pytest.raises(Conflict):
        services.care_start(actor=worker, referral=assessed, started_on=started, **PLACEMENT)


def test_bad_input_names_each_field_and_changes_nothing(assessed, worker, today):
    with pytest.raises(ValidationFailed) as refused:
        services.care_start(
            actor=worker,
            referral=assessed,
            started_on=today + timedelta(days=1),
            legal_status="ZZ",
            placement_type="",
            provider="PR9",
            provider_name=" ",
            postcode="not a postcode",
        )
    assert set(refused.value.errors) == {
        "started_on",
        "legal_status",
        "placement_type",
        "provider",
        "provider_name",
        "postcode",
    }
    assert not CarePeriod.objects.exists()


def test_a_child_on_a_protection_plan_who_becomes_looked_after_leaves_the_plan(
    receive, worker, today
):
    from tests.socialcare.test_looked_after_helpers import to_protection_plan

    referral = to_protection_plan(receive, worker, today)
    assert referral.status == CaseStatus.CHILD_PROTECTION
    services.care_start(
        actor=worker, referral=referral, started_on=today - timedelta(days=1), **PLACEMENT
    )
    referral.refresh_from_db()
    plan = referral.plans.get()
    assert plan.end_reason == "looked_after" and plan.ended_on == today - timedelta(days=1)
    assert referral.status == CaseStatus.LOOKED_AFTER
    assert not referral.conferences.filter(held_on__isnull=True, archived_at__isnull=True).exists()


@pytest.mark.parametrize(
    ("change", "same_carer", "reason"),
    [
        ({"provider_name": "Oak House", "placement_type": "K2", "provider": "PR4"}, False, "P"),
        ({"postcode": "CM3 1AA"}, True, "U"),
        ({"legal_status": "C1"}, False, "L"),
        ({"legal_status": "C2", "provider_name": "Oak House"}, False, "T"),
        ({"legal_status": "C2", "postcode": "CM3 1AA"}, True, "B"),
    ],
)
def test_a_change_is_a_new_episode_with_its_reason_and_the_history_kept(
    looked_after, worker, today, change, same_carer, reason
):
    period = looked_after.care_periods.get()
    values = {**PLACEMENT, **change}
    placement = services.placement_change(
        actor=worker,
        period=period,
        started_on=today - timedelta(days=10),
        same_carer=same_carer,
        **values,
    )
    assert placement.reason_new_episode == reason
    rows = list(Placement.objects.filter(period=period).order_by("started_on"))
    assert len(rows) == 2
    assert rows[0].ended_on == today - timedelta(days=10) and rows[0].reason_ceased == "X1"
    assert rows[1] == current_placement(period)
    period.refresh_from_db()
    assert period.legal_status == values["legal_status"]
    if reason == "L":  # the child has not moved: the visits carry on from the placement
        assert placement.next_visit_due == rows[0].history.earliest().next_visit_due
    else:
        assert placement.next_visit_due == timescales.placement_visit_due(placement.started_on)


def test_nothing_changed_is_refused(looked_after, worker, today):
    with pytest.raises(DomainError):
        services.placement_change(
            actor=worker,
            period=looked_after.care_periods.get(),
            started_on=today,
            **PLACEMENT,
        )


def test_reviews_are_numbered_and_each_sets_the_next(looked_after, worker, today):
    period = looked_after.care_periods.get()
    first = period.reviews.get()
    held = today - timedelta(days=130)
    services.care_review_record(actor=worker, review=first, held_on=held, chair="IRO Jones")
    second = period.reviews.get(number=2)
    assert second.due_on == timescales.care_review_due(
        period.started_on, reviews_held=1, last_review_on=held
    )
    services.care_review_record(
        actor=worker, review=second, held_on=today - timedelta(days=40), chair="IRO Jones"
    )
    third = period.reviews.get(number=3)
    assert third.due_on == timescales.working_day_on_or_before(
        timescales.months_after(today - timedelta(days=40), 6)
    )
    with pytest.raises(Conflict):
        services.care_review_record(actor=worker, review=first, held_on=held, chair="IRO")


def test_a_visit_sets_the_next_one_by_reg_28(looked_after, worker, today):
    services.visit_record(
        actor=worker,
        referral=looked_after,
        visited_on=today - timedelta(days=3),
        seen_alone=True,
        notes="Settled; likes the dog.",
    )
    placement = current_placement(looked_after.care_periods.get())
    assert placement.next_visit_due == timescales.placement_visit_due(
        placement.started_on, today - timedelta(days=3)
    )
    visit = looked_after.visits.get()
    assert visit.kind == "looked_after" and visit.placement == placement


def test_the_timeliness_shows_review_and_visit(looked_after):
    labels = {row.label: row for row in selectors.case_timeliness(looked_after)}
    assert labels["Looked-after review 1"].colour == "red"  # 20 working days long past
    assert labels["Placement visit"].colour == "red"


def test_care_ends_a_child_in_need_or_a_care_leaver(looked_after, worker, today, family):
    period = looked_after.care_periods.get()
    services.care_end(actor=worker, period=period, ended_on=today, reason="E4A")
    looked_after.refresh_from_db()
    assert looked_after.status == CaseStatus.CHILD_IN_NEED  # Jayden is 11
    period.refresh_from_db()
    assert period.reason_ceased == "E4A"
    assert period.placements.get().reason_ceased == "E4A"
    assert not period.reviews.filter(archived_at__isnull=True, held_on__isnull=True).exists()
    assert not WorkItem.objects.filter(
        source_id=str(looked_after.pk), source_type="socialcare.visit", status="open"
    ).exists()
    with pytest.raises(Conflict):
        services.care_end(actor=worker, period=period, ended_on=today, reason="E4A")


def test_at_16_or_more_care_ends_in_a_care_leaver(receive, worker, family, today):
    from teamaround.people import services as people_services
    from teamaround.people.models import MemberRole

    older = people_services.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Tyler",
        surname="Whitmore",
        date_of_birth=date(today.year - 17, 1, 1),
    )
    referral = receive(child=older, received_on=today - timedelta(days=30))
    services.referral_decide(
        actor=worker, referral=referral, decision="assessment", reason="x", decided_on=today
    )
    period = services.care_start(actor=worker, referral=referral, started_on=today, **PLACEMENT)
    services.care_end(actor=worker, period=period, ended_on=today, reason="E6")
    referral.refresh_from_db()
    assert referral.status == CaseStatus.CARE_LEAVER


def test_a_looked_after_case_cannot_be_closed_until_care_ends(looked_after, worker):
    with pytest.raises(DomainError):
        services.case_close(actor=worker, referral=looked_after, closure_reason="RC7")
