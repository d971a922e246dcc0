"""Who may read and change the Directory of Services and the referrals made through it
(tests/matrix.py explains the table). Every member of staff in the matrix works in the team
involved with the Whitmore family; the other agency's practitioner works in a school whose
team is not involved. No one in the matrix is a provider's nominated editor (their rights are
in test_editor_permissions.py), so the table shows that the Directory's public pages are for
everyone, its editing is the administrator's, its referral counts are the commissioner's and
the analyst's, and a referral names a family only a member of staff who may open it can see."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import MEMBER_OF_PUBLIC, SYSTEM
from teamaround.core.models import District, NeedDomain, WindscreenLevel
from teamaround.core.seeding import ESSEX_GEOGRAPHY
from teamaround.core.services import geography_load
from teamaround.directory import selectors, services
from teamaround.directory.models import (
    DirectoryEditor,
    Location,
    Organisation,
    PendingChange,
    ProblemReport,
    Service,
)
from teamaround.directory.selectors import counts
from teamaround.directory.services.approvals import change_hold
from teamaround.people import services as people
from teamaround.people.models import MemberRole
from tests.factories import AgencyFactory, TeamFactory, UserFactory
from tests.matrix import allowed, built_once, cast, cells

pytestmark = pytest.mark.django_db

TABLE = {
    #                            prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "service_get":              "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | Y     Y",
    "service_get_hidden":       "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "services_for_editing":     "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "service_for_editing":      "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "organisation_list":        "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "organisation_get":         "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "quality_worst_first":      "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "services_with_referrals":  "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "service_referrals":        "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "services_serving":         "-    -    -    -    -    -    -     Y    Y    -     -   -   | -     -",
    "organisation_create":      "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "organisation_update":      "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "directory_editor_grant":   "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "directory_editor_revoke":  "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "service_create":           "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "service_update":           "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "service_archive":          "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "location_create":          "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "service_location_add":     "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "service_opening_times_set":"-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "pending_change_decide":    "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "problem_report_resolve":   "-    -    -    -    -    -    -     -    -    Y     -   -   | -     -",
    "service_referral_record":  "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
}  # fmt: skip


def _service(organisation, name: str, **values) -> Service:
    return services.service_create(
        actor=SYSTEM,
        organisation=organisation,
        name=name,
        description=f"{name} helps children and families.",
        access_routes=["self_referral"],
        phone="01245 000000",
        minimum_age=0,
        needs_met=list(NeedDomain.objects.filter(code="emotional-health")),
        levels=list(WindscreenLevel.objects.filter(number=2)),
        districts=list(District.objects.filter(code="chelmsford")),
        **values,
    )


def build():
    geography_load(actor=SYSTEM, data=json.loads(ESSEX_GEOGRAPHY.read_text(encoding="utf-8")))
    team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.COUNCIL_EARLY_HELP))
    other_team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL))
    trust = services.organisation_create(
        actor=SYSTEM, name="Chelmsford Family Support Trust", description="Family support"
    )
    review = timezone.localdate() + timedelta(days=180)
    club = _service(trust, "Worry Busters", review_date=review)
    hidden = _service(trust, "Old Parenting Course", review_date=date(2020, 1, 1))
    location = services.location_create(
        actor=SYSTEM, organisation=trust, name="Trust hall", postcode="CM1 1QH"
    )
    report = services.problem_report_submit(
        actor=SYSTEM, service=club, description="The phone number is wrong"
    )
    change = change_hold(actor=SYSTEM, service=club, values={"phone": "01245 111111"})
    editor = UserFactory(roles=[Role.PRACTITIONER], team=other_team, username="directory.editor")
    grant = services.directory_editor_grant(actor=SYSTEM, user=editor, organisation=trust)
    family = people.family_create(actor=SYSTEM, name="Whitmore household")
    people.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Jayden",
        surname="Whitmore",
        date_of_birth=date(2015, 4, 9),
    )
    people.involvement_open(actor=SYSTEM, family=family, team=team, reason="Early help")
    services.service_referral_record(
        actor=SYSTEM, service=club, family_id=family.pk, reason="Worries at night"
    )
    return SimpleNamespace(
        people=cast(team, other_team, prefix="directory"),
        trust_id=trust.pk,
        club_id=club.pk,
        hidden_id=hidden.pk,
        location_id=location.pk,
        report_id=report.pk,
        change_id=change.pk,
        editor_id=editor.pk,
        grant_id=grant.pk,
        family_id=family.pk,
    )


world = built_once(build)


def _club(w) -> Service:
    return Service.objects.get(pk=w.club_id)


def _trust(w) -> Organisation:
    return Organisation.objects.get(pk=w.trust_id)


def _lists(queryset_or_rows, pk) -> bool:
    return any(getattr(row, "pk", row) == pk for row in queryset_or_rows)


OPERATIONS = {
    "service_get": lambda w, a: selectors.service_get(actor=a, service_id=w.club_id),
    "service_get_hidden": lambda w, a: selectors.service_get(actor=a, service_id=w.hidden_id),
    "services_for_editing": lambda w, a: _lists(selectors.services_for_editing(actor=a), w.club_id),
    "service_for_editing": lambda w, a: selectors.service_for_editing(
        actor=a, service_id=w.club_id
    ),
    "organisation_list": lambda w, a: _lists(selectors.organisation_list(actor=a), w.trust_id),
    "organisation_get": lambda w, a: selectors.organisation_get(
        actor=a, organisation_id=w.trust_id
    ),
    "quality_worst_first": lambda w, a: _lists(
        [service for service, _ in selectors.quality_worst_first(actor=a)], w.club_id
    ),
    "services_with_referrals": lambda w, a: _lists(
        counts.services_with_referrals(actor=a), w.club_id
    ),
    "service_referrals": lambda w, a: bool(counts.service_referrals(actor=a, service=_club(w))),
    "services_serving": lambda w, a: (
        w.club_id
        in counts.services_serving(
            actor=a,
            service_ids=[w.club_id],
            district_ids=District.objects.filter(code="chelmsford").values_list("pk", flat=True),
        )
    ),
    "organisation_create": lambda w, a: services.organisation_create(
        actor=a, name="Tendring Young Carers", description="Support for young carers"
    ),
    "organisation_update": lambda w, a: services.organisation_update(
        actor=a, organisation=_trust(w), description="Family support across Chelmsford"
    ),
    "directory_editor_grant": lambda w, a: services.directory_editor_grant(
        actor=a, user=w.people[Role.PRACTITIONER], organisation=_trust(w)
    ),
    "directory_editor_revoke": lambda w, a: services.directory_editor_revoke(
        actor=a, grant=DirectoryEditor.objects.get(pk=w.grant_id), reason="Left the trust"
    ),
    "service_create": lambda w, a: services.service_create(
        actor=a,
        organisation=_trust(w),
        name="Sleep Clinic",
        description="Help for children who cannot sleep.",
        access_routes=["self_referral"],
        phone="01245 000001",
        minimum_age=0,
        review_date=timezone.localdate() + timedelta(days=90),
        needs_met=list(NeedDomain.objects.filter(code="emotional-health")),
        levels=list(WindscreenLevel.objects.filter(number=2)),
        districts=list(District.objects.filter(code="chelmsford")),
    ),
    "service_update": lambda w, a: services.service_update(
        actor=a, service=_club(w), email="hello@worrybusters.example.org"
    ),
    "service_archive": lambda w, a: services.service_archive(
        actor=a, service=_club(w), reason="The funding ended"
    ),
    "location_create": lambda w, a: services.location_create(
        actor=a, organisation=_trust(w), name="Library room", postcode="CM2 0AA"
    ),
    "service_location_add": lambda w, a: services.service_location_add(
        actor=a, service=_club(w), location=Location.objects.get(pk=w.location_id)
    ),
    "service_opening_times_set": lambda w, a: services.service_opening_times_set(
        actor=a, service=_club(w), sessions=[("TU", time(16), time(18))]
    ),
    "pending_change_decide": lambda w, a: services.pending_change_decide(
        actor=a, change=PendingChange.objects.get(pk=w.change_id), approve=True
    ),
    "problem_report_resolve": lambda w, a: services.problem_report_resolve(
        actor=a,
        report=ProblemReport.objects.get(pk=w.report_id),
        status="fixed",
        outcome="The number is corrected",
    ),
    "service_referral_record": lambda w, a: services.service_referral_record(
        actor=a, service=_club(w), family_id=w.family_id, reason="Needs help with anxiety"
    ),
}


def test_every_operation_has_a_row():
    assert set(OPERATIONS) == set(TABLE)


@pytest.mark.parametrize(("operation", "who", "expected"), cells(TABLE))
def test_permission_matrix(world, operation, who, expected):
    actor = world.people[who]
    assert allowed(lambda: OPERATIONS[operation](world, actor)) is expected


@pytest.mark.parametrize("who", ["practitioner", "other_agency", "anonymous"])
def test_anyone_may_report_a_problem_with_a_page(world, who):
    """The public and every member of staff may say a page is wrong; each of the provider's
    editors is given a task to look at it. The page passes the public as MEMBER_OF_PUBLIC."""
    actor = MEMBER_OF_PUBLIC if who == "anonymous" else world.people[who]
    report = services.problem_report_submit(
        actor=actor, service=_club(world), description="The address has moved"
    )
    assert report.pk and report.status == "open"
    editor = DirectoryEditor.objects.get(pk=world.grant_id).user
    assert editor.work_items.filter(source_id=str(report.pk)).exists()
