"""The multi-agency child protection team and its Lead Child Protection Practitioner
(Children's Wellbeing and Schools Act 2026), and core groups (Working Together 2023): members
of any agency read the case from the moment they join and lose it the moment they leave; the
lead is one of them, a social worker, with history; the first core group meeting is due 10
working days after the initial conference, across bank holidays."""

from datetime import date

import pytest
from django.urls import reverse

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied, DomainError, ValidationFailed
from teamaround.core.models import WorkItem
from teamaround.socialcare import selectors, services
from teamaround.socialcare.models import CaseEvent, CoreGroup
from teamaround.socialcare.seeding import ALL_FOUR
from teamaround.socialcare.services import core_group, cp_team
from tests.factories import AgencyFactory, TeamFactory


@pytest.fixture
def officer(make_user):
    team = TeamFactory(agency=AgencyFactory(name="Essex Police", kind=AgencyKind.POLICE))
    return make_user(Role.PRACTITIONER, team=team, username="pc", first_name="Dale", last_name="Ng")


@pytest.fixture
def nurse(make_user):
    agency = AgencyFactory(name="Health visiting", kind=AgencyKind.HEALTH_VISITING)
    return make_user(
        Role.PRACTITIONER, team=TeamFactory(agency=agency), username="hv", last_name="Lee"
    )


@pytest.fixture
def enquiry(receive, worker):
    """A case in a section 47 enquiry (strategy on Monday 1 December 2025)."""
    referral = receive(received_on=date(2025, 12, 1))
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="strategy",
        reason="Harm",
        decided_on=date(2025, 12, 1),
    )
    referral.refresh_from_db()
    services.strategy_record(
        actor=worker,
        referral=referral,
        held_on=date(2025, 12, 1),
        attendees=ALL_FOUR,
        summary="Section 47 agreed.",
        section_47=True,
    )
    referral.refresh_from_db()
    return referral


def _can_read(user, referral):
    return user.has_perm("socialcare.view_case", referral)


def test_a_member_of_any_agency_reads_the_case_while_in_the_team(enquiry, worker, officer):
    assert not _can_read(officer, enquiry)
    member = cp_team.cp_team_member_add(actor=worker, referral=enquiry, practitioner=officer)
    assert member.discipline == "police"
    assert _can_read(officer, enquiry) and not officer.has_perm("socialcare.change_case", enquiry)
    task = WorkItem.objects.get(source_type="socialcare.cp_team", status="open")
    assert task.assigned_to == officer and str(enquiry.pk) in task.link
    assert CaseEvent.objects.filter(referral=enquiry, kind="cp_team").exists()
    cp_team.cp_team_member_remove(actor=worker, member=member, reason="Moved to another unit")
    assert not _can_read(officer, enquiry)
    task.refresh_from_db()
    assert task.status == "cancelled"
    with pytest.raises(DomainError):
        cp_team.cp_team_member_remove(actor=worker, member=member, reason="again")


def test_the_team_says_which_of_the_four_agencies_is_missing(enquiry, worker, officer):
    cp_team.cp_team_member_add(actor=worker, referral=enquiry, practitioner=officer)
    with pytest.raises(DomainError):
        cp_team.cp_team_member_add(actor=worker, referral=enquiry, practitioner=officer)
    missing = selectors.cp_team.case_cp_team(enquiry)["cp_missing"]
    assert missing == ["Health", "Education", "Social care"]


def test_the_lead_is_a_social_worker_in_the_team_and_changes_are_kept(
    enquiry, worker, colleague, officer, other_worker
):
    with pytest.raises(DomainError):  # not in the team
        cp_team.lcpp_name(actor=worker, referral=enquiry, practitioner=colleague, reason="x")
    cp_team.cp_team_member_add(actor=worker, referral=enquiry, practitioner=officer)
    with pytest.raises(DomainError):  # police, not a social worker
        cp_team.lcpp_name(actor=worker, referral=enquiry, practitioner=officer, reason="x")
    cp_team.cp_team_member_add(actor=worker, referral=enquiry, practitioner=other_worker)
    with pytest.raises(DomainError):
        cp_team.lcpp_name(actor=worker, referral=enquiry, practitioner=other_worker, reason=" ")
    first = cp_team.lcpp_name(
        actor=worker, referral=enquiry, practitioner=other_worker, reason="Experienced"
    )
    # The lead, in another team, may now change the case.
    assert other_worker.has_perm("socialcare.change_case", enquiry)
    cp_team.cp_team_member_add(actor=worker, referral=enquiry, practitioner=colleague)
    member = enquiry.cp_team.get(practitioner=other_worker)
    with pytest.raises(DomainError):  # name a new lead first
        cp_team.cp_team_member_remove(actor=worker, member=member, reason="Leaving")
    cp_team.lcpp_name(actor=worker, referral=enquiry, practitioner=colleague, reason="Cover")
    first.refresh_from_db()
    assert first.ended_at is not None and enquiry.lcpps.count() == 2
    assert not other_worker.has_perm("socialcare.change_case", enquiry)
    assert WorkItem.objects.get(source_type="socialcare.lcpp", status="open").assigned_to == (
        colleague
    )


def test_who_may_not_change_the_team(enquiry, worker, officer, teacher, other_worker, outsider):
    for actor in (officer, teacher, other_worker, outsider):
        with pytest.raises(AccessDenied):
            cp_team.cp_team_member_add(actor=actor, referral=enquiry, practitioner=officer)
    cp_team.cp_team_member_add(actor=worker, referral=enquiry, practitioner=officer)
    with pytest.raises(AccessDenied):  # a member reads, never changes
        cp_team.cp_team_member_add(actor=officer, referral=enquiry, practitioner=teacher)


def test_only_a_case_in_child_protection_has_a_team(receive, worker, officer, make_user):
    referral = receive()
    with pytest.raises(DomainError):
        cp_team.cp_team_member_add(actor=worker, referral=referral, practitioner=officer)
    analyst = make_user(Role.DATA_ANALYST, team=officer.team, username="analyst")
    referral.status = "protection"
    referral.save()
    with pytest.raises(DomainError):  # an analyst does no casework
        cp_team.cp_team_member_add(actor=worker, referral=referral, practitioner=analyst)


def _to_plan(referral, worker, held_on):
    services.enquiry_complete(
        actor=worker, enquiry=referral.enquiries.get(), outcome="conference", findings="Yes"
    )
    services.conference_record(
        actor=worker,
        conference=referral.conferences.get(),
        held_on=held_on,
        outcome="plan",
        category="PHY",
        chair="Chair",
    )
    referral.refresh_from_db()
    return referral.plans.get()


def test_the_first_core_group_is_due_10_working_days_after_the_icpc_across_christmas(
    enquiry, worker, officer, nurse
):
    cp_team.cp_team_member_add(actor=worker, referral=enquiry, practitioner=officer)
    plan = _to_plan(enquiry, worker, date(2025, 12, 22))  # Monday before Christmas
    group = CoreGroup.objects.get(plan=plan)
    # 23, 24, (25, 26 bank holidays) 29, 30, 31, (1 January) 2, 5, 6, 7, 8 January 2026.
    assert group.first_meeting_due == date(2026, 1, 8)
    assert [m.name for m in group.members.all()] == [str(officer)]
    task = WorkItem.objects.get(source_type="socialcare.core_group", status="open")
    assert task.due_on == date(2026, 1, 8)
    rows = {t.label: t for t in selectors.case_timeliness(enquiry, today=date(2026, 1, 9))}
    assert rows["First core group meeting"].colour == "red"
    rows = {t.label: t for t in selectors.case_timeliness(enquiry, today=date(2025, 12, 22))}
    assert rows["First core group meeting"].colour == "green"


def test_core_group_members_and_meetings(enquiry, worker, officer, teacher):
    cp_team.cp_team_member_add(actor=worker, referral=enquiry, practitioner=officer)
    plan = _to_plan(enquiry, worker, date(2025, 12, 22))
    group = plan.core_group
    with pytest.raises(ValidationFailed):
        core_group.core_group_member_add(actor=worker, core_group=group, name="Kerry")
    mum = core_group.core_group_member_add(
        actor=worker, core_group=group, name="Kerry Whitmore", agency="Family"
    )
    with pytest.raises(DomainError):
        core_group.core_group_member_add(actor=worker, core_group=group, practitioner=officer)
    with pytest.raises(ValidationFailed) as bad:
        core_group.core_group_meeting_record(
            actor=worker, core_group=group, held_on=date(2030, 1, 1), attended=[], progress=""
        )
    assert {"held_on", "progress", "attended"} <= set(bad.value.errors)
    for actor in (officer, teacher):
        with pytest.raises(AccessDenied):
            core_group.core_group_meeting_record(
                actor=actor,
                core_group=group,
                held_on=plan.started_on,
                attended=[mum.pk],
                progress="x",
            )
    meeting = core_group.core_group_meeting_record(
        actor=worker,
        core_group=group,
        held_on=plan.started_on,
        attended=[str(mum.pk)],
        progress="Mum attended parenting sessions.",
    )
    assert {a["name"]: a["attended"] for a in meeting.attendance} == {
        str(officer): False,
        "Kerry Whitmore": True,
    }
    assert not WorkItem.objects.filter(source_type="socialcare.core_group", status="open")
    assert CaseEvent.objects.filter(referral=enquiry, kind="core_group").exists()


def test_closing_the_case_ends_the_team_and_its_access(receive, worker, officer):
    referral = receive()
    services.referral_decide(
        actor=worker,
        referral=referral,
        decision="strategy",
        reason="Harm",
        decided_on=referral.received_on,
    )
    referral.refresh_from_db()
    cp_team.cp_team_member_add(actor=worker, referral=referral, practitioner=officer)
    services.case_close(actor=worker, referral=referral, closure_reason="RC8")
    assert not _can_read(officer, referral)


def test_the_team_through_the_pages(enquiry, worker, officer, signed_in, client):
    page = signed_in(worker)
    case_page = page.get(reverse("socialcare:case", args=[enquiry.pk])).content.decode()
    team_url = reverse("socialcare:cp-team", args=[enquiry.pk])
    assert team_url in case_page
    add_url = reverse("socialcare:cp-team-add", args=[enquiry.pk])
    assert add_url in page.get(team_url).content.decode()
    found = page.get(add_url, {"q": "dale ng"}).content.decode()
    assert str(officer.pk) in found and "Essex Police" in found
    assert "Nobody of any agency" in page.get(add_url, {"q": "zzz"}).content.decode()
    bad = page.post(add_url, {"q": "dale", "practitioner": ""})
    assert bad.status_code == 200 and not enquiry.cp_team.exists()
    done = page.post(add_url, {"q": "dale", "practitioner": str(officer.pk)})
    assert done.status_code == 302
    police = signed_in(officer)
    assert police.get(reverse("socialcare:case", args=[enquiry.pk])).status_code == 200
    shown = police.get(team_url).content.decode()
    assert "Dale" in shown and add_url not in shown
    assert police.post(add_url, {"q": "dale", "practitioner": str(officer.pk)}).status_code == 403
    page = signed_in(worker)  # one test client: signing in again switches user
    member = enquiry.cp_team.get()
    remove_url = reverse("socialcare:cp-team-remove", args=[enquiry.pk, member.pk])
    assert remove_url in page.get(team_url).content.decode()
    assert page.post(remove_url, {"reason": "Left the unit"}).status_code == 302
    police = signed_in(officer)
    assert police.get(team_url).status_code == 403
    client.logout()
    assert client.get(team_url).status_code == 302  # anonymous: to sign in
