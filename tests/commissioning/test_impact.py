"""The Balanced Impact Assessment of a directory service against families worked by hand, the
suppression of figures over too few families, and the commissioner's judgement kept with the
evidence it was made on."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.commissioning import selectors, services
from teamaround.commissioning.models import ServiceJudgement
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied, DomainError
from teamaround.core.models import AuditAction, AuditEvent, NeedDomain, WindscreenLevel
from teamaround.directory.models import ServiceReferral
from teamaround.earlyhelp.models import (
    Episode,
    EpisodeClosure,
    FamilyFeedback,
    NeedScore,
    StepUp,
    TafMeeting,
)
from teamaround.frontdoor.models import RequestForSupport
from teamaround.people import services as people_services
from tests.factories import AgencyFactory


@pytest.fixture
def service(db, county, committed_package):
    """A service with seven referrals of six families. Families 1-5 were scored on parenting
    at two TAF reviews (3 then 7 for 1-4, 5 then 6 for 5: mean change +3.4 over 5 families);
    family 1 also on the family's health (2 then 5: one family, so hidden). Families 1 and 2
    gave feedback at closure (too few to show). Family 6 stepped up to social care 30 days after
    its referral; families 1-5 were referred to the Hub again within the year."""
    package = committed_package(county["a"], AgencyFactory(name="Trust"), 100, date(2026, 1, 1))
    service = package.parts.get().service
    lead = package.decision.created_by or _user()
    parenting = NeedDomain.objects.get(code="parenting")
    health = NeedDomain.objects.exclude(code="parenting").first()
    now = timezone.now()
    for n in range(1, 7):
        family = people_services.family_create(actor=SYSTEM, name=f"Family {n}")
        for _ in range(2 if n == 1 else 1):
            ServiceReferral.objects.create(service=service, family=family, reason="Help")
        episode = Episode.objects.create(
            family=family,
            level=WindscreenLevel.objects.get(number=2),
            source="hub",
            lead_professional=lead,
            lead_team=lead.team,
            district=county["a"],
            started_on=date(2026, 1, 1),
            family_agreed_on=date(2026, 1, 1),
            family_agreed_by="Parent",
        )
        if n <= 5:
            first, last = (3, 7) if n <= 4 else (5, 6)
            for held_on, score in ((date(2026, 2, 1), first), (date(2026, 5, 1), last)):
                meeting = TafMeeting.objects.create(
                    episode=episode, held_on=held_on, family_views="-"
                )
                NeedScore.objects.create(
                    meeting=meeting, episode=episode, domain=parenting, score=score
                )
                if n == 1:
                    NeedScore.objects.create(
                        meeting=meeting,
                        episode=episode,
                        domain=health,
                        score=2 if score == 3 else 5,
                    )
            RequestForSupport.objects.create(
                reference=f"RR{n}",
                source="professional",
                family=family,
                submitted_at=now + timedelta(days=40),
            )
        if n <= 2:
            closure = EpisodeClosure.objects.create(
                episode=episode, reason="needs_met", closed_on=date(2026, 6, 1)
            )
            FamilyFeedback.objects.create(
                closure=closure, listened_to=5, things_got_better=4, would_ask_again=5
            )
        if n == 6:
            StepUp.objects.create(
                episode=episode,
                to_team=lead.team,
                reason="Risk",
                stepped_up_at=now + timedelta(days=30),
            )
    service.health_name = health.name
    return service


def _user():
    from tests.factories import UserFactory

    return UserFactory()


def test_the_impact_figures_worked_by_hand(service, make_user):
    impact = selectors.service_impact(actor=make_user(Role.COMMISSIONER), service=service)
    indicators = {label: str(value) for label, value in impact.indicators}
    assert indicators["Referrals"] == "7"
    assert indicators["Families referred (uptake)"] == "6"
    assert indicators["Stepped up to social care within 12 months"] == "<5"  # 1 family
    assert indicators["Referred to the Hub again within 12 months"] == "5 of 6 (83%)"
    distance = {d: (change, str(n)) for d, change, n in impact.distance}
    assert distance["Parenting"] == ("+3.4", "5")
    assert distance[service.health_name] == ("<5", "<5")
    assert str(impact.feedback_n) == "<5"
    assert [mean for _, mean in impact.feedback] == ["<5", "<5", "<5"]


def test_a_commissioner_records_a_judgement_kept_with_its_evidence(service, make_user, signed_in):
    commissioner = make_user(Role.COMMISSIONER)
    client = signed_in(commissioner)
    url = reverse("commissioning:impact", args=[service.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Record judgement" in page.content.decode()
    assert client.post(url, {"judgement": "recommission", "reason": " "}).status_code == 200
    assert not ServiceJudgement.objects.exists()
    response = client.post(url, {"judgement": "recommission", "reason": "Outcomes are weak."})
    assert response.status_code == 302
    judgement = ServiceJudgement.objects.get()
    assert judgement.judgement == "recommission" and judgement.created_by == commissioner
    assert ["Referrals", "7"] in judgement.evidence["indicators"]
    assert ["Parenting", "+3.4", "5"] in judgement.evidence["distance"]
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_id=str(judgement.pk)
    ).exists()
    assert "Outcomes are weak." in client.get(url).content.decode()


def test_who_may_see_and_judge(service, make_user, signed_in, client):
    analyst = make_user(Role.DATA_ANALYST)
    page = signed_in(analyst).get(reverse("commissioning:impact", args=[service.pk]))
    assert page.status_code == 200 and "Record judgement" not in page.content.decode()
    with pytest.raises(AccessDenied):
        services.service_judgement_record(
            actor=analyst, service=service, judgement="continue", reason="Fine"
        )
    with pytest.raises(DomainError):
        services.service_judgement_record(
            actor=make_user(Role.COMMISSIONER), service=service, judgement="abolish", reason="x"
        )
    for role in (Role.PRACTITIONER, Role.PANEL_CHAIR, Role.ADMINISTRATOR):
        other = signed_in(make_user(role))
        assert other.get(reverse("commissioning:impact", args=[service.pk])).status_code == 403
        assert other.get(reverse("commissioning:impact-list")).status_code == 403
    client.logout()
    assert client.get(reverse("commissioning:impact-list")).status_code == 302
    assert not ServiceJudgement.objects.exists()
