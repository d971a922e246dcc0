"""Who may read and change a child's pre-proceedings, family group decision making, family
network and the application to court, and the council's safety standards (tests/matrix.py
explains the table; every cell written by hand).

The staff all work in the children's social care team holding the cases, which is involved
with the family. A practitioner or family worker of that team is a partner of the case: they
read the case page but not its legal planning or the wider family's contact details. Social
workers, the team manager and a Hub social worker of the team change them; only the team
manager starts pre-proceedings, authorises an FGDM exception (the allocated worker here is the
social worker) or changes a safety standard; nobody else sees any of it."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.socialcare import services
from teamaround.socialcare.models import SafetyStandard, SocialCareReferral
from teamaround.socialcare.services.standards import safety_standard_set
from tests.factories import AgencyFactory, TeamFactory
from tests.matrix import allowed, built_once, cast, cells, page_allowed
from tests.socialcare.test_permission_matrix import _decided, _family

pytestmark = pytest.mark.django_db

TABLE = {
    #                    prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "proceedings_page":    "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "plo_start":           "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "letter_record":       "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "fgdm_offer_record":   "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "fgdm_exception":      "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "network_member_add":  "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "proceedings_issue":   "-    -    Y    -    Y    Y    -     -    -    -     -   -   | -     -",
    "standards_page":      "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "standard_set":        "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
}  # fmt: skip


def build():
    team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.CHILDRENS_SOCIAL_CARE))
    other_team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL))
    matrix = cast(team, other_team, prefix="proceedings")
    worker, manager = matrix[Role.SOCIAL_WORKER], matrix[Role.TEAM_MANAGER]
    today = timezone.localdate()
    family = _family("Whitmore", team)
    plain = _decided(family, team, worker, "assessment", today - timedelta(days=60))
    in_plo = _decided(family, team, worker, "assessment", today - timedelta(days=90))
    plo = services.pre_proceedings_start(
        actor=manager,
        referral=in_plo,
        legal_planning_meeting_on=today - timedelta(days=20),
        decided_on=today - timedelta(days=20),
        reason="Neglect continues.",
    )
    services.fgdm_exception_authorise(actor=manager, referral=in_plo, reason="Emergency.")
    return SimpleNamespace(matrix=matrix, plain=plain, in_plo=in_plo, plo=plo, today=today)


world = built_once(build)


def _operations(w):
    plain = SocialCareReferral.objects.get(pk=w.plain.pk)
    in_plo = SocialCareReferral.objects.get(pk=w.in_plo.pk)
    plo = in_plo.pre_proceedings.get(pk=w.plo.pk)
    today = w.today
    standard = SafetyStandard.objects.get(key="cp_visit")
    return {
        "proceedings_page": lambda a: page_allowed(
            a, reverse("socialcare:proceedings", args=[in_plo.pk])
        ),
        "plo_start": lambda a: services.pre_proceedings_start(
            actor=a,
            referral=plain,
            legal_planning_meeting_on=today,
            decided_on=today,
            reason="Neglect.",
        ),
        "letter_record": lambda a: services.letter_before_proceedings_record(
            actor=a, pre_proceedings=plo, sent_on=today, sent_to="Kerry Whitmore"
        ),
        "fgdm_offer_record": lambda a: services.fgdm_offer_record(
            actor=a, referral=in_plo, offered_on=today, offered_to="Kerry Whitmore"
        ),
        "fgdm_exception": lambda a: services.fgdm_exception_authorise(
            actor=a, referral=plain, reason="Emergency protection order."
        ),
        "network_member_add": lambda a: services.network_member_add(
            actor=a,
            referral=plain,
            name="Lisa Whitmore",
            relationship="Aunt",
            contact="07700 900001",
            consent="given",
            consent_on=today,
        ),
        "proceedings_issue": lambda a: services.proceedings_issue(
            actor=a, referral=in_plo, issued_on=today, court="Chelmsford", order_sought="care"
        ),
        "standards_page": lambda a: page_allowed(a, reverse("socialcare:standards")),
        "standard_set": lambda a: safety_standard_set(
            actor=a, standard=standard, working_days=7, reason="Practice standards meeting."
        ),
    }


@pytest.mark.parametrize(("operation", "who", "expected"), cells(TABLE))
def test_permission_matrix(world, operation, who, expected):
    actor = world.matrix[who]
    run = _operations(world)[operation]
    assert allowed(lambda: run(actor)) is expected
