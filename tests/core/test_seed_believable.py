"""The seeded county is believable (issue 10): parents are at least 16 years older than their
children, and what happened in a seeded episode or case is dated within its own history.

One small county is seeded for the module; each test reads it."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from teamaround.earlyhelp.models import Episode, EpisodeEvent
from teamaround.people.models import FamilyEvent, Relationship

SIXTEEN_YEARS = timedelta(days=16 * 365)


@pytest.fixture(scope="module")
def county(django_db_setup, django_db_blocker):
    """Seeded once inside a transaction rolled back after the module: a flush here would
    also remove the migrations' reference data (levels, need domains, taxonomies) that every
    later test in the process relies on."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command(
            "seed", "--children", "120", "--county", "small", "--seed", "8", stdout=StringIO()
        )
        yield
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_parents_are_at_least_sixteen_years_older_than_their_children(county):
    pairs = Relationship.objects.filter(
        kind__in=["parent_of", "step_parent_of"],
        from_person__date_of_birth__isnull=False,
        to_person__date_of_birth__isnull=False,
        to_person__date_of_birth__lte=timezone.localdate(),
    ).values_list("kind", "from_person__date_of_birth", "to_person__date_of_birth")
    assert len(pairs) > 50
    too_young = [
        f"{kind}: parent born {parent}, child born {child}"
        for kind, parent, child in pairs
        if child - parent < SIXTEEN_YEARS
    ]
    assert not too_young, "\n".join(too_young[:20])


def _date(moment) -> date:
    return timezone.localtime(moment).date()


@pytest.mark.django_db
def test_what_happened_in_an_episode_is_dated_within_the_episode(county):
    today = timezone.localdate()
    outside = []
    episodes = list(Episode.objects.all())
    assert len(episodes) > 3
    for episode in episodes:
        ends = episode.closed_on or today
        for event in EpisodeEvent.objects.filter(episode=episode):
            if not episode.started_on <= _date(event.occurred_at) <= ends:
                outside.append(
                    f"{episode.reference} {episode.started_on}..{ends}: {event.kind} on "
                    f"{_date(event.occurred_at)}"
                )
        chronology = FamilyEvent.objects.filter(source_app="earlyhelp", source_id=str(episode.pk))
        for entry in chronology:
            if not episode.started_on <= _date(entry.occurred_at) <= ends:
                outside.append(
                    f"{episode.reference} {episode.started_on}..{ends}: chronology {entry.kind} "
                    f"on {_date(entry.occurred_at)}"
                )
        held = sorted(meeting.held_on for meeting in episode.meetings.all())
        if any(not episode.started_on <= day <= ends for day in held):
            outside.append(f"{episode.reference}: TAF meetings on {held}")
        events = EpisodeEvent.objects.filter(episode=episode)
        opened = [_date(e.occurred_at) for e in events.filter(kind="opened")]
        if opened[:1] != [episode.started_on]:
            outside.append(f"{episode.reference} started {episode.started_on}, opened {opened}")
        reviewed = sorted(_date(e.occurred_at) for e in events.filter(kind="reviewed"))
        if reviewed != held:
            outside.append(f"{episode.reference}: meetings held {held}, chronology {reviewed}")
    assert not outside, "\n".join(outside[:20])


@pytest.mark.django_db
def test_the_chronology_of_an_episode_runs_in_order(county):
    """Opened first; the assessment before the plan, the plan before its meetings, closure
    last."""
    order = ["opened", "assessed", "planned"]
    wrong = []
    for episode in Episode.objects.all():
        events = list(EpisodeEvent.objects.filter(episode=episode).order_by("occurred_at"))
        kinds = [event.kind for event in events]
        seen = [kind for kind in kinds if kind in order]
        if seen != sorted(seen, key=order.index):
            wrong.append(f"{episode.reference}: {kinds}")
        if "closed" in kinds and kinds[-1] != "closed":
            wrong.append(f"{episode.reference}: closed before {kinds[-1]}")
    assert not wrong, "\n".join(wrong[:20])
