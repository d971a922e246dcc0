"""Batch reads for other apps' imports: the best known child per query above a threshold, the
household each person lives in now, and the teams open with each household."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.people import selectors, services
from teamaround.people.models import MemberRole
from tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def test_best_match_per_query_in_query_order(record_family, make_user):
    _, child, _ = record_family(forenames="William", surname="Ashworth", born=date(2015, 4, 9))
    screener = make_user(Role.HUB_SCREENER)
    found = selectors.known_child_match_batch(
        actor=screener,
        queries=[
            {
                "forenames": "Bill",
                "surname": "Ashworth",
                "date_of_birth": date(2015, 4, 9),
                "postcode": "CM1 1QH",
            },
            {"forenames": "William", "surname": "Ashworth", "date_of_birth": date(2015, 4, 10)},
            {"forenames": "Zed", "surname": "Quinn", "date_of_birth": date(2015, 4, 9)},
            {
                "forenames": "William",
                "surname": "Ashworth",
                "date_of_birth": date(2015, 4, 9),
                "postcode": "CM1 1QH",
            },
            {"forenames": "William", "surname": "Ashworth", "date_of_birth": date(2015, 4, 9)},
        ],
        threshold=80,
    )
    assert found[0].person_id == child.pk and found[0].score >= 80
    assert found[1] is None  # a different date of birth is never linked by an import
    assert found[2] is None
    assert found[3].person_id == child.pk and found[3].score > 99.9
    assert found[4] is None  # name and date of birth alone: a namesake could be meant
    event = AuditEvent.objects.get(action=AuditAction.SEARCH, actor=screener)
    assert event.changes == {"queries": 5, "matched": 2}


def test_the_threshold_decides(record_family):
    _, child, _ = record_family(forenames="William", surname="Ashworth", born=date(2015, 4, 9))
    query = {
        "forenames": "Liam",
        "surname": "Ashworth",
        "date_of_birth": date(2015, 4, 9),
        "postcode": "CM1 1QH",
    }
    [low] = selectors.known_child_match_batch(actor=SYSTEM, queries=[query], threshold=50)
    [high] = selectors.known_child_match_batch(actor=SYSTEM, queries=[query], threshold=100)
    assert low.person_id == child.pk and high is None


def test_matching_needs_permission_to_search(make_user):
    with pytest.raises(AccessDenied):
        selectors.known_child_match_batch(actor=None, queries=[], threshold=80)


def test_current_families_is_the_most_recently_joined(record_family):
    first, child, _ = record_family()
    later = services.family_create(actor=SYSTEM, name="Foster household")
    services.family_member_add(
        actor=SYSTEM,
        family=later,
        person=child,
        role=MemberRole.CHILD,
        started_on=timezone.localdate() + timedelta(days=1),
    )
    assert selectors.current_families([child.pk], actor=SYSTEM) == {child.pk: later.pk}
    assert selectors.current_families([], actor=SYSTEM) == {}


def test_open_involvements_per_family(record_family):
    team, other = TeamFactory(), TeamFactory()
    family, _, _ = record_family(team=team)
    involvement = services.involvement_open(
        actor=SYSTEM, family=family, team=other, reason="Assessment"
    )
    services.involvement_close(actor=SYSTEM, involvement=involvement, reason="Done")
    found = selectors.open_involvements([family.pk], actor=SYSTEM)
    assert [i.team for i in found[family.pk]] == [team]
    assert found[family.pk][0].team.agency is not None
