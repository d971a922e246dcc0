"""Merging two records of one child keeps everything from both, hides the duplicate from
search, is audited, and an undo puts everything back exactly."""

from datetime import date

import pytest

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied, DomainError
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.people import selectors, services
from teamaround.people.models import FamilyEventKind, Person, PersonSearchKey

pytestmark = pytest.mark.django_db


def _snapshot(person):
    return {
        "identifiers": sorted(str(i.pk) for i in person.identifiers.all()),
        "addresses": sorted(str(a.pk) for a in person.addresses.all()),
        "names": sorted(str(n.pk) for n in person.other_names.all()),
        "memberships": sorted(str(m.pk) for m in person.memberships.all()),
        "keys": sorted((k.forename, k.surname) for k in person.search_keys.all()),
    }


@pytest.fixture
def duplicate_pair(record_family, make_user):
    screener = make_user(Role.HUB_SCREENER)
    _, original, _ = record_family(surname="Whitmore", forenames="Jayden")
    school_family = services.family_create(actor=SYSTEM, name="School record")
    duplicate = services.person_create(
        actor=SYSTEM,
        family=school_family,
        forenames="Jaden",
        surname="Whitmoor",
        date_of_birth=date(2015, 4, 9),
        upn=_upn(),
    )
    services.person_name_add(
        actor=SYSTEM, person=duplicate, forenames="JJ", surname="Whitmoor", kind="known_as"
    )
    return screener, original, duplicate


def _upn():
    from teamaround.people.validators import upn_check_letter

    return upn_check_letter("881123423001") + "881123423001"


def test_merge_keeps_everything_and_undo_restores_exactly(duplicate_pair):
    screener, original, duplicate = duplicate_pair
    before = {"original": _snapshot(original), "duplicate": _snapshot(duplicate)}
    merge = services.person_merge(
        actor=screener,
        survivor=original,
        merged=duplicate,
        reason="Same child: school and health records",
    )
    duplicate.refresh_from_db()
    assert duplicate.merged_into == original
    assert original.identifiers.count() == 2  # NHS number and the school's UPN
    assert original.memberships.count() == 2
    assert not PersonSearchKey.objects.filter(person=duplicate).exists()
    assert PersonSearchKey.objects.filter(person=original, forename="JJ").exists()
    results = selectors.known_child_search(actor=screener, forenames="Jaden", surname="Whitmoor")
    assert [r.person_id for r in results] == [original.pk]
    assert "matched on a previous name or alias" in results[0].reasons
    assert AuditEvent.objects.filter(
        action=AuditAction.ARCHIVE, object_id=str(duplicate.pk), reason__contains="Same child"
    ).exists()
    family = original.memberships.first().family
    assert family.events.filter(kind=FamilyEventKind.RECORDS_MERGED).exists()

    services.person_merge_undo(actor=screener, merge=merge, reason="Twins, not one child")
    original.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None
    assert {"original": _snapshot(original), "duplicate": _snapshot(duplicate)} == before
    assert family.events.filter(kind=FamilyEventKind.MERGE_UNDONE).exists()
    with pytest.raises(DomainError, match="already been undone"):
        services.person_merge_undo(actor=screener, merge=merge, reason="again")


def test_merge_needs_a_reason_and_the_right_role(duplicate_pair, make_user):
    screener, original, duplicate = duplicate_pair
    with pytest.raises(DomainError, match="reason"):
        services.person_merge(actor=screener, survivor=original, merged=duplicate, reason=" ")
    practitioner = make_user(Role.PRACTITIONER)
    with pytest.raises(AccessDenied):
        services.person_merge(
            actor=practitioner, survivor=original, merged=duplicate, reason="Same child"
        )
    assert Person.objects.filter(merged_into__isnull=False).count() == 0


def test_merge_through_the_page_and_undo(duplicate_pair, signed_in):
    from django.urls import reverse

    screener, original, duplicate = duplicate_pair
    client = signed_in(screener)
    response = client.post(
        reverse("people:person-merge", args=[original.pk]),
        {"duplicate": str(duplicate.pk), "reason": "Same child"},
    )
    assert response.status_code == 302
    merge = original.merges_in.get()
    page = client.get(reverse("people:person-detail", args=[original.pk])).content.decode()
    assert reverse("people:merge-undo", args=[merge.pk]) in page
    response = client.post(reverse("people:merge-undo", args=[merge.pk]), {"reason": "Wrong"})
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None
