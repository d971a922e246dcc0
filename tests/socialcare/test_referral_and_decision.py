"""A referral from the Hub's level 4 hand-over, from a step-up, or a contact; the decision
within one working day and where each decision takes the case."""

import pytest
from django.utils import timezone

from teamaround.core.errors import AccessDenied, Conflict, DomainError, ValidationFailed
from teamaround.core.models import WorkItem
from teamaround.frontdoor.models import HandOverStatus
from teamaround.people.models import FamilyEvent
from teamaround.people.selectors import family_involvements
from teamaround.socialcare import services, timescales
from teamaround.socialcare.models import CaseEvent, CaseStatus, SocialCareReferral


def _fields(child, worker):
    return {
        "child": child,
        "source": "2A",
        "primary_need": "N1",
        "reason": "Disclosure at school.",
        "allocated_worker": worker,
    }


def test_a_hub_level_4_hand_over_becomes_a_referral(hand_over, worker):
    from teamaround.socialcare.adapters import children_of

    child = children_of(hand_over.family)[0]
    referral = services.referral_from_hand_over(
        actor=worker, hand_over=hand_over, **_fields(child, worker)
    )
    hand_over.refresh_from_db()
    assert hand_over.status == HandOverStatus.ACCEPTED and hand_over.accepted_by == worker
    assert referral.origin == "hub" and referral.hand_over_id == hand_over.pk
    assert referral.status == CaseStatus.AWAITING_DECISION
    assert referral.decision_due_on == timescales.decision_due(timezone.localdate())
    with pytest.raises(Conflict):
        services.referral_from_hand_over(
            actor=worker, hand_over=hand_over, **_fields(child, worker)
        )


def test_another_team_cannot_receive_the_hand_over(hand_over, other_worker):
    from teamaround.socialcare.adapters import children_of

    child = children_of(hand_over.family)[0]
    with pytest.raises(AccessDenied):
        services.referral_from_hand_over(
            actor=other_worker, hand_over=hand_over, **_fields(child, None)
        )
    hand_over.refresh_from_db()
    assert hand_over.status == HandOverStatus.AWAITING
    assert not SocialCareReferral.objects.exists()


def test_a_contact_is_recorded_with_its_codes_and_the_team_becomes_involved(
    referral, family, worker, sc_team
):
    assert referral.origin == "contact" and referral.source == "2A"
    assert referral.get_primary_need_display() == "Abuse or neglect"
    assert family_involvements(family).filter(team=sc_team, closed_at__isnull=True).exists()
    event = FamilyEvent.objects.get(source_app="socialcare", source_id=str(referral.pk))
    assert event.actor == worker and "referral received" in event.summary
    item = WorkItem.objects.get(source_type="socialcare.decision", source_id=str(referral.pk))
    assert item.assigned_to == worker and item.due_on == referral.decision_due_on


def test_bad_input_changes_nothing(receive, family):
    with pytest.raises(ValidationFailed) as raised:
        receive(source="99", primary_need="N12", reason=" ", child=None)
    assert set(raised.value.errors) == {"source", "primary_need", "reason", "child"}
    assert not SocialCareReferral.objects.exists()
    assert not FamilyEvent.objects.filter(source_app="socialcare").exists()


def test_a_worker_from_another_team_cannot_be_allocated(receive, other_worker):
    with pytest.raises(ValidationFailed):
        receive(allocated_worker=other_worker)


def test_only_social_care_receives_referrals(receive, teacher, outsider):
    for actor in (teacher, outsider):
        with pytest.raises(AccessDenied):
            receive(actor=actor)


@pytest.mark.parametrize(
    ("decision", "status", "assessment"),
    [
        ("nfa", CaseStatus.CLOSED, False),
        ("assessment", CaseStatus.ASSESSMENT, True),
        ("strategy", CaseStatus.PROTECTION, False),
    ],
)
def test_each_decision_moves_the_case(referral, worker, decision, status, assessment):
    services.referral_decide(actor=worker, referral=referral, decision=decision, reason="Seen")
    referral.refresh_from_db()
    assert referral.status == status and referral.decided_by == worker
    assert hasattr(referral, "assessment") is assessment
    moved = CaseEvent.objects.get(referral=referral, kind="decided")
    assert (moved.from_status, moved.to_status) == (CaseStatus.AWAITING_DECISION, status)
    assert not WorkItem.objects.filter(
        source_type="socialcare.decision", source_id=str(referral.pk), status="open"
    ).exists()
    if decision == "nfa":
        assert referral.closure_reason == "RC8" and referral.closed_on
    with pytest.raises(Conflict):
        services.referral_decide(actor=worker, referral=referral, decision="nfa", reason="x")


def test_a_decision_needs_a_reason_and_a_real_choice(referral, worker):
    with pytest.raises(ValidationFailed) as raised:
        services.referral_decide(actor=worker, referral=referral, decision="maybe", reason="")
    assert set(raised.value.errors) == {"decision", "reason"}
    referral.refresh_from_db()
    assert referral.status == CaseStatus.AWAITING_DECISION


def test_who_may_not_decide(referral, other_worker, other_manager, teacher, outsider):
    for actor in (other_worker, other_manager, teacher, outsider):
        with pytest.raises(AccessDenied):
            services.referral_decide(actor=actor, referral=referral, decision="nfa", reason="No")
    referral.refresh_from_db()
    assert referral.status == CaseStatus.AWAITING_DECISION


def test_a_step_up_from_early_help_becomes_a_referral(
    family, worker, sc_team, make_user, level, signed_in
):
    from teamaround.accounts.models import AgencyKind
    from teamaround.accounts.roles import Role
    from teamaround.earlyhelp import services as earlyhelp
    from tests.factories import AgencyFactory, TeamFactory

    eh_team = TeamFactory(
        agency=AgencyFactory(kind=AgencyKind.COUNCIL_EARLY_HELP), name="Family Solutions"
    )
    family_worker = make_user(Role.FAMILY_WORKER, team=eh_team, username="fw")
    from teamaround.core.access import SYSTEM
    from teamaround.people import services as people_services

    people_services.involvement_open(
        actor=SYSTEM, family=family, team=eh_team, reason="Family Solutions"
    )
    episode = earlyhelp.episode_open(
        actor=family_worker,
        family=family,
        level=level(3),
        lead_professional=family_worker,
        family_agreed_on=timezone.localdate(),
        family_agreed_by="Kerry (mum)",
    )
    step = earlyhelp.episode_step_up(
        actor=family_worker, episode=episode, to_team=sc_team, reason="Disclosure"
    )
    client = signed_in(worker)
    from django.urls import reverse

    url = reverse("socialcare:referral-new", args=[family.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'value="5D" selected' in page.content.decode()
    response = client.post(
        url,
        {
            "child": family.child.pk,
            "source": "5D",
            "primary_need": "N1",
            "reason": "Stepped up",
            "allocated_worker": worker.pk,
        },
    )
    referral = SocialCareReferral.objects.get()
    assert response.status_code == 302 and referral.origin == "step_up"
    assert referral.step_up_id == step.pk


def test_a_closed_case_starts_no_assessment(referral, worker):
    services.referral_decide(actor=worker, referral=referral, decision="nfa", reason="No")
    with pytest.raises(DomainError):
        services.assessment_start(actor=worker, referral=referral)
