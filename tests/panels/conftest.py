"""Panels fixtures: the Essex panel types loaded through their loader, panels for a district,
members of each agency kind, a family referred through the service, and a meeting made ready
for decisions."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.panels import services
from teamaround.panels.models import MemberRole, PanelType
from teamaround.panels.services.types import essex_panel_types
from teamaround.people import services as people
from teamaround.people.models import MemberRole as FamilyRole
from tests.factories import AgencyFactory, DistrictFactory, QuadrantFactory, TeamFactory

LONG_AGO = date(2020, 1, 1)


@pytest.fixture
def panel_types(db):
    services.panel_types_load(actor=SYSTEM, data=essex_panel_types())
    return {t.code: t for t in PanelType.objects.all()}


@pytest.fixture
def make_panel(panel_types):
    def make(code="maag", name=None, district=None):
        kind = panel_types[code]
        district = district or DistrictFactory(quadrant=QuadrantFactory())
        return services.panel_create(
            actor=SYSTEM,
            panel_type=kind,
            name=name or f"{kind.short_name} {district.name}",
            district=district if kind.scope == "district" else None,
            quadrant=district.quadrant if kind.scope == "quadrant" else None,
        )

    return make


@pytest.fixture
def staff_of(make_user):
    """staff_of(AgencyKind.X, Role.Y) -> a user in a team of a new agency of that kind."""

    def make(kind=AgencyKind.COUNCIL_EARLY_HELP, *roles):
        team = TeamFactory(agency=AgencyFactory(kind=kind))
        return make_user(*(roles or [Role.PRACTITIONER]), team=team)

    return make


@pytest.fixture
def seat(staff_of):
    """seat(panel, kind, role) -> a user made a member of the panel since long ago."""

    def add(panel, kind=AgencyKind.COUNCIL_EARLY_HELP, role=MemberRole.MEMBER, user=None, **kw):
        user = user or staff_of(kind, Role.PANEL_CHAIR if role != "member" else Role.PRACTITIONER)
        services.panel_membership_add(
            actor=SYSTEM, panel=panel, user=user, role=role, started_on=LONG_AGO, **kw
        )
        return user

    return add


@pytest.fixture
def make_family(db):
    def make(team=None, surname="Ashdown"):
        family = people.family_create(actor=SYSTEM, name=f"{surname} household")
        child = people.person_create(
            actor=SYSTEM,
            family=family,
            role=FamilyRole.CHILD,
            forenames="Riley",
            surname=surname,
            date_of_birth=date(2014, 5, 6),
            sex="M",
        )
        if team is not None:
            people.involvement_open(actor=SYSTEM, family=family, team=team, reason="Early help")
        return family, child

    return make


@pytest.fixture
def quorate_maag(make_panel, seat):
    """A MAAG with a co-ordinator, a chair and members enough for quorum, and a meeting."""
    panel = make_panel("maag")
    coordinator = seat(panel, AgencyKind.COUNCIL_EARLY_HELP, MemberRole.COORDINATOR)
    chair = seat(panel, AgencyKind.CHILDRENS_SOCIAL_CARE, MemberRole.CHAIR)
    others = [seat(panel, kind) for kind in (AgencyKind.SCHOOL, AgencyKind.HOUSING)]
    meeting = services.meeting_schedule(
        actor=coordinator, panel=panel, held_on=timezone.localdate() + timedelta(days=1)
    )
    return {
        "panel": panel,
        "coordinator": coordinator,
        "chair": chair,
        "members": others,
        "meeting": meeting,
    }


@pytest.fixture
def heard_case(quorate_maag, make_family, staff_of):
    """A referral on the MAAG's agenda with attendance recorded (quorate): ready to decide."""
    ctx = quorate_maag
    referrer = staff_of(AgencyKind.SCHOOL, Role.PRACTITIONER)
    family, child = make_family(team=referrer.team)
    referral = services.panel_referral_create(
        consent_given_by="The child's mother",
        actor=referrer,
        panel=ctx["panel"],
        family=family,
        question="Who should lead?",
    )
    coordinator, meeting = ctx["coordinator"], ctx["meeting"]
    (item,) = services.agenda_build(actor=coordinator, meeting=meeting)
    present = [m.pk for m in ctx["panel"].memberships.all()]
    services.attendance_record(actor=coordinator, meeting=meeting, present_ids=present)
    meeting.refresh_from_db()
    return {
        **ctx,
        "referrer": referrer,
        "family": family,
        "child": child,
        "referral": referral,
        "item": item,
    }


@pytest.fixture
def directory_service(db):
    """A running Directory service whose provider organisation is a TeamAround agency."""
    from teamaround.core.models import District, NeedDomain, WindscreenLevel
    from teamaround.directory import services as directory

    agency = AgencyFactory(kind=AgencyKind.VOLUNTARY, name="Family Support Trust")
    organisation = directory.organisation_create(
        actor=SYSTEM, name="Family Support Trust", description="Helps families.", agency=agency
    )
    service = directory.service_create(
        actor=SYSTEM,
        organisation=organisation,
        name="Parenting Together",
        description="A parenting programme.",
        access_routes=["via_panel"],
        review_date=timezone.localdate() + timedelta(days=200),
        levels=list(WindscreenLevel.objects.filter(number=2)),
        needs_met=list(NeedDomain.objects.all()[:1]),
        districts=list(District.objects.all()),
    )
    return service, agency
