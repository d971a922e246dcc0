"""Who may read and change what the restricted panels hold about a family (tests/matrix.py
explains the table).

Every member of staff in the matrix works in a team involved with both families, so each of
them may open the families' own records; only the matrix's panel chair sits on the MARAC (as
its chair), and nobody in the matrix sits on the MACE. Being involved with a family, or
chairing another panel, must not open a restricted panel's case summary, decision, action or
referral by id."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.panels import selectors, services
from teamaround.panels.models import CaseSummary, MemberRole, PanelAction, PanelMeeting, PanelType
from teamaround.panels.services.types import essex_panel_types
from teamaround.people import services as people
from teamaround.people.models import Family
from teamaround.people.models import MemberRole as FamilyRole
from tests.factories import AgencyFactory, TeamFactory, UserFactory
from tests.matrix import allowed, built_once, cast, cells

pytestmark = pytest.mark.django_db

TABLE = {
    #                          prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "marac_summary_get":      "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "mace_summary_get":       "-    -    -    -    -    -    -     -    -    -     -   -   | -     -",
    "marac_summaries_for":    "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "mace_summaries_for":     "-    -    -    -    -    -    -     -    -    -     -   -   | -     -",
    "marac_meeting_get":      "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "mace_meeting_get":       "-    -    -    -    -    -    -     -    -    -     -   -   | -     -",
    "meeting_list":           "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "minutes_get":            "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "referral_get":           "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "referral_list":          "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "decision_get":           "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "decision_list":          "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "action_get":             "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "action_list":            "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "case_summary_save":      "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "mace_case_summary_save": "-    -    -    -    -    -    -     -    -    -     -   -   | -     -",
    "minutes_generate":       "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "panel_action_complete":  "-    -    -    -    -    -    Y     -    -    -     -   -   | -     -",
    "marac_referral_create":  "Y    Y    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
}  # fmt: skip

SOON = timezone.localdate() + timedelta(days=7)
LONG_AGO = date(2020, 1, 1)


def _family(surname, teams):
    family = people.family_create(actor=SYSTEM, name=f"{surname} household")
    people.person_create(
        actor=SYSTEM,
        family=family,
        role=FamilyRole.CHILD,
        forenames="Riley",
        surname=surname,
        date_of_birth=date(2011, 5, 6),
    )
    for team in teams:
        people.involvement_open(actor=SYSTEM, family=family, team=team, reason="Working with them")
    return family


def _panel_with_case(code, coordinator, family, *, chair=None, **referral):
    kind = PanelType.objects.get(code=code)
    panel = services.panel_create(actor=SYSTEM, panel_type=kind, name=f"{kind.short_name} Essex")
    seats = [(coordinator, MemberRole.COORDINATOR)] + ([(chair, MemberRole.CHAIR)] if chair else [])
    for user, role in seats:
        services.panel_membership_add(
            actor=SYSTEM, panel=panel, user=user, role=role, started_on=LONG_AGO
        )
    services.panel_referral_create(
        consent_given_by="The child's mother",
        actor=coordinator,
        panel=panel,
        family=family,
        question="Safety?",
        **referral,
    )
    meeting = services.meeting_schedule(actor=coordinator, panel=panel, held_on=SOON)
    (item,) = services.agenda_build(actor=coordinator, meeting=meeting)
    services.attendance_record(
        actor=coordinator, meeting=meeting, present_ids=[m.pk for m in panel.memberships.all()]
    )
    return panel, meeting, item


def build():
    services.panel_types_load(actor=SYSTEM, data=essex_panel_types())
    team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.COUNCIL_EARLY_HELP))
    other_team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL))
    matrix = cast(team, other_team, prefix="panels")
    police = TeamFactory(agency=AgencyFactory(kind=AgencyKind.POLICE))
    marac_coordinator = UserFactory(roles=[Role.PRACTITIONER], team=police, password=None)
    mace_coordinator = UserFactory(roles=[Role.PRACTITIONER], team=police, password=None)
    marac_family = _family("Ashdown", [team, police])
    mace_family = _family("Brennan", [team, police])
    _, marac_meeting, marac_item = _panel_with_case(
        "marac", marac_coordinator, marac_family, chair=matrix[Role.PANEL_CHAIR], risk_score=17
    )
    decision = services.panel_decision_record(
        actor=marac_coordinator,
        item=marac_item,
        kind="safety_plan",
        summary="Plan",
        details={"risks": "R"},
        actions=[{"what": "Target hardening", "owner": marac_coordinator, "due_on": SOON}],
    )
    _, mace_meeting, mace_item = _panel_with_case("mace1", mace_coordinator, mace_family)
    return SimpleNamespace(
        people=matrix,
        marac_family_id=marac_family.pk,
        marac_meeting_id=marac_meeting.pk,
        mace_meeting_id=mace_meeting.pk,
        marac_summary_id=marac_item.summary.pk,
        mace_summary_id=mace_item.summary.pk,
        referral_id=marac_item.referral_id,
        decision_id=decision.pk,
        action_id=PanelAction.objects.get(decision=decision).pk,
        marac_panel_id=marac_meeting.panel_id,
    )


world = built_once(build)


def _meeting(pk):
    return PanelMeeting.objects.get(pk=pk)


def _summary(pk):
    return CaseSummary.objects.get(pk=pk)


def _refer(w, a):
    return services.panel_referral_create(
        consent_given_by="The child's mother",
        actor=a,
        panel=_meeting(w.marac_meeting_id).panel,
        family=Family.objects.get(pk=w.marac_family_id),
        question="Is she safe at home?",
        risk_score=15,
    )


OPERATIONS = {
    "marac_summary_get": lambda w, a: selectors.case_summary_get(
        actor=a, summary_id=w.marac_summary_id
    ),
    "mace_summary_get": lambda w, a: selectors.case_summary_get(
        actor=a, summary_id=w.mace_summary_id
    ),
    "marac_summaries_for": lambda w, a: bool(
        selectors.case_summaries_for(actor=a, meeting=_meeting(w.marac_meeting_id))
    ),
    "mace_summaries_for": lambda w, a: bool(
        selectors.case_summaries_for(actor=a, meeting=_meeting(w.mace_meeting_id))
    ),
    "marac_meeting_get": lambda w, a: selectors.meeting_get(actor=a, meeting_id=w.marac_meeting_id),
    "mace_meeting_get": lambda w, a: selectors.meeting_get(actor=a, meeting_id=w.mace_meeting_id),
    "meeting_list": lambda w, a: (
        selectors.meeting_list(actor=a).filter(pk=w.marac_meeting_id).exists()
    ),
    "minutes_get": lambda w, a: selectors.minutes_get(actor=a, meeting_id=w.marac_meeting_id),
    "referral_get": lambda w, a: selectors.referral_get(actor=a, referral_id=w.referral_id),
    "referral_list": lambda w, a: (
        selectors.referral_list(actor=a).filter(pk=w.referral_id).exists()
    ),
    "decision_get": lambda w, a: selectors.decision_get(actor=a, decision_id=w.decision_id),
    "decision_list": lambda w, a: (
        selectors.decision_list(actor=a).filter(pk=w.decision_id).exists()
    ),
    "action_get": lambda w, a: selectors.action_get(actor=a, action_id=w.action_id),
    "action_list": lambda w, a: selectors.action_list(actor=a).filter(pk=w.action_id).exists(),
    "case_summary_save": lambda w, a: services.case_summary_save(
        actor=a, summary=_summary(w.marac_summary_id), text="Risk remains high."
    ),
    "mace_case_summary_save": lambda w, a: services.case_summary_save(
        actor=a, summary=_summary(w.mace_summary_id), text="Seen with older males."
    ),
    "minutes_generate": lambda w, a: services.minutes_generate(
        actor=a, meeting=_meeting(w.marac_meeting_id)
    ),
    "panel_action_complete": lambda w, a: services.panel_action_complete(
        actor=a, action=PanelAction.objects.get(pk=w.action_id), outcome="Locks fitted"
    ),
    "marac_referral_create": _refer,
}


def test_every_operation_has_a_row():
    assert set(OPERATIONS) == set(TABLE)


@pytest.mark.parametrize(("operation", "who", "expected"), cells(TABLE))
def test_permission_matrix(world, operation, who, expected):
    actor = world.people[who]
    assert allowed(lambda: OPERATIONS[operation](world, actor)) is expected
