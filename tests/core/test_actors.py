"""One actor all the way down: on_behalf_of names the person; SYSTEM is only for commands;
and the suite-wide check (tests/actor_check.py) catches a row that names no one."""

import pytest

from teamaround.accounts.roles import Role
from teamaround.core.access import (
    MEMBER_OF_PUBLIC,
    SYSTEM,
    OnBehalfOf,
    actor_user,
    is_system,
    on_behalf_of,
)
from teamaround.core.audit import audit_record
from teamaround.core.models import AuditAction
from teamaround.people.models import Family, FamilyEvent
from tests.actor_check import unnamed


def test_on_behalf_of_names_the_person_and_passes_the_rules(make_user):
    user = make_user(Role.PRACTITIONER)
    acting = on_behalf_of(user)
    assert isinstance(acting, OnBehalfOf) and is_system(acting)
    assert actor_user(acting) == user and acting.get_username() == user.get_username()
    assert acting.has_perm("people.record_event") and acting.team is None
    event = audit_record(action=AuditAction.VIEW, actor=acting, object_type="x", summary="s")
    assert event.actor == user and event.actor_username == user.get_username()
    assert on_behalf_of(acting) is acting


def test_system_and_the_public_stay_as_they_are_and_name_no_user():
    assert on_behalf_of(SYSTEM) is SYSTEM and actor_user(SYSTEM) is None
    assert on_behalf_of(MEMBER_OF_PUBLIC) is MEMBER_OF_PUBLIC
    assert MEMBER_OF_PUBLIC.get_username() == "public"


def test_on_behalf_of_refuses_an_anonymous_actor():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ValueError):
        on_behalf_of(AnonymousUser())


def test_the_check_finds_rows_that_name_no_one(db, make_user):
    user = make_user(Role.PRACTITIONER)
    family = Family(name="x")
    event = FamilyEvent(family=family, kind="other", summary="x")
    named = FamilyEvent(family=family, kind="other", summary="x", actor=user)
    assert unnamed([family, event, named]) == [
        f"people.Family {family.pk}: no created_by",
        f"people.FamilyEvent {event.pk}: no actor",
    ]
