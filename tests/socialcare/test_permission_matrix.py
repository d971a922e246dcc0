"""Who may read and change a child's social care case (tests/matrix.py explains the table).

The matrix's staff all work in the children's social care team that holds the cases, which
is involved with the family; the other agency's practitioner works in a school that is not.
So a practitioner or family worker of the holding team reads the case (a partner working
with the family) and changes nothing; social workers, the team manager and a Hub social
worker of the team change it; only the team manager authorises an assessment, sees the
caseload and its safety breaches, or asks for the checks to run; county-wide social work
roles read every case; nobody else reads one (not commissioners, analysts, administrators,
panel chairs, information governance, the DPO, another agency or anonymous)."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.people import services as people
from teamaround.people.models import MemberRole
from teamaround.socialcare import selectors, services
from teamaround.socialcare.models import SocialCareReferral
from tests.factories import AgencyFactory, TeamFactory
from tests.matrix import allowed, built_once, cast, cells, page_allowed

pytestmark = pytest.mark.django_db

TABLE = {
    #                         prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "case_get":              "Y    -    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "case_list":             "Y    -    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "case_page":             "Y    -    Y    Y    Y    Y    -     -    -    -     -   -   | -     -",
    "referral_receive":      "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "referral_decide":       "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "strategy_record":       "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "assessment_save":       "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "assessment_authorise":  "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "care_start":            "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "visit_record":          "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "missing_record":        "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "case_step_down":        "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "case_close":            "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "caseload":              "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "team_breaches":         "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "safety_checks_request": "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
}  # fmt: skip

PLACEMENT = {
    "legal_status": "V2",
    "placement_type": "U6",
    "provider": "PR1",
    "provider_name": "Mr and Mrs Carter",
    "postcode": "CM2 9AA",
}


def _family(surname: str, team):
    family = people.family_create(actor=SYSTEM, name=f"{surname} household")
    people.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.PARENT,
        forenames="Kerry",
        surname=surname,
        date_of_birth=date(1988, 3, 4),
        address={"line_1": "1 High Street", "postcode": "CM1 1QH"},
    )
    family.child = people.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Jayden",
        surname=surname,
        date_of_birth=date(2015, 4, 9),
    )
    people.involvement_open(actor=SYSTEM, family=family, team=team, reason="Social care")
    return family


def _referral(family, team, worker, *, received_on):
    return services.referral_receive(
        actor=SYSTEM,
        family=family,
        child=family.child,
        source="2A",
        primary_need="N1",
        reason="Bruising seen at school.",
        received_on=received_on,
        allocated_worker=worker,
        team=team,
    )


def _decided(family, team, worker, decision: str, received_on):
    referral = _referral(family, team, worker, received_on=received_on)
    services.referral_decide(
        actor=worker, referral=referral, decision=decision, reason="x", decided_on=received_on
    )
    referral.refresh_from_db()
    return referral


def build():
    team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.CHILDRENS_SOCIAL_CARE))
    other_team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL))
    matrix = cast(team, other_team, prefix="socialcare")
    worker = matrix[Role.SOCIAL_WORKER]
    today = timezone.localdate()
    family = _family("Whitmore", team)
    new = _referral(family, team, worker, received_on=today)
    strategy = _decided(family, team, worker, "strategy", today - timedelta(days=10))
    assessing = _decided(family, team, worker, "assessment", today - timedelta(days=200))
    submitted = _decided(family, team, worker, "assessment", today - timedelta(days=60))
    services.assessment_save(
        actor=worker,
        assessment=submitted.assessment,
        factors=["18B"],
        child_voice="Jayden wants the shouting to stop.",
        analysis="Domestic abuse.",
        outcome="cin",
        version=submitted.assessment.version,
    )
    services.assessment_submit(actor=worker, assessment=submitted.assessment)
    looked_after = _decided(family, team, worker, "assessment", today - timedelta(days=100))
    services.care_start(
        actor=worker, referral=looked_after, started_on=today - timedelta(days=50), **PLACEMENT
    )
    return SimpleNamespace(
        matrix=matrix,
        team=team,
        family=family,
        new=new,
        strategy=strategy,
        assessing=assessing,
        submitted=submitted,
        looked_after=looked_after,
        today=today,
    )


world = built_once(build)


def _fresh(w):
    """The world's cases read again: a cell that changed one is rolled back in the database,
    but not in the objects the module holds."""
    cases = {
        name: SocialCareReferral.objects.get(pk=getattr(w, name).pk)
        for name in ("new", "strategy", "assessing", "submitted", "looked_after")
    }
    return SimpleNamespace(**{**vars(w), **cases})


def _operations(w):
    w = _fresh(w)
    today = w.today
    return {
        "case_get": lambda a: selectors.case_get(actor=a, referral_id=w.new.pk),
        "case_list": lambda a: selectors.case_list(actor=a).filter(pk=w.new.pk).exists(),
        "case_page": lambda a: page_allowed(a, reverse("socialcare:case", args=[w.new.pk])),
        "referral_receive": lambda a: _referral_as(a, w),
        "referral_decide": lambda a: services.referral_decide(
            actor=a, referral=w.new, decision="assessment", reason="Assess"
        ),
        "strategy_record": lambda a: services.strategy_record(
            actor=a,
            referral=w.strategy,
            held_on=today,
            attendees=[
                {"name": "Sam Social", "agency": "social_care"},
                {"name": "PC Dale", "agency": "police"},
                {"name": "Nurse Lee", "agency": "health"},
                {"name": "Mrs Ng", "agency": "education"},
            ],
            summary="Section 47 agreed.",
            section_47=True,
        ),
        "assessment_save": lambda a: services.assessment_save(
            actor=a,
            assessment=w.assessing.assessment,
            factors=["3B"],
            child_voice="Jayden says he is scared.",
            analysis="Harm.",
            outcome="cin",
            version=w.assessing.assessment.version,
        ),
        "assessment_authorise": lambda a: services.assessment_authorise(
            actor=a, assessment=w.submitted.assessment, comment="Agreed: a child in need plan."
        ),
        "care_start": lambda a: services.care_start(
            actor=a,
            referral=w.assessing,
            started_on=today - timedelta(days=5),
            **PLACEMENT,
        ),
        "visit_record": lambda a: services.visit_record(
            actor=a, referral=w.assessing, visited_on=today, seen_alone=True, notes="Seen alone."
        ),
        "missing_record": lambda a: services.missing_record(
            actor=a,
            referral=w.looked_after,
            missing_on=today - timedelta(days=1),
            returned_on=today,
        ),
        "case_step_down": lambda a: services.case_step_down(
            actor=a, referral=w.assessing, reason="Needs now met by early help."
        ),
        "case_close": lambda a: services.case_close(
            actor=a, referral=w.assessing, closure_reason="RC7"
        ),
        "caseload": lambda a: selectors.caseload(actor=a),
        "team_breaches": lambda a: selectors.team_breaches(actor=a).exists() or True,
        "safety_checks_request": lambda a: services.safety_checks_request(actor=a),
    }


def _referral_as(actor, w):
    """A new referral of the family, received by the actor's own (social care) team."""
    return services.referral_receive(
        actor=actor,
        family=w.family,
        child=w.family.child,
        source="1A",
        primary_need="N2",
        reason="A second concern.",
    )


@pytest.mark.parametrize(("operation", "who", "expected"), cells(TABLE))
def test_permission_matrix(world, operation, who, expected):
    actor = world.matrix[who]
    run = _operations(world)[operation]
    assert allowed(lambda: run(actor)) is expected
