"""The panels app's part of the synthetic county: the Essex panel types, a panel for each scope
(12 district MAAGs, county EARP, JAP, MARAC, MACE 1 and Missing, MACE 2 per quadrant), members
from the seeded staff, and for each MAAG a closed meeting with decisions, packages and actions
and an upcoming one with its agenda built. demo.panel.chair chairs the first MAAG.

Everything goes through the services, as the system or as the seeded staff themselves.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from teamaround.accounts.models import User
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import District, DistrictKind, Quadrant
from teamaround.core.seeding import SeedContext
from teamaround.directory.selectors import publicly_visible
from teamaround.panels import services
from teamaround.panels.models import MemberRole, PanelScope
from teamaround.panels.services.types import essex_panel_types
from teamaround.people.selectors import family_list

SINCE = date(2024, 1, 1)


def seed(context: SeedContext) -> None:
    with context.step("Panels: types, panels, members, meetings and decisions"):
        types = {
            t.code: t for t in services.panel_types_load(actor=SYSTEM, data=essex_panel_types())
        }
        panels = _panels(types)
        staff = list(
            User.objects.filter(is_active=True, team__isnull=False)
            .select_related("team__agency")
            .order_by("username")
        )
        for done, panel in enumerate(panels, start=1):
            _members(context, panel, staff)
            context.progress("panels staffed", done, len(panels))
        referrer = (
            User.objects.filter(role_assignments__role=Role.HUB_SCREENER)
            .order_by("username")
            .first()
        )
        for panel in panels:
            if panel.panel_type.code == "maag" and referrer is not None:
                _maag_meetings(context, panel, referrer)


def _panels(types):
    panels = []
    for kind in types.values():
        if kind.scope == PanelScope.DISTRICT:
            for district in District.objects.filter(kind=DistrictKind.DISTRICT):
                panels.append(_panel(kind, f"{kind.short_name} {district.name}", district=district))
        elif kind.scope == PanelScope.QUADRANT:
            for quadrant in Quadrant.objects.all():
                panels.append(_panel(kind, f"{kind.short_name} {quadrant.name}", quadrant=quadrant))
        else:
            panels.append(_panel(kind, f"{kind.name} (county)"))
    return panels


def _panel(kind, name, **scope):
    return services.panel_create(actor=SYSTEM, panel_type=kind, name=name, **scope)


def _covers(user, panel) -> bool:
    if panel.district_id is None and panel.quadrant_id is None:
        return True
    districts = {d.pk: d.quadrant_id for d in user.team.districts.all()}
    if panel.district_id:
        return panel.district_id in districts
    return panel.quadrant_id in districts.values()


def _members(context: SeedContext, panel, staff) -> None:
    kinds = panel.panel_type.member_agency_kinds
    chosen: list[User] = []
    for kind in kinds:
        pool = [u for u in staff if u.team.agency.kind == kind and _covers(u, panel)]
        if pool:
            chosen.append(context.random.choice(pool))
    chair = None
    if panel.panel_type.code == "maag" and panel.district and not _has_demo_chair():
        chair = User.objects.filter(username="demo.panel.chair").first()
    for index, user in enumerate(dict.fromkeys([chair, *chosen]) if chair else chosen):
        if user is None:
            continue
        role = (
            MemberRole.CHAIR
            if index == 0
            else (MemberRole.COORDINATOR if index == 1 else MemberRole.MEMBER)
        )
        services.panel_membership_add(
            actor=SYSTEM,
            panel=panel,
            user=user,
            role=role,
            started_on=SINCE,
            can_see_linked_children=role != MemberRole.MEMBER,
        )


def _has_demo_chair() -> bool:
    return User.objects.filter(
        username="demo.panel.chair", panel_memberships__role=MemberRole.CHAIR
    ).exists()


def _maag_meetings(context: SeedContext, panel, referrer) -> None:
    runner = (
        panel.memberships.filter(role=MemberRole.COORDINATOR).first()
        or panel.memberships.filter(role=MemberRole.CHAIR).first()
    )
    if runner is None:
        return
    families = list(family_list(actor=referrer)[:400])
    rng = context.random
    picked = rng.sample(families, k=min(5, len(families)))
    today = timezone.localdate()
    for family in picked:
        services.panel_referral_create(
            consent_given_by="The child's mother",
            actor=referrer,
            panel=panel,
            family=family,
            question=rng.choice(
                [
                    "Who is best placed to lead?",
                    "What package would help?",
                    "Is a parenting programme the right support?",
                ]
            ),
        )
    coordinator = runner.user
    past = services.meeting_schedule(actor=coordinator, panel=panel, held_on=today, agenda_limit=3)
    items = services.agenda_build(actor=coordinator, meeting=past)
    present = [m.pk for m in panel.memberships.all()]
    services.attendance_record(actor=coordinator, meeting=past, present_ids=present)
    offers = list(
        publicly_visible()
        .filter(districts=panel.district_id)
        .select_related("organisation")
        .order_by("name")[:20]
    )
    for item in items:
        _decide(context, coordinator, panel, item, offers)
    services.minutes_approve(actor=coordinator, meeting=past)
    upcoming = services.meeting_schedule(
        actor=coordinator, panel=panel, held_on=today + timedelta(days=7)
    )
    services.agenda_build(actor=coordinator, meeting=upcoming)


def _decide(context, coordinator, panel, item, offers) -> None:
    rng = context.random
    members = [m.user for m in panel.memberships.select_related("user__team__agency")]
    lead = rng.choice(members)
    today = timezone.localdate()
    action = {
        "what": "Arrange a Team Around the Family meeting",
        "owner": lead,
        "due_on": today + timedelta(days=rng.randint(5, 20)),
    }
    parts = [
        {
            "service": s,
            "provider": s.organisation.agency or lead.agency,
            "cost": rng.choice([0, 250, 600, 1200, 2400]),
        }
        for s in rng.sample(offers, k=min(2, len(offers)))
    ]
    if not parts:
        services.panel_decision_record(
            actor=coordinator,
            item=item,
            kind="no_further_action",
            summary="Needs can be met by universal services.",
            actions=[action],
        )
        return
    services.panel_decision_record(
        actor=coordinator,
        item=item,
        kind="package",
        summary="Lead professional agreed; package of support commissioned.",
        lead_professional=lead,
        actions=[action],
        details={
            "starts_on": today,
            "duration_weeks": rng.choice([6, 8, 12]),
            "review_on": today + timedelta(weeks=6),
            "parts": parts,
        },
    )
