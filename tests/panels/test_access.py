"""Who sees what: another district's agenda, case summaries after the meeting, MARAC
information for involved practitioners who are not members, MACE 2 linked children; every view
and refusal audited."""

from datetime import timedelta

import pytest
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied
from teamaround.core.models import AuditEvent
from teamaround.panels import selectors, services
from teamaround.panels.models import MemberRole

pytestmark = pytest.mark.django_db
SOON = timezone.localdate() + timedelta(days=7)


def test_a_member_of_one_districts_maag_cannot_see_anothers_agenda(
    quorate_maag, make_panel, seat, signed_in, api_as
):
    other = make_panel("maag")
    outsider = seat(other, AgencyKind.SCHOOL)
    meeting = quorate_maag["meeting"]
    assert not selectors.meeting_list(actor=outsider).filter(pk=meeting.pk).exists()
    with pytest.raises(AccessDenied):
        selectors.meeting_get(actor=outsider, meeting_id=meeting.pk)
    assert signed_in(outsider).get(f"/panels/meetings/{meeting.pk}/").status_code == 403
    assert signed_in(outsider).get(f"/panels/meetings/{meeting.pk}/agenda/").status_code == 403
    assert api_as(outsider).get(f"/api/v1/panel-meetings/{meeting.pk}/agenda/").status_code == 404
    refused = AuditEvent.objects.filter(action="refused", object_id=str(meeting.pk))
    assert refused.count() == 4


def test_case_summary_access_ends_when_the_meeting_closes(heard_case, signed_in):
    ctx = heard_case
    member = ctx["members"][0]
    summary = ctx["item"].summary
    page = signed_in(member).get(f"/panels/meetings/{ctx['meeting'].pk}/")
    assert "Question for the panel: Who should lead?" in page.content.decode()
    assert AuditEvent.objects.filter(action="view", object_id=str(summary.pk)).exists()
    services.panel_decision_record(
        actor=ctx["coordinator"], item=ctx["item"], kind="no_further_action", summary="NFA"
    )
    services.minutes_approve(actor=ctx["coordinator"], meeting=ctx["meeting"])
    page = signed_in(member).get(f"/panels/meetings/{ctx['meeting'].pk}/")
    body = page.content.decode()
    assert "Who should lead?" not in body and "no longer available" in body
    with pytest.raises(AccessDenied):
        selectors.case_summary_get(actor=ctx["coordinator"], summary_id=summary.pk)


def test_a_member_who_left_the_panel_loses_its_agenda(heard_case):
    ctx = heard_case
    member = ctx["members"][0]
    membership = ctx["panel"].memberships.get(user=member)
    services.panel_membership_end(
        actor=SYSTEM, membership=membership, ended_on=timezone.localdate()
    )
    with pytest.raises(AccessDenied):
        selectors.meeting_get(actor=member, meeting_id=ctx["meeting"].pk)


def test_an_involved_practitioner_not_on_marac_cannot_see_marac_information(
    make_panel, seat, staff_of, make_family, signed_in, api_as
):
    panel = make_panel("marac")
    coordinator = seat(panel, AgencyKind.POLICE, MemberRole.COORDINATOR)
    for kind in (AgencyKind.CHILDRENS_SOCIAL_CARE, AgencyKind.VOLUNTARY):
        seat(panel, kind)
    worker = staff_of(AgencyKind.COUNCIL_EARLY_HELP, Role.FAMILY_WORKER)
    family, _ = make_family(team=worker.team)  # the worker is involved with the family
    police = staff_of(AgencyKind.POLICE, Role.PRACTITIONER)
    from teamaround.people.services import involvement_open

    involvement_open(actor=SYSTEM, family=family, team=police.team, reason="DA incident")
    referral = services.panel_referral_create(
        consent_given_by="The child's mother",
        actor=police,
        panel=panel,
        family=family,
        question="Safety?",
        risk_score=17,
    )
    meeting = services.meeting_schedule(actor=coordinator, panel=panel, held_on=SOON)
    (item,) = services.agenda_build(actor=coordinator, meeting=meeting)
    services.attendance_record(
        actor=coordinator, meeting=meeting, present_ids=[m.pk for m in panel.memberships.all()]
    )
    decision = services.panel_decision_record(
        actor=coordinator,
        item=item,
        kind="safety_plan",
        summary="Plan",
        details={"risks": "R"},
        actions=[{"what": "Target hardening", "owner": coordinator, "due_on": SOON}],
    )
    assert not selectors.referral_list(actor=worker).filter(pk=referral.pk).exists()
    assert not selectors.decision_list(actor=worker).exists()
    assert not selectors.action_list(actor=worker).exists()
    with pytest.raises(AccessDenied):
        selectors.decision_get(actor=worker, decision_id=decision.pk)
    assert api_as(worker).get(f"/api/v1/panel-decisions/{decision.pk}/").status_code == 404
    assert api_as(worker).get("/api/v1/panel-actions/").json()["count"] == 0
    family_page = signed_in(worker).get(f"/people/families/{family.pk}/").content.decode()
    assert "Target hardening" not in family_page and "MARAC" not in family_page
    assert selectors.decision_list(actor=coordinator).filter(pk=decision.pk).exists()


def test_mace2_linked_children_only_for_members_with_the_right(
    make_panel, seat, staff_of, make_family, api_as
):
    panel = make_panel("mace2")
    coordinator = seat(
        panel, AgencyKind.POLICE, MemberRole.COORDINATOR, can_see_linked_children=True
    )
    plain = seat(panel, AgencyKind.HOUSING)
    seat(panel, AgencyKind.YOUTH_JUSTICE)
    hub = staff_of(AgencyKind.CHILDRENS_SOCIAL_CARE, Role.HUB_SOCIAL_WORKER)  # sees everyone
    services.panel_membership_add(
        actor=SYSTEM, panel=panel, user=hub, role="coordinator", started_on=timezone.localdate()
    )
    _, child = make_family()
    services.panel_referral_create(
        consent_given_by="The child's mother",
        actor=coordinator,
        panel=panel,
        place="Riverside flats",
        question="Disruption?",
    )
    meeting = services.meeting_schedule(actor=coordinator, panel=panel, held_on=SOON)
    (item,) = services.agenda_build(actor=coordinator, meeting=meeting)
    services.attendance_record(
        actor=coordinator, meeting=meeting, present_ids=[m.pk for m in panel.memberships.all()]
    )
    with pytest.raises(AccessDenied):  # the co-ordinator may not see this child's record
        services.panel_decision_record(
            actor=coordinator,
            item=item,
            kind="disruption",
            summary="Disrupt",
            details={
                "places": "Riverside flats",
                "themes": "County lines",
                "linked_children": [child],
            },
            actions=[{"what": "Closure order", "owner": coordinator, "due_on": SOON}],
        )
    decision = services.panel_decision_record(
        actor=hub,
        item=item,
        kind="disruption",
        summary="Disrupt",
        details={"places": "Riverside flats", "themes": "County lines", "linked_children": [child]},
        actions=[{"what": "Closure order", "owner": coordinator, "due_on": SOON}],
    )
    url = f"/api/v1/panel-decisions/{decision.pk}/"
    assert api_as(coordinator).get(url).json()["linked_children"] == [str(child.pk)]
    assert api_as(plain).get(url).json()["linked_children"] == []
    assert str(child.pk) not in api_as(plain).get(url).content.decode()


def test_viewing_a_meeting_is_audited(quorate_maag, signed_in):
    member = quorate_maag["members"][0]
    meeting = quorate_maag["meeting"]
    assert signed_in(member).get(f"/panels/meetings/{meeting.pk}/").status_code == 200
    assert AuditEvent.objects.filter(
        action="view", object_id=str(meeting.pk), actor=member
    ).exists()
