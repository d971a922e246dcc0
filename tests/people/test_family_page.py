"""The family page: members, an accessible family tree, relationships, teams, chronology; and
the forms that change membership and relationships (which feed the chronology)."""

import re
from datetime import date

import pytest
from django.urls import reverse

from teamaround.core.access import SYSTEM
from teamaround.people import services
from teamaround.people.models import FamilyEventKind

pytestmark = pytest.mark.django_db


def test_family_page_draws_an_accessible_tree_with_a_text_alternative(
    record_family, involved_worker, signed_in
):
    family, child, mother = record_family(team=involved_worker.team)
    html = (
        signed_in(involved_worker)
        .get(reverse("people:family-detail", args=[family.pk]))
        .content.decode()
    )
    svg = re.search(r"<svg[^>]*>.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="tree-title tree-desc"' in svg
    assert '<title id="tree-title">' in svg and '<desc id="tree-desc">' in svg
    assert svg.count("<rect") == 2 and svg.count("<line") == 1
    assert "Kerry Whitmore parent of Jayden Whitmore" in svg
    assert '<caption class="govuk-table__caption govuk-visually-hidden">Relationships' in html
    assert "Team became involved" in html  # the chronology


def test_adding_a_member_ending_a_membership_and_a_relationship_feed_the_chronology(
    record_family, involved_worker, signed_in
):
    family, child, mother = record_family(team=involved_worker.team)
    client = signed_in(involved_worker)
    response = client.post(
        reverse("people:family-member-add", args=[family.pk]),
        {
            "forenames": "Dean",
            "surname": "Ashby",
            "role": "step_parent",
            "sex": "M",
            "date_of_birth_kind": "known",
            "ethnicity": "NOBT",
            "date_of_birth": "1988-06-01",
        },
    )
    assert response.status_code == 302
    dean = family.memberships.get(person__forenames="Dean").person
    response = client.post(
        reverse("people:relationship-add", args=[family.pk]),
        {
            "from_person": str(dean.pk),
            "kind": "step_parent_of",
            "to_person": str(child.pk),
        },
    )
    assert response.status_code == 302
    membership = family.memberships.get(person=child)
    response = client.post(
        reverse("people:membership-end", args=[family.pk, membership.pk]),
        {"ended_on": str(date.today()), "reason": "Moved to father"},
    )
    assert response.status_code == 302
    kinds = set(family.events.values_list("kind", flat=True))
    assert {
        FamilyEventKind.MEMBER_JOINED,
        FamilyEventKind.RELATIONSHIP_RECORDED,
        FamilyEventKind.MEMBER_LEFT,
    } <= kinds


def test_a_relationship_to_oneself_is_refused(record_family, involved_worker, signed_in):
    family, child, _ = record_family(team=involved_worker.team)
    response = signed_in(involved_worker).post(
        reverse("people:relationship-add", args=[family.pk]),
        {"from_person": str(child.pk), "kind": "sibling_of", "to_person": str(child.pk)},
    )
    assert "Choose two different people" in response.content.decode()


def test_other_apps_record_chronology_events(record_family, involved_worker):
    family, _, _ = record_family(team=involved_worker.team)
    event = services.family_event_record(
        actor=SYSTEM,
        family=family,
        kind=FamilyEventKind.REFERRAL_SENT,
        summary="Referred to a parenting course",
        source_app="directory",
        source_id="abc",
    )
    assert family.events.first() == event
    with pytest.raises(Exception, match="kind of event"):
        services.family_event_record(actor=SYSTEM, family=family, kind="nonsense", summary="x")
