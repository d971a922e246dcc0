"""Who may see and change a case: the allocated worker, the case's team and its manager;
county-wide social work roles read; a partner whose team works with the family reads; nobody
else (another agency, another team's manager, commissioners, analysts, administrators,
anonymous). Every read audited; every refusal audited."""

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.errors import RecordRefused
from teamaround.core.models import AuditEvent
from teamaround.socialcare import selectors
from teamaround.socialcare.models import SocialCareReferral


@pytest.fixture
def case(referral):
    return referral


def test_the_team_and_county_wide_social_workers_read_the_case(
    case, worker, colleague, manager, other_worker, teacher, make_user
):
    hub = make_user(Role.HUB_SOCIAL_WORKER, username="hub")
    for actor in (worker, colleague, manager, other_worker, hub, teacher):
        assert selectors.case_get(actor=actor, referral_id=case.pk) == case
        assert AuditEvent.objects.filter(
            actor=actor, action="view", object_id=str(case.pk)
        ).exists()
        assert case in selectors.case_list(actor=actor)


@pytest.mark.parametrize(
    "role",
    [
        Role.PRACTITIONER,
        Role.FAMILY_WORKER,
        Role.COMMISSIONER,
        Role.DATA_ANALYST,
        Role.ADMINISTRATOR,
        Role.PANEL_CHAIR,
        Role.INFORMATION_GOVERNANCE,
        Role.DATA_PROTECTION_OFFICER,
        Role.HUB_SCREENER,
        Role.TEAM_MANAGER,
    ],
)
def test_nobody_else_reads_it(case, make_user, role):
    stranger = make_user(role, username=f"stranger-{role}")
    with pytest.raises(RecordRefused):
        selectors.case_get(actor=stranger, referral_id=case.pk)
    assert AuditEvent.objects.filter(actor=stranger, action="refused").exists()
    assert not selectors.case_list(actor=stranger).exists()


def test_change_is_the_allocated_worker_and_the_team(
    case, worker, colleague, manager, other_worker, other_manager, teacher, make_user
):
    hub = make_user(Role.HUB_SOCIAL_WORKER, username="hub")
    for actor in (worker, colleague, manager):
        assert actor.has_perm("socialcare.change_case", case)
    for actor in (other_worker, other_manager, teacher, hub):
        assert not actor.has_perm("socialcare.change_case", case)
    assert manager.has_perm("socialcare.authorise", case)
    for actor in (worker, colleague, other_manager, teacher):
        assert not actor.has_perm("socialcare.authorise", case)


def test_a_partner_loses_sight_when_their_team_stops_working_with_the_family(
    case, family, teacher, school_team
):
    from teamaround.core.access import SYSTEM
    from teamaround.people import selectors as people_selectors
    from teamaround.people import services as people_services

    involvement = people_selectors.family_involvements(family).get(team=school_team)
    people_services.involvement_close(actor=SYSTEM, involvement=involvement, reason="Left")
    with pytest.raises(RecordRefused):
        selectors.case_get(actor=teacher, referral_id=case.pk)


def test_pages_refuse_strangers_and_anonymous(case, client, signed_in, make_user):
    urls = [
        reverse("socialcare:case", args=[case.pk]),
        reverse("socialcare:decide", args=[case.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and reverse("socialcare:case", args=[case.pk]) != (
            response.url
        )
    stranger = make_user(Role.COMMISSIONER, username="commissioner")
    browser = signed_in(stranger)
    for url in urls:
        assert browser.get(url).status_code == 403
    assert browser.get(reverse("socialcare:caseload")).status_code == 403


def test_a_partner_reads_but_cannot_decide(case, teacher, signed_in):
    browser = signed_in(teacher)
    page = browser.get(reverse("socialcare:case", args=[case.pk]))
    assert page.status_code == 200
    assert "Decide on the referral" not in page.content.decode()
    response = browser.post(
        reverse("socialcare:decide", args=[case.pk]), {"decision": "nfa", "reason": "No"}
    )
    assert response.status_code == 403
    assert SocialCareReferral.objects.get().status == "awaiting_decision"


def test_the_caseload_is_the_managers_own_team(case, manager, other_manager, worker):
    board = selectors.caseload(actor=manager)
    assert [c["pk"] for c in board["cases"]] == [case.pk]
    assert selectors.caseload(actor=other_manager)["cases"] == []
    from teamaround.core.errors import AccessDenied

    with pytest.raises(AccessDenied):
        selectors.caseload(actor=worker)
