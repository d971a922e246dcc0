"""Pre-proceedings and the family group decision-making gate, through the services.

- The gate: care proceedings are never recorded as issued (by the outcome of pre-proceedings
  or by an application made without them) until an FGDM meeting was offered and held, or a
  manager authorised an exception; a declined offer, an offer not answered, an accepted
  offer with no meeting are each refused.
- The exception: a manager of the case's team, never the allocated worker (even a manager),
  never a social worker, never another team's manager.
- Pre-proceedings: started only by the team's manager, the letter before a meeting, the
  outcome (step down, continue to a new date); the 16-week and 26-week timescales from their
  sources, counted to a working day across Christmas and Easter.
- The family network: each member's own consent, given, refused, withdrawn, given again.
- Everything on the case's timeline and the family's chronology; bad input refused with
  nothing written.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied, Conflict, DomainError, ValidationFailed
from teamaround.core.models import AuditEvent
from teamaround.people.models import FamilyEvent
from teamaround.socialcare import services
from teamaround.socialcare.models import (
    CareProceedings,
    CaseEvent,
    FamilyNetworkMember,
    FgdmException,
    NetworkConsentRecord,
    PreProceedings,
)
from teamaround.socialcare.services.proceedings import (
    GATE_MESSAGE,
    final_hearing_due,
    pre_proceedings_due,
)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def case(receive, worker, today):
    referral = receive(received_on=today - timedelta(days=120))
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
def plo(case, manager, today):
    return services.pre_proceedings_start(
        actor=manager,
        referral=case,
        legal_planning_meeting_on=today - timedelta(days=30),
        decided_on=today - timedelta(days=30),
        reason="Neglect continues despite the child in need plan.",
    )


@pytest.fixture
def issue(worker, today):
    def issue_(referral, actor=None, **extra):
        values = {"issued_on": today, "court": "Chelmsford Family Court", "order_sought": "care"}
        values.update(extra)
        return services.proceedings_issue(actor=actor or worker, referral=referral, **values)

    return issue_


def _offer(worker, case, today, response="accepted"):
    return services.fgdm_offer_record(
        actor=worker,
        referral=case,
        offered_on=today - timedelta(days=20),
        offered_to="Kerry Whitmore (mother)",
        response=response,
        responded_on=None if response == "awaiting" else today - timedelta(days=19),
    )


def _meeting(worker, offer, today):
    return services.fgdm_meeting_record(
        actor=worker,
        offer=offer,
        held_on=today - timedelta(days=10),
        attended="Kerry Whitmore (mother)\nJean Whitmore (grandmother)",
        plan_agreed=True,
        plan="Grandmother to care for the children at weekends.",
    )


def _issue_paths(plo, worker, issue, today):
    """Both ways to "issued": the outcome of pre-proceedings and the application itself."""
    return [
        lambda: services.pre_proceedings_decide(
            actor=worker,
            pre_proceedings=plo,
            outcome="issue",
            decided_on=today,
            court="Chelmsford Family Court",
            order_sought="care",
        ),
        lambda: issue(plo.referral),
    ]


def test_no_path_to_issued_without_an_offer_and_a_meeting_or_an_exception(
    plo, case, worker, issue, today
):
    for attempt in _issue_paths(plo, worker, issue, today):
        with pytest.raises(DomainError, match="family group decision-making"):
            attempt()
    _offer(worker, case, today, response="awaiting")
    for attempt in _issue_paths(plo, worker, issue, today):
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.message == GATE_MESSAGE
    _offer(worker, case, today, response="declined")
    _offer(worker, case, today, response="accepted")  # accepted, but no meeting yet
    for attempt in _issue_paths(plo, worker, issue, today):
        with pytest.raises(DomainError, match="offered and held"):
            attempt()
    assert not CareProceedings.objects.exists()
    plo.refresh_from_db()
    assert plo.is_open and plo.outcome == ""
    assert not CaseEvent.objects.filter(kind="proc_issued").exists()


def test_a_meeting_after_the_offer_opens_the_gate_and_ends_pre_proceedings(
    plo, case, worker, issue, today
):
    _meeting(worker, _offer(worker, case, today), today)
    assert services.fgdm_gate(case)
    services.pre_proceedings_decide(
        actor=worker,
        pre_proceedings=plo,
        outcome="issue",
        decided_on=today,
        court="Chelmsford Family Court",
        order_sought="care",
    )
    plo.refresh_from_db()
    assert plo.outcome == "issue" and plo.ended_on == today
    proceedings = CareProceedings.objects.get(referral=case)
    assert proceedings.pre_proceedings == plo
    assert proceedings.final_hearing_due == final_hearing_due(today)
    kinds = list(case.events.values_list("kind", flat=True))
    assert {"plo_start", "fgdm_offer", "fgdm_meeting", "proc_issued"} <= set(kinds)
    assert FamilyEvent.objects.filter(
        family=case.family, summary__contains="care proceedings issued"
    ).exists()
    with pytest.raises(Conflict):
        issue(case)


def test_an_authorised_exception_opens_the_gate_without_pre_proceedings(
    case, manager, issue, today
):
    with pytest.raises(DomainError):
        issue(case)
    services.fgdm_exception_authorise(
        actor=manager, referral=case, reason="Immediate risk: an emergency protection order."
    )
    proceedings = issue(case)
    assert proceedings.pre_proceedings is None
    assert case.events.filter(kind="fgdm_except").exists()


def test_a_meeting_needs_an_accepted_offer_and_a_date_after_it(case, worker, today):
    declined = _offer(worker, case, today, response="declined")
    with pytest.raises(DomainError, match="accepted"):
        _meeting(worker, declined, today)
    accepted = _offer(worker, case, today)
    with pytest.raises(ValidationFailed) as bad:
        services.fgdm_meeting_record(
            actor=worker,
            offer=accepted,
            held_on=accepted.offered_on - timedelta(days=1),
            attended="",
            plan_agreed=True,
            plan="",
        )
    assert set(bad.value.errors) == {"held_on", "attended", "plan"}
    assert not services.fgdm_gate(case)


def test_an_offer_is_answered_once(case, worker, today):
    offer = _offer(worker, case, today, response="awaiting")
    with pytest.raises(ValidationFailed):
        services.fgdm_offer_answer(
            actor=worker, offer=offer, response="accepted", responded_on=None
        )
    with pytest.raises(ValidationFailed):
        services.fgdm_offer_answer(
            actor=worker, offer=offer, response="awaiting", responded_on=today
        )
    services.fgdm_offer_answer(actor=worker, offer=offer, response="accepted", responded_on=today)
    with pytest.raises(Conflict):
        services.fgdm_offer_answer(
            actor=worker, offer=offer, response="declined", responded_on=today
        )


def test_bad_offers_are_refused(case, worker, today):
    with pytest.raises(ValidationFailed) as bad:
        services.fgdm_offer_record(
            actor=worker,
            referral=case,
            offered_on=today + timedelta(days=1),
            offered_to="  ",
            response="maybe",
        )
    assert set(bad.value.errors) == {"offered_on", "offered_to", "response"}
    with pytest.raises(ValidationFailed) as bad:
        services.fgdm_offer_record(
            actor=worker,
            referral=case,
            offered_on=today,
            offered_to="Mother",
            response="awaiting",
            responded_on=today,
        )
    assert set(bad.value.errors) == {"responded_on"}


def test_the_exception_is_a_managers_and_never_the_allocated_workers(
    case, worker, colleague, manager, other_manager, teacher, make_user, sc_team
):
    for actor in (worker, colleague, other_manager, teacher):
        with pytest.raises(AccessDenied):
            services.fgdm_exception_authorise(actor=actor, referral=case, reason="Emergency")
        assert AuditEvent.objects.filter(actor=actor, action="refused").exists()
    managing_worker = make_user(Role.TEAM_MANAGER, team=sc_team, username="tm-allocated")
    case.allocated_worker = managing_worker
    case.save()
    with pytest.raises(AccessDenied, match="own case"):
        services.fgdm_exception_authorise(actor=managing_worker, referral=case, reason="Emergency")
    assert AuditEvent.objects.filter(actor=managing_worker, action="refused").exists()
    with pytest.raises(ValidationFailed):
        services.fgdm_exception_authorise(actor=manager, referral=case, reason="  ")
    assert not FgdmException.objects.exists()
    assert not services.fgdm_gate(case)
    exception = services.fgdm_exception_authorise(actor=manager, referral=case, reason="Emergency")
    assert exception.authorised_by == manager


def test_only_the_teams_manager_starts_pre_proceedings(
    case, worker, colleague, other_manager, teacher, manager, today
):
    values = {
        "legal_planning_meeting_on": today,
        "decided_on": today,
        "reason": "Neglect",
    }
    for actor in (worker, colleague, other_manager, teacher):
        with pytest.raises(AccessDenied):
            services.pre_proceedings_start(actor=actor, referral=case, **values)
    with pytest.raises(ValidationFailed) as bad:
        services.pre_proceedings_start(
            actor=manager,
            referral=case,
            legal_planning_meeting_on=today,
            decided_on=today - timedelta(days=1),
            reason="",
        )
    assert set(bad.value.errors) == {"decided_on", "reason"}
    assert not PreProceedings.objects.exists()
    plo = services.pre_proceedings_start(actor=manager, referral=case, **values)
    assert plo.decided_by == manager and plo.due_on == pre_proceedings_due(today)
    with pytest.raises(Conflict):
        services.pre_proceedings_start(actor=manager, referral=case, **values)


def test_a_referral_awaiting_its_decision_is_not_in_pre_proceedings(receive, manager, today):
    referral = receive()
    with pytest.raises(DomainError):
        services.pre_proceedings_start(
            actor=manager,
            referral=referral,
            legal_planning_meeting_on=today,
            decided_on=today,
            reason="Neglect",
        )


def test_the_letter_comes_before_the_meeting(plo, worker, teacher, other_worker, today):
    meeting = {"attendees": "Mother; her solicitor", "outcome": "Written agreement"}
    with pytest.raises(DomainError, match="letter"):
        services.pre_proceedings_meeting_record(
            actor=worker, pre_proceedings=plo, held_on=today, **meeting
        )
    for actor in (teacher, other_worker):
        with pytest.raises(AccessDenied):
            services.letter_before_proceedings_record(
                actor=actor, pre_proceedings=plo, sent_on=today, sent_to="Mother"
            )
    with pytest.raises(ValidationFailed) as bad:
        services.letter_before_proceedings_record(
            actor=worker, pre_proceedings=plo, sent_on=plo.decided_on - timedelta(1), sent_to=""
        )
    assert set(bad.value.errors) == {"sent_on", "sent_to"}
    letter = services.letter_before_proceedings_record(
        actor=worker, pre_proceedings=plo, sent_on=today - timedelta(days=5), sent_to="Mother"
    )
    with pytest.raises(ValidationFailed):
        services.pre_proceedings_meeting_record(
            actor=worker,
            pre_proceedings=plo,
            held_on=letter.sent_on - timedelta(days=1),
            **meeting,
        )
    services.pre_proceedings_meeting_record(
        actor=worker, pre_proceedings=plo, held_on=today, **meeting
    )
    assert plo.meetings.count() == 1
    assert {"plo_letter", "plo_meeting"} <= set(plo.referral.events.values_list("kind", flat=True))


def test_the_outcome_steps_down_or_continues_to_a_new_date(plo, worker, today):
    with pytest.raises(ValidationFailed):
        services.pre_proceedings_decide(
            actor=worker, pre_proceedings=plo, outcome="continue", decided_on=today
        )
    with pytest.raises(ValidationFailed):
        services.pre_proceedings_decide(
            actor=worker, pre_proceedings=plo, outcome="maybe", decided_on=today
        )
    later = today + timedelta(weeks=6)
    services.pre_proceedings_decide(
        actor=worker, pre_proceedings=plo, outcome="continue", decided_on=today, review_on=later
    )
    plo.refresh_from_db()
    assert plo.is_open and plo.due_on == later
    services.pre_proceedings_decide(
        actor=worker, pre_proceedings=plo, outcome="step_down", decided_on=today
    )
    plo.refresh_from_db()
    assert plo.ended_on == today and plo.outcome == "step_down"
    with pytest.raises(Conflict):
        services.pre_proceedings_decide(
            actor=worker, pre_proceedings=plo, outcome="step_down", decided_on=today
        )


@pytest.mark.parametrize(
    ("decided_on", "due_on"),
    [
        (date(2026, 3, 2), date(2026, 6, 22)),  # 16 weeks to a Monday
        # 16 weeks from 4 September 2026 is Friday 25 December: brought back to 24 December.
        (date(2026, 9, 4), date(2026, 12, 24)),
        # 16 weeks from Monday 7 December 2026 is Easter Monday 2027 (29 March): back over
        # the weekend and Good Friday to Thursday 25 March.
        (date(2026, 12, 7), date(2027, 3, 25)),
    ],
)
def test_pre_proceedings_conclude_within_16_weeks_on_a_working_day(decided_on, due_on):
    assert pre_proceedings_due(decided_on) == due_on


@pytest.mark.parametrize(
    ("issued_on", "due_on"),
    [
        # 26 weeks beginning with Monday 2 March 2026 end on Sunday 30 August: Friday 28th.
        (date(2026, 3, 2), date(2026, 8, 28)),
        # From Tuesday 1 September 2026 the 26 weeks end on Monday 1 March 2027.
        (date(2026, 9, 1), date(2027, 3, 1)),
        # From Tuesday 30 June 2026 they end on Monday 28 December (a bank holiday, Boxing
        # Day's substitute): brought back over the weekend and Christmas to 24 December.
        (date(2026, 6, 30), date(2026, 12, 24)),
    ],
)
def test_care_proceedings_within_26_weeks_beginning_with_the_issue(issued_on, due_on):
    assert final_hearing_due(issued_on) == due_on


def test_each_network_member_has_their_own_consent(case, worker, colleague, today):
    aunt = services.network_member_add(
        actor=worker,
        referral=case,
        name="Lisa Whitmore",
        relationship="Aunt",
        contact="07700 900001",
        consent="given",
        consent_on=today - timedelta(days=3),
    )
    grandad = services.network_member_add(
        actor=colleague,
        referral=case,
        name="Ron Whitmore",
        relationship="Grandfather",
        contact="07700 900002",
        consent="refused",
        consent_on=today - timedelta(days=3),
    )
    assert aunt.consent().status == "given" and aunt.consent().recorded_by == worker
    assert grandad.consent().status == "refused" and grandad.consent().recorded_by == colleague
    with pytest.raises(ValidationFailed, match="only after it was given"):
        services.network_consent_record(actor=worker, member=grandad, status="withdrawn", on=today)
    with pytest.raises(ValidationFailed, match="already"):
        services.network_consent_record(actor=worker, member=aunt, status="given", on=today)
    with pytest.raises(ValidationFailed):
        services.network_consent_record(
            actor=worker, member=aunt, status="withdrawn", on=today - timedelta(days=10)
        )
    services.network_consent_record(actor=worker, member=aunt, status="withdrawn", on=today)
    assert aunt.consent().status == "withdrawn"
    assert grandad.consent().status == "refused"  # one member's change is theirs alone
    services.network_consent_record(actor=colleague, member=grandad, status="given", on=today)
    assert [r.status for r in aunt.consents.all()] == ["given", "withdrawn"]
    assert [r.status for r in grandad.consents.all()] == ["refused", "given"]
    assert AuditEvent.objects.filter(object_id=str(aunt.pk), action="update").count() == 2


def test_a_network_member_needs_a_name_relationship_contact_and_a_first_answer(case, worker, today):
    with pytest.raises(ValidationFailed) as bad:
        services.network_member_add(
            actor=worker,
            referral=case,
            name=" ",
            relationship="",
            contact="",
            consent="withdrawn",
            consent_on=today + timedelta(days=1),
        )
    assert set(bad.value.errors) == {"name", "relationship", "contact", "consent", "consent_on"}
    assert not FamilyNetworkMember.objects.exists()
    assert not NetworkConsentRecord.objects.exists()


@pytest.mark.parametrize("who", ["teacher", "other_worker", "other_manager", "outsider"])
def test_who_must_not_change_the_network_or_the_fgdm_records(case, who, request, worker, today):
    actor = request.getfixturevalue(who)
    member = services.network_member_add(
        actor=worker,
        referral=case,
        name="Lisa Whitmore",
        relationship="Aunt",
        contact="07700 900001",
        consent="given",
        consent_on=today,
    )
    offer = _offer(worker, case, today)
    attempts = [
        lambda: services.network_member_add(
            actor=actor,
            referral=case,
            name="X",
            relationship="Y",
            contact="Z",
            consent="given",
            consent_on=today,
        ),
        lambda: services.network_consent_record(
            actor=actor, member=member, status="withdrawn", on=today
        ),
        lambda: _offer(actor, case, today),
        lambda: _meeting(actor, offer, today),
        lambda: services.proceedings_issue(
            actor=actor, referral=case, issued_on=today, court="C", order_sought="care"
        ),
    ]
    for attempt in attempts:
        with pytest.raises(AccessDenied):
            attempt()
    assert member.consent().status == "given"
    assert FamilyNetworkMember.objects.count() == 1
