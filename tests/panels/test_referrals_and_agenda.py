"""panel_referral_create, agenda_build (limit, carry-over, overdue actions), papers_send."""

from datetime import timedelta

import pytest
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied, DomainError, ValidationFailed
from teamaround.core.models import AuditEvent
from teamaround.panels import services
from teamaround.panels.models import ItemKind, MemberRole, PanelReferral

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def marac(make_panel, seat):
    panel = make_panel("marac")
    return panel, seat(panel, AgencyKind.POLICE, MemberRole.COORDINATOR)


@pytest.mark.parametrize(
    "score, judgement, ok",
    [
        (16, False, True),
        (None, True, True),
        (9, True, True),
        (9, False, False),
        (None, False, False),
        (40, False, False),
    ],
)
def test_a_marac_referral_records_the_dash_score(
    marac, staff_of, make_family, score, judgement, ok
):
    panel, _ = marac
    police = staff_of(AgencyKind.POLICE, Role.PRACTITIONER)
    family, _ = make_family(team=police.team)
    call = lambda: services.panel_referral_create(  # noqa: E731
        actor=police,
        panel=panel,
        family=family,
        question="Safety plan?",
        risk_score=score,
        professional_judgement=judgement,
    )
    if ok:
        referral = call()
        assert (referral.risk_score, referral.professional_judgement) == (score, judgement)
    else:
        with pytest.raises(ValidationFailed) as raised:
            call()
        assert "risk_score" in raised.value.errors


def test_a_second_marac_referral_within_12_months_is_flagged_as_repeat(
    marac, staff_of, make_family
):
    panel, _ = marac
    police = staff_of(AgencyKind.POLICE, Role.PRACTITIONER)
    family, _ = make_family(team=police.team)
    first = services.panel_referral_create(
        consent_given_by="The child's mother",
        actor=police,
        panel=panel,
        family=family,
        question="Plan?",
        risk_score=15,
        received_at=timezone.now() - timedelta(days=500),
    )
    second = services.panel_referral_create(
        consent_given_by="The child's mother",
        actor=police,
        panel=panel,
        family=family,
        question="Plan?",
        risk_score=15,
        received_at=timezone.now() - timedelta(days=100),
    )
    third = services.panel_referral_create(
        consent_given_by="The child's mother",
        actor=police,
        panel=panel,
        family=family,
        question="Plan?",
        risk_score=20,
    )
    assert (first.is_repeat, second.is_repeat, third.is_repeat) == (False, False, True)


def test_referrers_need_the_right_and_must_see_the_family(make_panel, staff_of, make_family):
    panel = make_panel("jap")
    family, _ = make_family()
    school = staff_of(AgencyKind.SCHOOL, Role.PRACTITIONER)
    with pytest.raises(AccessDenied):
        services.panel_referral_create(
            consent_given_by="The child's mother",
            actor=school,
            panel=panel,
            family=family,
            question="?",
        )
    social_worker = staff_of(AgencyKind.CHILDRENS_SOCIAL_CARE, Role.TEAM_MANAGER)
    with pytest.raises(AccessDenied):  # not involved with this family
        services.panel_referral_create(
            consent_given_by="The child's mother",
            actor=social_worker,
            panel=panel,
            family=family,
            question="?",
        )
    assert AuditEvent.objects.filter(action="refused").count() == 2
    assert not PanelReferral.objects.exists()


def test_mace2_takes_places_not_families(make_panel, staff_of, make_family):
    panel = make_panel("mace2")
    police = staff_of(AgencyKind.POLICE, Role.PRACTITIONER)
    family, _ = make_family(team=police.team)
    with pytest.raises(ValidationFailed) as raised:
        services.panel_referral_create(
            consent_given_by="The child's mother",
            actor=police,
            panel=panel,
            family=family,
            question="?",
        )
    assert {"family", "place"} <= set(raised.value.errors)
    referral = services.panel_referral_create(
        consent_given_by="The child's mother",
        actor=police,
        panel=panel,
        place="Station car park",
        question="Disruption?",
    )
    assert referral.family is None


def test_agenda_takes_up_to_the_limit_and_carries_over_the_rest(
    quorate_maag, staff_of, make_family
):
    ctx = quorate_maag
    meeting, coordinator = ctx["meeting"], ctx["coordinator"]
    meeting.agenda_limit = 2
    meeting.save()
    referrer = staff_of(AgencyKind.SCHOOL, Role.PRACTITIONER)
    referrals = []
    for surname in ("Ames", "Brook", "Cole"):
        family, _ = make_family(team=referrer.team, surname=surname)
        referrals.append(
            services.panel_referral_create(
                consent_given_by="The child's mother",
                actor=referrer,
                panel=ctx["panel"],
                family=family,
                question="Lead?",
            )
        )
    items = services.agenda_build(actor=coordinator, meeting=meeting)
    assert [i.referral for i in items] == referrals[:2]
    assert items[0].summary.text.startswith("Question for the panel: Lead?")
    services.papers_send(actor=coordinator, meeting=meeting)
    with pytest.raises(DomainError, match="papers have been sent"):
        services.agenda_build(actor=coordinator, meeting=meeting)
    services.attendance_record(
        actor=coordinator,
        meeting=meeting,
        present_ids=[m.pk for m in ctx["panel"].memberships.all()],
    )
    services.panel_decision_record(
        actor=coordinator, item=items[0], kind="no_further_action", summary="Universal services."
    )
    services.minutes_approve(actor=coordinator, meeting=meeting)
    unheard = PanelReferral.objects.get(pk=referrals[1].pk)
    assert (unheard.status, unheard.times_carried_over) == ("waiting", 1)
    nxt = services.meeting_schedule(
        actor=coordinator, panel=ctx["panel"], held_on=TODAY + timedelta(days=8), agenda_limit=1
    )
    (first,) = services.agenda_build(actor=coordinator, meeting=nxt)
    assert first.referral == referrals[1]  # carried over goes first


def test_overdue_actions_come_back_to_the_next_agenda(heard_case):
    ctx = heard_case
    coordinator = ctx["coordinator"]
    decision = services.panel_decision_record(
        actor=coordinator,
        item=ctx["item"],
        kind="no_further_action",
        summary="Done",
        actions=[
            {
                "what": "Check school attendance",
                "owner": ctx["referrer"],
                "due_on": TODAY + timedelta(days=2),
            }
        ],
    )
    services.minutes_approve(actor=coordinator, meeting=ctx["meeting"])
    later = services.meeting_schedule(
        actor=coordinator, panel=ctx["panel"], held_on=TODAY + timedelta(days=10)
    )
    items = services.agenda_build(actor=coordinator, meeting=later)
    overdue = [i for i in items if i.kind == ItemKind.OVERDUE_ACTION]
    assert [i.action for i in overdue] == list(decision.actions.all())
    assert services.agenda_build(actor=coordinator, meeting=later) == []  # not twice
