"""Child protection: strategy discussion (police, health, education and social care must be
recorded), section 47, the initial conference due 15 working days after the strategy
discussion, the plan with its categories, reviews within 3 then 6 months, and stepping
between child protection and child in need (Family Help) and back, then down and closed."""

from datetime import date

import pytest

from teamaround.core.errors import AccessDenied, Conflict, DomainError, ValidationFailed
from teamaround.core.models import WorkItem
from teamaround.socialcare import services
from teamaround.socialcare.models import CaseEvent, CaseStatus, ChildProtectionConference

ALL_FOUR = [
    {"name": "Sam Social", "agency": "social_care"},
    {"name": "PC Dale", "agency": "police"},
    {"name": "Nurse Lee", "agency": "health"},
    {"name": "Mrs Ng (DSL)", "agency": "education"},
]


@pytest.fixture
def protection(receive, worker):
    """A referral received on Friday 20 March 2026, decided for a strategy discussion."""
    referral = receive(received_on=date(2026, 3, 20))
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="strategy",
        reason="Harm",
        decided_on=date(2026, 3, 20),
    )
    referral.refresh_from_db()
    return referral


def _strategy(referral, actor, held_on=date(2026, 3, 27), attendees=ALL_FOUR, s47=True):
    return services.strategy_record(
        actor=actor,
        referral=referral,
        held_on=held_on,
        attendees=attendees,
        summary="Section 47 agreed.",
        section_47=s47,
    )


def test_a_strategy_discussion_must_hear_police_health_education_and_social_care(
    protection, worker
):
    with pytest.raises(ValidationFailed) as raised:
        _strategy(protection, worker, attendees=ALL_FOUR[:2] + [{"name": " ", "agency": "health"}])
    assert "Health" in str(raised.value.errors) and "Education" in str(raised.value.errors)
    assert not protection.strategies.exists()


def test_the_initial_conference_is_due_15_working_days_after_the_strategy_across_easter(
    protection, worker
):
    _strategy(protection, worker)  # Friday 27 March 2026; Good Friday and Easter Monday out
    conference = ChildProtectionConference.objects.get(referral=protection)
    assert conference.kind == "initial" and conference.due_on == date(2026, 4, 21)
    item = WorkItem.objects.get(source_type="socialcare.conference", status="open")
    assert item.due_on == date(2026, 4, 21)


def test_an_initial_conference_needs_the_enquiry_to_find_cause(protection, worker):
    _strategy(protection, worker)
    conference = protection.conferences.get()
    with pytest.raises(DomainError):
        services.conference_record(
            actor=worker,
            conference=conference,
            held_on=date(2026, 4, 20),
            outcome="plan",
            category="PHY",
            chair="Chair",
        )


def test_the_whole_child_protection_journey_and_back_to_family_help(protection, worker):
    _strategy(protection, worker)
    enquiry = protection.enquiries.get()
    services.enquiry_complete(
        actor=worker, enquiry=enquiry, outcome="conference", findings="Injuries non-accidental"
    )
    protection.refresh_from_db()
    assert protection.status == CaseStatus.PROTECTION
    initial = protection.conferences.get()
    with pytest.raises(ValidationFailed):
        services.conference_record(
            actor=worker,
            conference=initial,
            held_on=date(2026, 4, 20),
            outcome="plan",
            category="XXX",
            chair="Chair",
        )
    services.conference_record(
        actor=worker,
        conference=initial,
        held_on=date(2026, 9, 25),
        outcome="plan",
        category="PHY",
        chair="Independent chair",
    )
    protection.refresh_from_db()
    assert protection.status == CaseStatus.CHILD_PROTECTION
    plan = protection.plans.get()
    assert plan.initial_category == plan.latest_category == "PHY"
    # 25 September + 3 months is Christmas Day: the review is due Christmas Eve.
    assert plan.next_review_due == date(2026, 12, 24)
    review = protection.conferences.get(kind="review", held_on__isnull=True)
    assert review.due_on == date(2026, 12, 24)
    services.conference_record(
        actor=worker,
        conference=review,
        held_on=date(2026, 10, 3),
        outcome="plan",
        category="MUL",
        chair="Independent chair",
    )
    plan.refresh_from_db()
    assert plan.initial_category == "PHY" and plan.latest_category == "MUL"
    # then at most every 6 months: 3 April 2027 is a Saturday, so Friday 2 April.
    assert plan.next_review_due == date(2027, 4, 2)
    with pytest.raises(Conflict):
        services.conference_record(
            actor=worker,
            conference=review,
            held_on=date(2026, 10, 3),
            outcome="plan",
            category="MUL",
            chair="Independent chair",
        )
    second = protection.conferences.get(held_on__isnull=True, archived_at__isnull=True)
    services.conference_record(
        actor=worker,
        conference=second,
        held_on=date(2026, 12, 1),
        outcome="cin",
        category="",
        chair="Independent chair",
    )
    protection.refresh_from_db()
    plan.refresh_from_db()
    assert protection.status == CaseStatus.CHILD_IN_NEED
    assert plan.ended_on == date(2026, 12, 1) and plan.end_reason == "no_longer_at_risk"
    # Back up to child protection from child in need: a new strategy discussion.
    _strategy(protection, worker, held_on=date(2026, 12, 2), s47=False)
    protection.refresh_from_db()
    assert protection.status == CaseStatus.PROTECTION
    kinds = list(CaseEvent.objects.filter(referral=protection).values_list("kind", flat=True))
    assert kinds[:3] == ["received", "decided", "strategy"] and "plan_end" in kinds


def test_step_down_and_closure(receive, worker, manager):
    referral = receive()
    services.referral_decide(actor=worker, referral=referral, decision="assessment", reason="x")
    referral.refresh_from_db()
    assessment = referral.assessment
    services.assessment_save(
        actor=worker,
        assessment=assessment,
        factors=["21"],
        child_voice="Fine",
        analysis="",
        outcome="cin",
        version=assessment.version,
    )
    assessment.refresh_from_db()
    services.assessment_submit(actor=worker, assessment=assessment)
    services.assessment_authorise(actor=manager, assessment=assessment, comment="Agreed")
    referral.refresh_from_db()
    assert referral.status == CaseStatus.CHILD_IN_NEED
    with pytest.raises(ValidationFailed):
        services.case_step_down(actor=worker, referral=referral, reason="")
    services.case_step_down(actor=worker, referral=referral, reason="Needs met by early help")
    referral.refresh_from_db()
    assert referral.status == CaseStatus.CLOSED and referral.closure_reason == "RC9"
    with pytest.raises(Conflict):
        services.case_close(actor=worker, referral=referral, closure_reason="RC7")


def test_a_plan_ends_with_a_reason(protection, worker):
    _strategy(protection, worker)
    services.enquiry_complete(
        actor=worker, enquiry=protection.enquiries.get(), outcome="conference", findings="x"
    )
    services.conference_record(
        actor=worker,
        conference=protection.conferences.get(),
        held_on=date(2026, 4, 20),
        outcome="plan",
        category="NEG",
        chair="Chair",
    )
    plan = protection.plans.get()
    with pytest.raises(ValidationFailed):
        services.plan_end(actor=worker, plan=plan, reason="bored")
    services.plan_end(actor=worker, plan=plan, reason="moved_area")
    protection.refresh_from_db()
    assert protection.status == CaseStatus.CHILD_IN_NEED
    assert not protection.conferences.filter(held_on__isnull=True, archived_at__isnull=True)


def test_who_may_not_record_child_protection(protection, other_worker, teacher, outsider):
    for actor in (other_worker, teacher, outsider):
        with pytest.raises(AccessDenied):
            _strategy(protection, actor)
    assert not protection.strategies.exists()
