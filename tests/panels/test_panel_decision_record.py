"""panel_decision_record: each panel type's decisions and their rules."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.core.errors import DomainError, ValidationFailed
from teamaround.core.models import WorkItem
from teamaround.core.work import work_items_for
from teamaround.panels import services
from teamaround.panels.models import MemberRole, PackageOfSupport, PanelDecision
from teamaround.people.models import FamilyEvent
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db
SOON = timezone.localdate() + timedelta(days=14)


def _package(service, agency, **overrides):
    details = {
        "starts_on": timezone.localdate(),
        "duration_weeks": 12,
        "review_on": timezone.localdate() + timedelta(weeks=6),
        "parts": [{"service": service, "provider": agency, "cost": Decimal("1200")}],
    }
    details.update(overrides)
    return details


def test_maag_agrees_a_package_and_actions_reach_the_task_list_and_chronology(
    heard_case, directory_service
):
    service, agency = directory_service
    lead = heard_case["referrer"]
    decision = services.panel_decision_record(
        actor=heard_case["coordinator"],
        item=heard_case["item"],
        kind="package",
        summary="School DSL to lead; parenting programme.",
        lead_professional=lead,
        details=_package(service, agency),
        actions=[{"what": "Arrange first TAF meeting", "owner": lead, "due_on": SOON}],
    )
    package = PackageOfSupport.objects.get(decision=decision)
    assert package.total_cost == Decimal("1200.00")
    assert package.district == heard_case["panel"].district
    assert not decision.inquorate
    tasks = list(work_items_for(actor=lead))
    assert [t.title for t in tasks] == ["Arrange first TAF meeting"]
    assert tasks[0].link.startswith("/panels/actions/")
    events = FamilyEvent.objects.filter(family=heard_case["family"], source_app="panels")
    assert sorted(e.summary for e in events) == [
        f"MAAG agreed an action, due {SOON:%d %b %Y}",
        "MAAG recorded a decision",
    ]
    assert {e.source_id for e in events} == {str(decision.pk), str(decision.actions.get().pk)}
    heard_case["referral"].refresh_from_db()
    assert heard_case["referral"].status == "heard"


@pytest.mark.parametrize(
    "change, field",
    [
        (
            {"parts": [{"service": "S", "provider": None, "cost": Decimal("10")}]},
            "parts-0-provider",
        ),
        ({"parts": [{"service": "S", "provider": "A", "cost": None}]}, "parts-0-cost"),
        ({"review_on": None}, "review_on"),
        ({"parts": []}, "parts"),
    ],
)
def test_a_package_must_name_a_provider_cost_and_review_date(
    heard_case, directory_service, change, field
):
    service, agency = directory_service
    for part in change.get("parts", []):
        part["service"] = service if part["service"] == "S" else None
        part["provider"] = agency if part["provider"] == "A" else None
    with pytest.raises(ValidationFailed) as raised:
        services.panel_decision_record(
            actor=heard_case["coordinator"],
            item=heard_case["item"],
            kind="package",
            summary="Package",
            lead_professional=heard_case["referrer"],
            details=_package(service, agency, **change),
        )
    assert field in raised.value.errors
    assert not PanelDecision.objects.exists() and not WorkItem.objects.exists()


def test_a_decision_at_an_inquorate_meeting_is_marked(heard_case):
    ctx = heard_case
    just_two = [m.pk for m in ctx["panel"].memberships.all()[:2]]
    services.attendance_record(
        actor=ctx["coordinator"], meeting=ctx["meeting"], present_ids=just_two
    )
    ctx["meeting"].refresh_from_db()
    assert ctx["meeting"].is_quorate is False
    decision = services.panel_decision_record(
        actor=ctx["coordinator"],
        item=ctx["item"],
        kind="no_further_action",
        summary="Needs met by universal services.",
    )
    assert decision.inquorate is True


def test_a_panel_cannot_make_another_panels_kind_of_decision(heard_case):
    with pytest.raises(DomainError, match="cannot make that kind"):
        services.panel_decision_record(
            actor=heard_case["coordinator"],
            item=heard_case["item"],
            kind="joint_funding",
            summary="x",
        )


def _case_at(code, make_panel, seat, make_family, staff_of, kinds):
    from teamaround.accounts.roles import Role

    panel = make_panel(code)
    coordinator = seat(panel, kinds[0], MemberRole.COORDINATOR)
    for kind in kinds[1:]:
        seat(panel, kind)
    referrer = staff_of(AgencyKind.CHILDRENS_SOCIAL_CARE, Role.SOCIAL_WORKER)
    family, child = make_family(team=referrer.team)
    services.panel_referral_create(
        consent_given_by="The child's mother",
        actor=referrer,
        panel=panel,
        family=family,
        question="Fund jointly?",
        risk_score=18 if code == "marac" else None,
    )
    meeting = services.meeting_schedule(actor=coordinator, panel=panel, held_on=SOON)
    (item,) = services.agenda_build(actor=coordinator, meeting=meeting)
    services.attendance_record(
        actor=coordinator, meeting=meeting, present_ids=[m.pk for m in panel.memberships.all()]
    )
    item.meeting.refresh_from_db()
    return panel, coordinator, item, referrer


JAP_KINDS = [AgencyKind.CHILDRENS_SOCIAL_CARE, AgencyKind.ADULT_SERVICES, AgencyKind.CAMHS]


@pytest.mark.parametrize(
    "shares, ok", [(["60", "40"], True), (["60", "30"], False), (["50", "50.01"], False)]
)
def test_jap_shares_must_add_up_to_exactly_100(make_panel, seat, make_family, staff_of, shares, ok):
    panel, coordinator, item, _ = _case_at(
        "jap", make_panel, seat, make_family, staff_of, JAP_KINDS
    )
    agencies = [AgencyFactory(kind=AgencyKind.CHILDRENS_SOCIAL_CARE), AgencyFactory()]
    details = {
        "total_cost": Decimal("50000"),
        "shares": [
            {"agency": a, "percentage": Decimal(p)} for a, p in zip(agencies, shares, strict=True)
        ],
    }
    call = lambda: services.panel_decision_record(  # noqa: E731
        actor=coordinator,
        item=item,
        kind="joint_funding",
        summary="Jointly funded.",
        details=details,
    )
    if ok:
        decision = call()
        amounts = sorted(s.amount for s in decision.funding_shares.all())
        assert amounts == [Decimal("20000.00"), Decimal("30000.00")]
    else:
        with pytest.raises(ValidationFailed) as raised:
            call()
        assert "100%" in raised.value.errors["shares"][0]


def test_earp_records_the_alternative_and_the_placement_it_avoids(
    make_panel, seat, make_family, staff_of
):
    kinds = [AgencyKind.CHILDRENS_SOCIAL_CARE, AgencyKind.COUNCIL_EARLY_HELP, AgencyKind.SCHOOL]
    panel, coordinator, item, _ = _case_at("earp", make_panel, seat, make_family, staff_of, kinds)
    with pytest.raises(ValidationFailed) as raised:
        services.panel_decision_record(
            actor=coordinator,
            item=item,
            kind="alternative",
            summary="x",
            details={"avoided": "prison", "description": "", "annual_cost": "-1"},
        )
    assert {"avoided", "description", "annual_cost", "avoided_annual_cost"} <= set(
        raised.value.errors
    )
    decision = services.panel_decision_record(
        actor=coordinator,
        item=item,
        kind="alternative",
        summary="Stay at home with support.",
        details={
            "avoided": "independent_school",
            "description": "Local specialist provision",
            "annual_cost": "18000",
            "avoided_annual_cost": "65000",
        },
    )
    assert decision.alternative.saving == Decimal("47000.00")


MARAC_KINDS = [AgencyKind.POLICE, AgencyKind.CHILDRENS_SOCIAL_CARE, AgencyKind.VOLUNTARY]


def test_marac_safety_plan_needs_actions_and_unshared_actions_stay_with_members(
    make_panel, seat, make_family, staff_of
):
    panel, coordinator, item, referrer = _case_at(
        "marac", make_panel, seat, make_family, staff_of, MARAC_KINDS
    )
    with pytest.raises(ValidationFailed) as raised:
        services.panel_decision_record(
            actor=coordinator,
            item=item,
            kind="safety_plan",
            summary="Plan",
            details={"risks": "High risk"},
            actions=[{"what": "Visit", "owner": referrer, "due_on": SOON}],
        )
    assert "actions-0-owner" in raised.value.errors  # not a member, not shared
    decision = services.panel_decision_record(
        actor=coordinator,
        item=item,
        kind="safety_plan",
        summary="Plan",
        details={"risks": "High risk"},
        actions=[
            {"what": "Flag the address", "owner": coordinator, "due_on": SOON},
            {
                "what": "Offer early help",
                "owner": referrer,
                "due_on": SOON,
                "shared_with_owner": True,
            },
        ],
    )
    assert decision.safety_plan.risks == "High risk"
    shared = work_items_for(actor=referrer).get()
    assert "MARAC" not in shared.title
    events = FamilyEvent.objects.filter(source_app="panels")
    assert [e.summary for e in events] and all("MARAC" not in e.summary for e in events)
    assert events.count() == 1  # only the shared action reaches the chronology


def test_a_decision_with_no_action_reaches_the_family_timeline_and_moves_the_referral(
    heard_case,
):
    from teamaround.core.models import AuditEvent

    decision = services.panel_decision_record(
        actor=heard_case["coordinator"],
        item=heard_case["item"],
        kind="no_further_action",
        summary="Needs met by universal services.",
    )
    event = FamilyEvent.objects.get(family=heard_case["family"], source_app="panels")
    assert event.source_id == str(decision.pk) and event.kind == "panel_decision"
    assert event.actor == heard_case["coordinator"]
    moves = AuditEvent.objects.filter(
        object_id=str(heard_case["referral"].pk), changes__status__isnull=False
    ).order_by("occurred_at")
    statuses = [m.changes["status"] for m in moves]
    assert statuses == [["waiting", "on_agenda"], ["on_agenda", "heard"]]
    assert moves.last().actor == heard_case["coordinator"]
    assert moves.last().reason == "Decision: no_further_action"
