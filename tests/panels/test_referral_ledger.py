"""A panel referral is a disclosure: the family's information goes before every agency at the
table. A consent panel (MAAG, EARP, JAP) needs the family's consent, recorded by the referrer;
MARAC, MACE and Missing share on their terms of reference whatever consent says. Every share
and every refusal is in the ledger."""

import pytest
from django.urls import reverse

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.governance import services as governance
from teamaround.governance.models import (
    BasisKind,
    Channel,
    Disclosure,
    Outcome,
    Purpose,
    SharingBasis,
)
from teamaround.panels import services
from teamaround.panels.models import PanelReferral
from teamaround.people import services as people

pytestmark = pytest.mark.django_db


@pytest.fixture
def referrer(staff_of):
    return staff_of(AgencyKind.SCHOOL)


@pytest.fixture
def social_worker(staff_of):
    return staff_of(AgencyKind.CHILDRENS_SOCIAL_CARE, Role.SOCIAL_WORKER)


@pytest.fixture
def family(make_family, referrer, social_worker):
    family, child = make_family(team=referrer.team)
    people.involvement_open(
        actor=SYSTEM, family=family, team=social_worker.team, reason="Child in need"
    )
    return family, child


def _refer(referrer, panel, family, **extra):
    return services.panel_referral_create(
        actor=referrer, panel=panel, family=family, question="Who should lead?", **extra
    )


def test_a_consent_panel_referral_records_the_consent_and_the_share(make_panel, referrer, family):
    family, child = family
    referral = _refer(referrer, make_panel("maag"), family, consent_given_by="Jo Ashdown")
    consent = SharingBasis.objects.get(person=child, purpose=Purpose.PANEL)
    assert consent.kind == BasisKind.CONSENT and consent.given_by == "Jo Ashdown"
    assert consent.created_by == referrer
    entry = Disclosure.objects.get(person=child, outcome=Outcome.SHARED)
    assert entry.channel == Channel.PANEL_SUMMARY
    assert entry.record_id == str(referral.pk) and entry.basis == consent
    assert entry.decided_by == referrer


def test_a_consent_panel_refuses_a_referral_without_consent(make_panel, social_worker, family):
    family, child = family
    with pytest.raises(governance.ShareRefused) as refused:
        _refer(social_worker, make_panel("earp"), family)
    assert "Riley Ashdown" in refused.value.message
    assert not PanelReferral.objects.exists()
    refusal = Disclosure.objects.get(person=child)
    assert refusal.outcome == Outcome.REFUSED and refusal.decided_by == social_worker


def test_consent_withdrawn_refuses_the_next_consent_panel_referral_until_given_again(
    make_panel, referrer, family
):
    family, child = family
    panel = make_panel("maag")
    _refer(referrer, panel, family, consent_given_by="Jo Ashdown")
    consent = SharingBasis.objects.get(person=child, purpose=Purpose.PANEL)
    governance.basis_withdraw(actor=SYSTEM, basis=consent, reason="Jo no longer agrees")
    with pytest.raises(governance.ShareRefused, match="withdrawn"):
        _refer(referrer, panel, family)
    # Consent given again, and said so by the referrer, is a new consent.
    _refer(referrer, panel, family, consent_given_by="Jo Ashdown, again on 3 December")
    assert SharingBasis.objects.filter(person=child, kind=BasisKind.CONSENT).count() == 2


def test_marac_shares_on_its_terms_whatever_consent_says(make_panel, referrer, family):
    family, child = family
    consent = governance.basis_record(
        actor=SYSTEM,
        person=child,
        purpose=Purpose.PANEL,
        kind=BasisKind.CONSENT,
        given_by="Jo Ashdown",
        evidence="Form",
    )
    governance.basis_withdraw(actor=SYSTEM, basis=consent, reason="Withdrawn")
    referral = _refer(referrer, make_panel("marac"), family, risk_score=16)
    entry = Disclosure.objects.get(person=child, outcome=Outcome.SHARED)
    assert entry.basis_kind == BasisKind.MARAC and entry.record_id == str(referral.pk)


def test_mace_shares_under_mace_terms(make_panel, social_worker, family):
    family, child = family
    _refer(social_worker, make_panel("mace1"), family)
    assert Disclosure.objects.get(person=child).basis_kind == BasisKind.MACE


def test_a_place_or_theme_shares_no_one(make_panel, social_worker):
    services.panel_referral_create(
        actor=social_worker,
        panel=make_panel("mace2"),
        place="The park by the station",
        question="?",
    )
    assert not Disclosure.objects.exists()


def test_the_referral_page_asks_who_agreed_and_explains_a_refusal(
    make_panel, referrer, family, signed_in
):
    family, child = family
    panel = make_panel("maag")
    client = signed_in(referrer)
    url = reverse("panels:referral-create", args=[panel.pk])
    assert "Who agreed to this referral" in client.get(url).content.decode()
    data = {"family": family.pk, "question": "Who should lead?"}
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "No consent or statutory basis" in refused.content.decode()
    assert not PanelReferral.objects.exists()
    sent = client.post(url, data | {"consent_given_by": "Jo Ashdown"})
    assert sent.status_code == 302
    assert PanelReferral.objects.get().family == family
    marac = make_panel("marac")
    page = client.get(reverse("panels:referral-create", args=[marac.pk])).content.decode()
    assert "Who agreed to this referral" not in page
