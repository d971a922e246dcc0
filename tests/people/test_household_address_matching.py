"""A child whose address is recorded only against the parent is keyed at the household's
address, so an import (the Hub's missing-person notification, the batch matcher) that needs the
postcode beside name and date of birth still links the child; and only at their own
household's: a child of another household at the same postcode, or of a household with no
address, is not linked on it."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.frontdoor import services as frontdoor_services
from teamaround.people import selectors, services
from teamaround.people.models import MemberRole

pytestmark = pytest.mark.django_db

BORN = date(2015, 4, 9)


def _household(surname="Whitmore", postcode="CM1 1QH", children=("Jayden",), born=BORN):
    """A household whose address is recorded against the mother only (if `postcode`)."""
    family = services.family_create(actor=SYSTEM, name=f"{surname} household")
    mother = services.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.PARENT,
        forenames="Kerry",
        surname=surname,
        date_of_birth=date(1990, 1, 2),
        sex="F",
        address={"line_1": "Flat 1, Tower House", "postcode": postcode} if postcode else None,
    )
    kids = [
        services.person_create(
            actor=SYSTEM,
            family=family,
            role=MemberRole.CHILD,
            forenames=name,
            surname=surname,
            date_of_birth=born,
            sex="M",
        )
        for name in children
    ]
    return family, mother, kids


def _match(forenames, surname="Whitmore", born=BORN, postcode="CM1 1QH"):
    screener_queries = [
        {"forenames": forenames, "surname": surname, "date_of_birth": born, "postcode": postcode}
    ]
    found = selectors.known_child_match_batch(actor=SYSTEM, queries=screener_queries, threshold=80)
    return found[0].person_id if found[0] else None


def test_the_hubs_notification_links_a_child_whose_address_is_the_mothers():
    _, _, (jayden,) = _household()
    gone = timezone.now() - timedelta(hours=30)
    episode, *_ = frontdoor_services.missing_notification_receive(
        actor=SYSTEM,
        values={
            "notification_id": "MP-00001",
            "forenames": "Jayden",
            "surname": "Whitmore",
            "date_of_birth": BORN,
            "reported_missing_at": gone,
            "returned_at": gone + timedelta(hours=6),
            "risk_grade": "medium",
            "postcode": "CM1 1QH",
        },
    )
    assert episode.person_id == jayden.pk


def test_the_batch_matcher_uses_the_household_address_and_no_other(make_user):
    _, _, (jayden,) = _household()
    # Neighbours in the same block (same postcode), another household: a cousin born the
    # same day, and a boy of the same name and birthday whose household has no address.
    _, _, (mason,) = _household(children=("Mason",))
    _household(surname="Ashworth", postcode="", children=("Oliver",))
    assert _match("Jayden") == jayden.pk
    assert _match("Mason") == mason.pk  # not his cousin Jayden at the same postcode
    assert _match("Oliver", surname="Ashworth") is None  # no address: not linked on another's
    assert _match("Jayden", postcode="CM2 9ZZ") is None  # another postcode: not linked
    screener = make_user(Role.HUB_SCREENER)
    results = selectors.known_child_search(
        actor=screener,
        forenames="Mason",
        surname="Whitmore",
        date_of_birth=BORN,
        postcode="CM1 1QH",
    )
    strong = [r.person_id for r in results if r.strength == "Strong"]
    assert strong == [mason.pk]  # Jayden, another household at the postcode, is not Strong


def test_the_household_address_follows_the_parent_and_the_child():
    family, mother, (jayden,) = _household(postcode="")
    assert _match("Jayden") is None  # nobody's address is known yet
    services.person_address_add(
        actor=SYSTEM, person=mother, line_1="1 High Street", postcode="CM1 1QH"
    )
    assert _match("Jayden") == jayden.pk  # the mother's address is the child's too
    services.person_address_add(
        actor=SYSTEM, person=mother, line_1="2 Low Road", postcode="CM2 0AA"
    )
    assert _match("Jayden") is None and _match("Jayden", postcode="CM2 0AA") == jayden.pk
    membership = jayden.memberships.get(family=family)
    services.family_member_end(actor=SYSTEM, membership=membership, ended_on=timezone.localdate())
    assert _match("Jayden", postcode="CM2 0AA") is None  # he left: not keyed at her address


def test_a_parent_recorded_after_the_child_brings_the_address():
    family = services.family_create(actor=SYSTEM, name="Whitmore household")
    jayden = services.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.CHILD,
        forenames="Jayden",
        surname="Whitmore",
        date_of_birth=BORN,
    )
    assert _match("Jayden") is None
    services.person_create(
        actor=SYSTEM,
        family=family,
        role=MemberRole.PARENT,
        forenames="Kerry",
        surname="Whitmore",
        date_of_birth=date(1990, 1, 2),
        address={"line_1": "1 High Street", "postcode": "CM1 1QH"},
    )
    assert _match("Jayden") == jayden.pk


def test_a_childs_own_address_comes_before_the_households():
    _, _, (jayden,) = _household()
    services.person_address_add(
        actor=SYSTEM, person=jayden, line_1="Oak House (foster carer)", postcode="CM3 5ZZ"
    )
    assert _match("Jayden") is None
    assert _match("Jayden", postcode="CM3 5ZZ") == jayden.pk
