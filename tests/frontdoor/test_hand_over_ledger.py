"""A Hub hand-over is a disclosure: each family member's information goes to the receiving
team on a basis, and the ledger says what went, to whom, why, on which basis and who decided.
Level 4 shares under the safeguarding duty whatever consent says; below it the family's
agreement is the consent, and a consent since withdrawn refuses the hand-over."""

import pytest

from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied
from teamaround.frontdoor import services
from teamaround.frontdoor.models import DecisionRoute, HubDecision
from teamaround.governance import services as governance
from teamaround.governance.models import (
    BasisKind,
    Channel,
    Disclosure,
    Outcome,
    Purpose,
    Scope,
    SharingBasis,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def known_request(sent_request, known_child, request_values):
    """A request about a child the council knows, linked to the child's family."""

    def make(**changes):
        family, child = known_child()
        rfs = sent_request(**changes)
        rfs.person, rfs.family = child, family
        rfs.save(update_fields=["person", "family"])
        return rfs

    return make


def _shared(rfs):
    return Disclosure.objects.filter(channel=Channel.HUB_HANDOVER, outcome=Outcome.SHARED).filter(
        record_id__in=[str(h.pk) for h in _hand_overs(rfs)]
    )


def _hand_overs(rfs):
    return [d.hand_over for d in HubDecision.objects.filter(request=rfs)]


def test_a_social_care_referral_is_shared_under_the_safeguarding_duty(
    known_request, screener, level, social_care_team
):
    rfs = known_request(
        consent="no", no_consent_reason="Mum would put the child at risk", safeguarding_concern=True
    )
    services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(4),
        route=DecisionRoute.SOCIAL_CARE,
        rationale="Disclosure of injury",
        receiving_team=social_care_team,
    )
    entries = list(_shared(rfs))
    assert {e.person_id for e in entries} == {rfs.person_id}
    entry = entries[0]
    assert entry.basis_kind == BasisKind.SAFEGUARDING_DUTY
    assert entry.purpose == Purpose.HUB
    assert entry.recipient_agency == social_care_team.agency
    assert entry.decided_by == screener
    assert "concern" in entry.fields
    basis = entry.basis
    assert basis.created_by == screener and rfs.reference in basis.evidence


def test_a_lead_professional_receives_on_the_familys_consent(
    known_request, screener, level, school_lead
):
    rfs = known_request(consent="yes", parent_name="Dana Fairbrother")
    services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(2),
        route=DecisionRoute.TEAM_AROUND_FAMILY,
        rationale="Additional needs",
        lead_professional=school_lead,
    )
    entry = _shared(rfs).get()
    assert entry.basis_kind == BasisKind.CONSENT
    assert entry.recipient_user == school_lead
    assert entry.recipient_agency == school_lead.agency
    consent = entry.basis
    assert consent.given_by == "Dana Fairbrother" and consent.scope == Scope.ANY_AGENCY


def test_a_withdrawn_consent_refuses_the_hand_over_and_the_refusal_stays(
    known_request, screener, level, family_solutions_team, social_care_team
):
    rfs = known_request(consent="yes", level_suggested=level(3))
    consent = governance.basis_record(
        actor=SYSTEM,
        person=rfs.person,
        purpose=Purpose.HUB,
        kind=BasisKind.CONSENT,
        given_by="Dana Fairbrother",
        evidence="Signed form",
    )
    governance.basis_withdraw(actor=SYSTEM, basis=consent, reason="Mum no longer agrees")
    with pytest.raises(governance.ShareRefused) as refused:
        services.hub_decision_record(
            actor=screener,
            request=rfs,
            level=level(3),
            route=DecisionRoute.FAMILY_SOLUTIONS,
            rationale="Several complex needs",
            family_agreement=True,
            receiving_team=family_solutions_team,
        )
    assert "withdrawn" in refused.value.message
    assert not HubDecision.objects.filter(request=rfs).exists()
    refusal = Disclosure.objects.get(outcome=Outcome.REFUSED, person=rfs.person)
    assert refusal.channel == Channel.HUB_HANDOVER and refusal.decided_by == screener
    # The family's agreement recorded with the decision does not replace the withdrawal.
    assert SharingBasis.objects.filter(person=rfs.person, kind=BasisKind.CONSENT).count() == 1
    # At level 4 the duty to share applies all the same.
    services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(4),
        route=DecisionRoute.SOCIAL_CARE,
        rationale="New information: injury disclosed",
        receiving_team=social_care_team,
    )
    assert _shared(rfs).get().basis_kind == BasisKind.SAFEGUARDING_DUTY


def test_no_consent_below_level_4_is_refused_with_the_reason(
    known_request, screener, level, school_lead
):
    rfs = known_request(consent="no", no_consent_reason="Fear of harm", safeguarding_concern=True)
    with pytest.raises(governance.ShareRefused) as refused:
        services.hub_decision_record(
            actor=screener,
            request=rfs,
            level=level(2),
            route=DecisionRoute.TEAM_AROUND_FAMILY,
            rationale="Additional needs",
            lead_professional=school_lead,
        )
    assert "No consent or statutory basis" in refused.value.message
    assert Disclosure.objects.filter(outcome=Outcome.REFUSED, person=rfs.person).exists()
    assert not SharingBasis.objects.filter(person=rfs.person).exists()


def test_signposting_shares_nothing(known_request, screener, level):
    rfs = known_request()
    services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(1),
        route=DecisionRoute.ADVICE_SIGNPOSTING,
        rationale="Universal services meet the need",
        other_services="Young Carers",
    )
    assert not Disclosure.objects.filter(person=rfs.person).exists()


def test_a_referrer_cannot_decide_and_nothing_is_recorded(
    known_request, school_lead, level, social_care_team
):
    rfs = known_request()
    with pytest.raises(AccessDenied):
        services.hub_decision_record(
            actor=school_lead,
            request=rfs,
            level=level(4),
            route=DecisionRoute.SOCIAL_CARE,
            rationale="Harm",
            receiving_team=social_care_team,
        )
    assert not SharingBasis.objects.filter(person=rfs.person).exists()
    assert not Disclosure.objects.filter(person=rfs.person).exists()
