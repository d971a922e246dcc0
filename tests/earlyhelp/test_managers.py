"""The managers' figures: caseloads, reviews out of date, Family Solutions past month 10, and
families back within 12 months of a closure."""

from datetime import timedelta

import pytest
from django.utils import timezone

from teamaround.core.errors import AccessDenied
from teamaround.earlyhelp import selectors, services
from teamaround.earlyhelp.models import Episode


def test_overview_counts_and_flags(planned, manager, worker, open_episode):
    Episode.objects.filter(pk=planned.pk).update(
        next_review_due=timezone.localdate() - timedelta(days=1)
    )
    overview = selectors.managers_overview(actor=manager)
    assert overview["workers"][0]["total"] == 1 and overview["teams"][0]["overdue"] == 1
    assert [e.pk for e in overview["overdue"]] == [planned.pk]
    assert overview["districts"][0]["district__name"] == "Chelmsford"


def test_family_solutions_past_month_10_is_listed(open_episode, manager):
    started = timezone.localdate() - timedelta(days=310)
    episode = open_episode(number=3, started_on=started)
    overview = selectors.managers_overview(actor=manager)
    assert [e.pk for e in overview["family_solutions"]] == [episode.pk]
    clock = selectors.family_solutions_clock(episode)
    assert clock["warn"] and not clock["overrun"] and clock["weeks_left"] < 10


def test_reopened_and_new_episodes_within_12_months_are_comebacks(
    episode, worker, manager, open_episode
):
    services.episode_close(actor=worker, episode=episode, reason="needs_met")
    services.episode_reopen(actor=worker, episode=episode, reason="Things got hard again")
    services.episode_close(actor=worker, episode=episode, reason="needs_met")
    again = open_episode()
    hows = {
        row["how"]: row["episode"].pk
        for row in selectors.managers_overview(actor=manager)["comebacks"]
    }
    assert hows == {"Reopened": episode.pk, "New episode": again.pk}


def test_only_managers_see_caseloads(worker):
    with pytest.raises(AccessDenied):
        selectors.managers_overview(actor=worker)
