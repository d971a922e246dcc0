"""Who may read and change what the Hub holds about a child (tests/matrix.py explains the
table). The staff in the matrix share one team of the council: its Hub screener and Hub
social worker make it a Hub team, so its manager manages the Hub: she sees the queue and
every sent request and allocates them, but does not screen or decide. The practitioner in it sent
the requests, so a hand-over back to the referrer lands with this team. The other agency's
practitioner works in a school that sent nothing."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import PostcodeOutwardCode, WindscreenLevel
from teamaround.frontdoor import selectors, services
from teamaround.frontdoor.models import DecisionRoute, HandOver, MissingEpisode, RequestForSupport
from tests.factories import AgencyFactory, DistrictFactory, TeamFactory
from tests.matrix import allowed, built_once, cast, cells

pytestmark = pytest.mark.django_db

TABLE = {
    #                       prac hub  hsw  fw   sw   mgr  chair comm anal admin ig  dpo | other anon
    "request_get":         "Y    Y    Y    -    -    Y    -     -    -    -     -   -   | -     -",
    "my_requests":         "Y    -    -    -    -    -    -     -    -    -     -   -   | -     -",
    "hub_queue":           "-    Y    Y    -    -    Y    -     -    -    -     -   -   | -     -",
    "latest_decision":     "Y    Y    Y    -    -    Y    -     -    -    -     -   -   | -     -",
    "request_send":        "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | Y     -",
    "request_withdraw":    "Y    -    -    -    -    -    -     -    -    -     -   -   | -     -",
    "request_assign":      "-    Y    Y    -    -    Y    -     -    -    -     -   -   | -     -",
    "checks_record":       "-    Y    Y    -    -    -    -     -    -    -     -   -   | -     -",
    "partner_info_add":    "-    Y    Y    -    -    -    -     -    -    -     -   -   | -     -",
    "request_review_ask":  "-    Y    Y    -    -    -    -     -    -    -     -   -   | -     -",
    "decision_record":     "-    Y    Y    -    -    -    -     -    -    -     -   -   | -     -",
    "consultation_record": "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | Y     -",
    "hand_overs_list":     "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "hand_over_get":       "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "hand_over_accept":    "Y    Y    Y    Y    Y    Y    Y     Y    Y    Y     Y   Y   | -     -",
    "missing_get":         "-    Y    Y    -    -    Y    -     -    -    -     -   -   | -     -",
    "missing_list":        "-    Y    Y    -    -    Y    -     -    -    -     -   -   | -     -",
    "scrutiny_list":       "-    Y    Y    -    -    Y    -     -    -    -     -   -   | -     -",
    "scrutiny_record":     "-    Y    Y    -    -    Y    -     -    -    -     -   -   | -     -",
    "missing_receive":     "-    Y    Y    -    -    -    -     -    Y    -     -   -   | -     -",
}  # fmt: skip


def _values(level, **changes):
    return {
        "child_forenames": "Mia",
        "child_surname": "Fairbrother",
        "child_date_of_birth": date(2014, 6, 1),
        "address_line_1": "3 Mill Lane",
        "postcode": "CM1 2AB",
        "parent_name": "Dana Fairbrother",
        "parent_phone": "01245 000000",
        "concern": "Mia is often late and hungry; mum says money is very tight.",
        "tried": "Breakfast club place and a talk with mum.",
        "level_suggested": level,
        "consent": "yes",
    } | changes


def _notification(number: int, born: date):
    gone = timezone.now() - timedelta(days=1)
    return {
        "notification_id": f"MP-{number:05d}",
        "forenames": "Ellis",
        "surname": "Marsh",
        "date_of_birth": born,
        "reported_missing_at": gone,
        "returned_at": gone + timedelta(hours=6),
        "risk_grade": "medium",
        "postcode": "CM1 1QH",
    }


def build():
    district = DistrictFactory(code="chelmsford", name="Chelmsford")
    PostcodeOutwardCode.objects.create(outward_code="CM1", district=district)
    team = TeamFactory(
        agency=AgencyFactory(kind=AgencyKind.COUNCIL_EARLY_HELP), name="Children and Families Hub"
    )
    other_team = TeamFactory(agency=AgencyFactory(kind=AgencyKind.SCHOOL))
    people = cast(team, other_team, prefix="hub")
    referrer = people[Role.PRACTITIONER]
    level2 = WindscreenLevel.objects.get(number=2)
    waiting = services.request_for_support_send(actor=referrer, values=_values(level2))
    decided = services.request_for_support_send(
        actor=referrer, values=_values(level2, child_forenames="Noah", child_surname="Pike")
    )
    services.hub_decision_record(
        actor=people[Role.HUB_SCREENER],
        request=decided,
        level=WindscreenLevel.objects.get(number=1),
        route=DecisionRoute.ADVICE_SIGNPOSTING,
        rationale="Universal needs",
        other_services="Holiday Activities and Food programme",
    )
    episode, _ = services.missing_notification_receive(
        actor=SYSTEM, values=_notification(1, date.today() - timedelta(days=8 * 365))
    )
    return SimpleNamespace(
        people=people,
        waiting_id=waiting.pk,
        decided_id=decided.pk,
        hand_over_id=HandOver.objects.get(request=decided).pk,
        episode_id=episode.pk,
        level2=level2,
    )


world = built_once(build)


def _request(pk):
    return RequestForSupport.objects.get(pk=pk)


def _decide(w, a):
    return services.hub_decision_record(
        actor=a,
        request=_request(w.waiting_id),
        level=WindscreenLevel.objects.get(number=1),
        route=DecisionRoute.ADVICE_SIGNPOSTING,
        rationale="Universal needs",
        other_services="Holiday Activities and Food programme",
    )


OPERATIONS = {
    "request_get": lambda w, a: selectors.request_get(actor=a, request_id=w.waiting_id),
    "my_requests": lambda w, a: selectors.my_requests(actor=a).filter(pk=w.waiting_id).exists(),
    "hub_queue": lambda w, a: selectors.hub_queue(actor=a).filter(pk=w.waiting_id).exists(),
    "latest_decision": lambda w, a: (
        selectors.latest_decision(actor=a, request=_request(w.decided_id)) is not None
    ),
    "request_send": lambda w, a: services.request_for_support_send(
        actor=a, values=_values(w.level2, child_forenames="Ava")
    ),
    "request_withdraw": lambda w, a: services.request_for_support_withdraw(
        actor=a, request=_request(w.waiting_id), reason="Sent in error"
    ),
    "request_assign": lambda w, a: services.request_assign(
        actor=a, request=_request(w.waiting_id), screener=w.people[Role.HUB_SCREENER]
    ),
    "checks_record": lambda w, a: services.screening_checks_record(
        actor=a, request=_request(w.waiting_id), notes="Nothing known"
    ),
    "partner_info_add": lambda w, a: services.partner_information_add(
        actor=a, request=_request(w.waiting_id), agency_name="GP", information="Seen last week"
    ),
    "request_review_ask": lambda w, a: services.request_review_ask(
        actor=a, request=_request(w.waiting_id), social_worker=w.people[Role.HUB_SOCIAL_WORKER]
    ),
    "decision_record": _decide,
    "consultation_record": lambda w, a: services.consultation_record(
        actor=a,
        hub_social_worker=w.people[Role.HUB_SOCIAL_WORKER],
        topic="level_of_need",
        question="Is this level 3?",
        advice="Level 2: a TAF with the school leading.",
    ),
    "hand_overs_list": lambda w, a: (
        selectors.hand_overs_for_my_team(actor=a).filter(pk=w.hand_over_id).exists()
    ),
    "hand_over_get": lambda w, a: selectors.hand_over_get(actor=a, hand_over_id=w.hand_over_id),
    "hand_over_accept": lambda w, a: services.hand_over_accept(
        actor=a, hand_over=HandOver.objects.get(pk=w.hand_over_id)
    ),
    "missing_get": lambda w, a: selectors.missing_episode_get(actor=a, episode_id=w.episode_id),
    "missing_list": lambda w, a: (
        selectors.missing_episode_list(actor=a).filter(pk=w.episode_id).exists()
    ),
    "scrutiny_list": lambda w, a: selectors.scrutiny_list(actor=a).filter(pk=w.episode_id).exists(),
    "scrutiny_record": lambda w, a: services.missing_scrutiny_record(
        actor=a, episode=MissingEpisode.objects.get(pk=w.episode_id), notes="Seen by the school"
    ),
    "missing_receive": lambda w, a: services.missing_notification_receive(
        actor=a, values=_notification(2, date(2012, 1, 1))
    ),
}


def test_every_operation_has_a_row():
    assert set(OPERATIONS) == set(TABLE)


@pytest.mark.parametrize(("operation", "who", "expected"), cells(TABLE))
def test_permission_matrix(world, operation, who, expected):
    actor = world.people[who]
    assert allowed(lambda: OPERATIONS[operation](world, actor)) is expected
