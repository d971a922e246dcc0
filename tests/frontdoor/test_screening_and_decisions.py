"""Screening and every route of a decision: checks against the family's records, advice and
signposting, a Team Around the Family, Family Solutions with the family's agreement, level 4
from any state; the outcome the referrer sees and the hand-over the receiving team accepts."""

import pytest
from django.urls import reverse

from teamaround.core.errors import AccessDenied, DomainError, ValidationFailed
from teamaround.frontdoor import services
from teamaround.frontdoor.models import (
    DecisionRoute,
    HandOverKind,
    HandOverStatus,
    RequestStatus,
)
from teamaround.people.models import FamilyEvent, FamilyEventKind, Involvement

pytestmark = pytest.mark.django_db


def test_checks_find_social_care_early_help_and_earlier_requests(
    known_child, social_care_team, family_solutions_team, sent_request, screener
):
    family, child = known_child(team=social_care_team)
    from teamaround.core.access import SYSTEM
    from teamaround.people import services as people_services

    people_services.involvement_open(
        actor=SYSTEM, family=family, team=family_solutions_team, reason="Family Solutions"
    )
    earlier = sent_request(person=child)
    rfs = sent_request(person=child)
    checks = services.screening_checks_record(actor=screener, request=rfs, notes="Checked")
    assert checks.known_to_social_care and checks.social_care_teams == [social_care_team.name]
    assert checks.open_early_help and checks.early_help_teams == [family_solutions_team.name]
    assert checks.previous_requests == [earlier.reference]
    assert rfs.status == RequestStatus.IN_SCREENING and rfs.is_re_referral


def test_advice_and_signposting_at_level_1(sent_request, screener, level):
    rfs = sent_request()
    with pytest.raises(ValidationFailed) as failed:
        services.hub_decision_record(
            actor=screener,
            request=rfs,
            level=level(1),
            route=DecisionRoute.ADVICE_SIGNPOSTING,
            rationale="",
        )
    assert set(failed.value.errors) == {"rationale", "named_services"}
    decision = services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(1),
        route=DecisionRoute.ADVICE_SIGNPOSTING,
        rationale="Universal needs",
        other_services="Holiday Activities and Food programme",
    )
    assert "Holiday Activities and Food programme" in decision.outcome_message
    assert decision.hand_over.kind == HandOverKind.SIGNPOSTING
    assert decision.hand_over.receiving_team == rfs.referrer.team
    assert rfs.status == RequestStatus.DECIDED and hasattr(rfs, "checks")


def test_team_around_the_family_with_a_lead_professional_in_a_partner_agency(
    sent_request, screener, level, school_lead, make_user, social_care_team
):
    from teamaround.accounts.roles import Role

    rfs = sent_request()
    social_worker = make_user(Role.PRACTITIONER, team=social_care_team)
    with pytest.raises(ValidationFailed) as failed:
        services.hub_decision_record(
            actor=screener,
            request=rfs,
            level=level(2),
            route=DecisionRoute.TEAM_AROUND_FAMILY,
            rationale="L2",
            lead_professional=social_worker,
        )
    assert "partner agency" in failed.value.errors["lead_professional"][0]
    decision = services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(2),
        route=DecisionRoute.TEAM_AROUND_FAMILY,
        rationale="Additional needs: attendance and money",
        lead_professional=school_lead,
    )
    hand_over = decision.hand_over
    assert hand_over.receiving_team == school_lead.team and hand_over.level.number == 2
    involvement = Involvement.objects.get(family=rfs.family, team=school_lead.team)
    assert involvement.lead_worker == school_lead and involvement.closed_at is None
    assert FamilyEvent.objects.filter(
        family=rfs.family, kind=FamilyEventKind.HUB_DECISION, source_id=str(decision.pk)
    ).exists()


def test_family_solutions_needs_the_familys_agreement_and_level_3(
    sent_request, screener, level, family_solutions_team
):
    rfs = sent_request(level_suggested=level(3))
    with pytest.raises(ValidationFailed) as failed:
        services.hub_decision_record(
            actor=screener,
            request=rfs,
            level=level(2),
            route=DecisionRoute.FAMILY_SOLUTIONS,
            rationale="x",
            receiving_team=family_solutions_team,
        )
    assert failed.value.errors["route"] == ["Family Solutions is for level 3."]
    assert "family_agreement" in failed.value.errors
    decision = services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(3),
        route=DecisionRoute.FAMILY_SOLUTIONS,
        rationale="Several complex needs",
        family_agreement=True,
        receiving_team=family_solutions_team,
    )
    assert decision.hand_over.kind == HandOverKind.FAMILY_SOLUTIONS
    assert family_solutions_team.name in decision.outcome_message


def test_level_4_can_be_decided_from_any_state(sent_request, screener, level, social_care_team):
    rfs = sent_request()
    services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(2),
        route=DecisionRoute.ADVICE_SIGNPOSTING,
        rationale="L2",
        other_services="Young Carers",
    )
    with pytest.raises(DomainError):
        services.hub_decision_record(
            actor=screener,
            request=rfs,
            level=level(2),
            route=DecisionRoute.ADVICE_SIGNPOSTING,
            rationale="again",
            other_services="x",
        )
    escalation = services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(4),
        route=DecisionRoute.SOCIAL_CARE,
        rationale="New information: injury disclosed",
        receiving_team=social_care_team,
    )
    assert rfs.decisions.count() == 2 and escalation.hand_over.receiving_team == social_care_team
    withdrawn = sent_request()
    services.request_for_support_withdraw(
        actor=withdrawn.referrer, request=withdrawn, reason="Family moved"
    )
    services.hub_decision_record(
        actor=screener,
        request=withdrawn,
        level=level(4),
        route=DecisionRoute.SOCIAL_CARE,
        rationale="Harm",
        receiving_team=social_care_team,
    )
    assert withdrawn.status == RequestStatus.DECIDED


def test_the_referrer_sees_the_outcome_and_the_team_accepts_the_hand_over(
    sent_request, screener, level, school_lead, signed_in, make_user
):
    from teamaround.accounts.roles import Role

    rfs = sent_request()
    decision = services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(2),
        route=DecisionRoute.TEAM_AROUND_FAMILY,
        rationale="Additional needs",
        lead_professional=school_lead,
    )
    client = signed_in(school_lead)
    assert "Team Around the Family" in client.get(reverse("frontdoor:my-requests")).content.decode()
    detail = client.get(reverse("frontdoor:request-detail", args=[rfs.pk])).content.decode()
    assert decision.outcome_message in detail
    page = client.get(reverse("frontdoor:hand-overs")).content.decode()
    assert rfs.reference in page
    with pytest.raises(AccessDenied):
        services.hand_over_accept(actor=make_user(Role.PRACTITIONER), hand_over=decision.hand_over)
    # Early help accepts a Team Around the Family hand-over by opening the episode.
    response = client.post(reverse("frontdoor:hand-over-accept", args=[decision.hand_over.pk]))
    assert response.url == reverse("earlyhelp:episode-from-hand-over", args=[decision.hand_over.pk])
    decision.hand_over.refresh_from_db()
    assert decision.hand_over.status == HandOverStatus.AWAITING


def test_a_social_care_team_accepts_its_referral(
    sent_request, screener, level, social_care_team, make_user, signed_in
):
    from teamaround.accounts.roles import Role

    decision = services.hub_decision_record(
        actor=screener,
        request=sent_request(),
        level=level(4),
        route=DecisionRoute.SOCIAL_CARE,
        rationale="Significant harm",
        receiving_team=social_care_team,
    )
    worker = make_user(Role.SOCIAL_WORKER, team=social_care_team)
    client = signed_in(worker)
    page = client.get(reverse("frontdoor:hand-overs")).content.decode()
    assert "Accept and receive the social care referral" in page
    # Social care accepts by receiving the referral (socialcare.navigation), as early help
    # does by opening the episode: never an accepted hand-over with nothing opened.
    response = client.post(reverse("frontdoor:hand-over-accept", args=[decision.hand_over.pk]))
    assert response.url == reverse("socialcare:from-hand-over", args=[decision.hand_over.pk])
    decision.hand_over.refresh_from_db()
    assert decision.hand_over.status == HandOverStatus.AWAITING


def test_the_decision_page_records_a_decision(
    signed_in, screener, sent_request, level, school_lead
):
    rfs = sent_request()
    client = signed_in(screener)
    page = client.get(reverse("frontdoor:request-decide", args=[rfs.pk]))
    assert page.status_code == 200 and "Record the Hub" in page.content.decode()
    bad = client.post(
        reverse("frontdoor:request-decide", args=[rfs.pk]),
        {"level": level(3).pk, "route": "team_around_family"},
    )
    assert "is for level 2" in bad.content.decode()
    response = client.post(
        reverse("frontdoor:request-decide", args=[rfs.pk]),
        {
            "level": level(2).pk,
            "route": "team_around_family",
            "rationale": "Level 2 needs",
            "lead_professional": school_lead.pk,
        },
    )
    assert response.status_code == 302
    rfs.refresh_from_db()
    assert rfs.status == RequestStatus.DECIDED


def test_screening_pages_assign_check_and_add_partner_information(
    signed_in, screener, hub_social_worker, sent_request
):
    rfs = sent_request()
    client = signed_in(screener)
    client.post(reverse("frontdoor:request-assign", args=[rfs.pk]), {"screener": screener.pk})
    client.post(reverse("frontdoor:request-checks", args=[rfs.pk]), {"notes": "No concerns"})
    client.post(
        reverse("frontdoor:partner-information", args=[rfs.pk]),
        {"agency_name": "Health visiting", "information": "Missed two appointments"},
    )
    client.post(
        reverse("frontdoor:request-review", args=[rfs.pk]),
        {"social_worker": hub_social_worker.pk, "note": "Please look"},
    )
    rfs.refresh_from_db()
    assert rfs.assigned_to == hub_social_worker and rfs.status == RequestStatus.IN_SCREENING
    detail = client.get(reverse("frontdoor:request-detail", args=[rfs.pk])).content.decode()
    assert "Missed two appointments" in detail and "moj-timeline" in detail
    assert "Passed to a Hub social worker for review" in detail


def test_consultation_goes_on_the_family_chronology(
    school_lead, hub_social_worker, known_child, screener
):
    family, child = known_child()
    with pytest.raises(ValidationFailed) as failed:
        services.consultation_record(
            actor=school_lead,
            hub_social_worker=screener,
            topic="level_of_need",
            question="",
            advice="",
        )
    assert set(failed.value.errors) == {"hub_social_worker", "question", "advice"}
    consultation = services.consultation_record(
        actor=school_lead,
        hub_social_worker=hub_social_worker,
        topic="level_of_need",
        question="Is this level 2?",
        advice="Yes: start an Early Help Plan",
        person=child,
    )
    assert consultation.family == family
    event = FamilyEvent.objects.get(family=family, source_id=str(consultation.pk))
    assert event.kind == FamilyEventKind.CONSULTATION and event.actor == school_lead
