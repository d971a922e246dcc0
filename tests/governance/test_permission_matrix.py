"""Who may read and change what information governance holds about a person (tests/matrix.py
explains the table): the bases for sharing (consents and statutory bases), decisions not to
share, the disclosure ledger, subject access requests, retention reviews and legal holds.

Every member of staff in the matrix works in the council's early help team, which is involved
with the family and led its (now closed) episode; a health visitor (not in the matrix) was in
its Team Around the Family, so the ledger has entries. The other agency's practitioner works
in a school that is not involved. Backups are commands only (no actor, no page): not here."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.models import Agency, AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import PostcodeOutwardCode, WindscreenLevel
from teamaround.earlyhelp import services as earlyhelp
from teamaround.governance import selectors, services
from teamaround.governance.models import (
    Disclosure,
    LegalHold,
    RetentionReview,
    RetentionRule,
    SharingBasis,
    SubjectAccessRequest,
)
from teamaround.governance.selectors import access_requests, retention, subjects
from teamaround.governance.services import retention as retaining
from teamaround.people import services as people
from teamaround.people.models import MemberRole, Person
from tests.factories import AgencyFactory, DistrictFactory, TeamFactory, UserFactory
from tests.matrix import allowed, built_once, cast, cells, page_allowed

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LATER = date(TODAY.year + 40, 1, 1)  # when the family's records are past their period

TABLE = {
    #                         prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "bases_for_person":      "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "basis_record":          "Y    Y    Y    Y    Y    Y    -     -    -    -     -   Y   | -     -",
    "basis_withdraw":        "Y    Y    Y    Y    Y    Y    -     -    -    -     -   Y   | -     -",
    "withholding_record":    "Y    Y    Y    Y    Y    Y    -     -    -    -     -   Y   | -     -",
    "subject_get":           "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "subject_search":        "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "ledger_for_person":     "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "ledger_for_agency":     "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "ledger_period_summary": "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "ledger_stale_consent":  "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "ledger_csv_rows":       "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "access_requests_open":  "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "access_request_get":    "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "third_parties":         "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "access_request_open":   "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "access_request_extend": "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "access_request_export": "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "access_request_complete": "-  -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "redaction_decide":      "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "retention_overview":    "-    -    -    -    -    Y    -     -    -    -     -   Y   | -     -",
    "retention_review_run":  "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "retention_approve":     "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "retention_keep":        "-    -    -    -    -    Y    -     -    -    -     -   -   | -     -",
    "retention_rule_update": "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "holds_for":             "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "legal_hold_place":      "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "legal_hold_lift":       "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
}  # fmt: skip

PAGES = {
    #                         prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "home":                  "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "ledger-csv":            "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "stale-consent":         "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "agency":                "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "person":                "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "retention":             "-    -    -    -    -    Y    -     -    -    -     -   Y   | -     -",
    "bases":                 "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    # The forms show to anyone who may read the person; the service refuses the POST of those
    # it does not allow (rows basis_record and withholding_record).
    "basis-add":             "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "withhold":              "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "access-request-start":  "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
    "access-request":        "-    -    -    -    -    -    -     -    -    -     -   Y   | -     -",
}  # fmt: skip


def build():
    district = DistrictFactory(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.get_or_create(outward_code="CM1", defaults={"district": district})
    team = TeamFactory(
        agency=AgencyFactory(kind=AgencyKind.COUNCIL_EARLY_HELP), name="Family Solutions Mid A"
    )
    other_team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL))
    health = TeamFactory(agency=AgencyFactory(kind=AgencyKind.HEALTH_VISITING))
    matrix = cast(team, other_team, prefix="ig")
    worker, dpo = matrix[Role.FAMILY_WORKER], matrix[Role.DATA_PROTECTION_OFFICER]
    approver = UserFactory(roles=[Role.TEAM_MANAGER], team=team, password=None)
    nurse = UserFactory(roles=[Role.PRACTITIONER], team=health, password=None)
    family = people.family_create(actor=SYSTEM, name="Whitmore household")
    child = people.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Jayden",
        surname="Whitmore",
        date_of_birth=date(2015, 4, 9),
        address={"line_1": "1 High Street", "postcode": "CM1 1QH"},
    )
    people.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.PARENT,
        forenames="Kerry",
        surname="Whitmore",
        date_of_birth=date(1990, 1, 2),
    )
    people.involvement_open(actor=SYSTEM, family=family, team=team, reason="Early help")
    episode = earlyhelp.episode_open(
        actor=worker,
        family=family,
        level=WindscreenLevel.objects.get(number=2),
        lead_professional=worker,
        family_agreed_on=TODAY,
        family_agreed_by="Kerry (mum)",
    )
    earlyhelp.taf_member_add(actor=worker, episode=episode, practitioner=nurse, role="health")
    earlyhelp.episode_close(actor=worker, episode=episode, reason="needs_met")
    basis = services.basis_record(
        actor=worker,
        person=child,
        purpose="early_help",
        kind="consent",
        evidence="Signed form",
        given_by="Kerry (mum)",
    )
    request = services.access_request_open(actor=dpo, person=child, requested_by="Kerry (mum)")
    exported = services.access_request_open(actor=dpo, person=child, requested_by="Kerry again")
    services.access_request_export(actor=dpo, request=exported, kind="json")
    retaining.retention_review_run(actor=dpo, today=LATER)
    review = RetentionReview.objects.filter(person=child).first()
    held = retaining.legal_hold_place(actor=dpo, person=child, reason="An inquiry")
    return SimpleNamespace(
        people=matrix,
        approver=approver,
        child_id=child.pk,
        mother_id=Person.objects.get(forenames="Kerry").pk,
        basis_id=basis.pk,
        request_id=request.pk,
        exported_id=exported.pk,
        hold_id=held.pk,
        review_id=review.pk,
        health_agency_id=health.agency_id,
    )


world = built_once(build)


def _child(w):
    return Person.objects.get(pk=w.child_id)


def _request(pk):
    return SubjectAccessRequest.objects.get(pk=pk)


def _review_approved(w, a):
    hold = LegalHold.objects.get(pk=w.hold_id)  # nothing is removed while it holds
    retaining.legal_hold_lift(
        actor=w.people[Role.DATA_PROTECTION_OFFICER], hold=hold, reason="Over"
    )
    return retaining.retention_approve(actor=a, review=RetentionReview.objects.get(pk=w.review_id))


OPERATIONS = {
    "bases_for_person": lambda w, a: selectors.bases_for_person(actor=a, person=_child(w)),
    "basis_record": lambda w, a: services.basis_record(
        actor=a,
        person=_child(w),
        purpose="early_help",
        kind="consent",
        evidence="Said so at the TAF meeting",
        given_by="Kerry (mum)",
        starts_on=TODAY - timedelta(days=1),
    ),
    "basis_withdraw": lambda w, a: services.basis_withdraw(
        actor=a, basis=SharingBasis.objects.get(pk=w.basis_id), reason="Kerry withdrew it"
    ),
    "withholding_record": lambda w, a: services.withholding_record(
        actor=a,
        person=_child(w),
        purpose="early_help",
        reason="Sharing the address would put Jayden at risk",
        approver=w.approver,
        recipient_agency=Agency.objects.get(pk=w.health_agency_id),
    ),
    "subject_get": lambda w, a: subjects.subject_get(actor=a, person_id=w.child_id),
    "subject_search": lambda w, a: any(
        p.pk == w.child_id for p in subjects.subject_search(actor=a, query="Whitmore")
    ),
    "ledger_for_person": lambda w, a: selectors.ledger_for_person(
        actor=a, person=_child(w)
    ).exists(),
    "ledger_for_agency": lambda w, a: selectors.ledger_for_agency(
        actor=a, agency=Agency.objects.get(pk=w.health_agency_id)
    ).exists(),
    "ledger_period_summary": lambda w, a: selectors.ledger_period_summary(
        actor=a, start=TODAY - timedelta(days=30), end=TODAY
    ),
    "ledger_stale_consent": lambda w, a: selectors.ledger_stale_consent(actor=a) is not None,
    "ledger_csv_rows": lambda w, a: (
        len(
            list(
                selectors.ledger_csv_rows(
                    actor=a, entries=Disclosure.objects.filter(person_id=w.child_id), what="Jayden"
                )
            )
        )
        > 1
    ),
    "access_requests_open": lambda w, a: (
        access_requests.access_requests_open(actor=a).filter(pk=w.request_id).exists()
    ),
    "access_request_get": lambda w, a: access_requests.access_request_get(
        actor=a, request_id=w.request_id
    ),
    "third_parties": lambda w, a: (
        access_requests.third_parties(actor=a, request=_request(w.request_id)) is not None
    ),
    "access_request_open": lambda w, a: services.access_request_open(
        actor=a, person=_child(w), requested_by="Kerry's solicitor"
    ),
    "access_request_extend": lambda w, a: services.access_request_extend(
        actor=a, request=_request(w.request_id), reason="Records in four agencies"
    ),
    "access_request_export": lambda w, a: services.access_request_export(
        actor=a, request=_request(w.request_id), kind="json"
    ),
    "access_request_complete": lambda w, a: services.access_request_complete(
        actor=a, request=_request(w.exported_id)
    ),
    "redaction_decide": lambda w, a: services.redaction_decide(
        actor=a,
        request=_request(w.request_id),
        third_party=Person.objects.get(pk=w.mother_id),
        redact=True,
        reason="",
    ),
    "retention_overview": lambda w, a: retention.retention_overview(actor=a),
    "retention_review_run": lambda w, a: (
        retaining.retention_review_run(actor=a, today=LATER) is not None
    ),
    "retention_approve": _review_approved,
    "retention_keep": lambda w, a: retaining.retention_keep(
        actor=a, review=RetentionReview.objects.get(pk=w.review_id), reason="A complaint is open"
    ),
    "retention_rule_update": lambda w, a: retaining.retention_rule_update(
        actor=a, rule=RetentionRule.objects.get(kind="early_help"), years_after_closure=7
    ),
    "holds_for": lambda w, a: retention.holds_for(actor=a, person=_child(w)).exists(),
    "legal_hold_place": lambda w, a: retaining.legal_hold_place(
        actor=a, person=_child(w), reason="A new claim"
    ),
    "legal_hold_lift": lambda w, a: retaining.legal_hold_lift(
        actor=a, hold=LegalHold.objects.get(pk=w.hold_id), reason="Inquiry over"
    ),
}


def _url(w, name):
    person = ("person", "bases", "basis-add", "withhold", "access-request-start")
    if name in person:
        return reverse(f"governance:{name}", args=[w.child_id])
    if name == "agency":
        return reverse("governance:agency", args=[w.health_agency_id])
    if name == "access-request":
        return reverse("governance:access-request", args=[w.request_id])
    return reverse(f"governance:{name}")


def test_every_operation_has_a_row():
    assert set(OPERATIONS) == set(TABLE)


@pytest.mark.parametrize(("operation", "who", "expected"), cells(TABLE))
def test_permission_matrix(world, operation, who, expected):
    actor = world.people[who]
    assert allowed(lambda: OPERATIONS[operation](world, actor)) is expected


@pytest.mark.parametrize(("page", "who", "expected"), cells(PAGES))
def test_pages_give_the_same_answers(world, page, who, expected):
    assert page_allowed(world.people[who], _url(world, page)) is expected
