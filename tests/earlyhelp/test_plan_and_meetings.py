"""Early Help Plan (actions need an owner and a date; optimistic locking) and TAF meetings
(progress, scores 0-10, next review date, work items)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from teamaround.core.calendar import add_working_days
from teamaround.core.errors import DomainError, StaleVersion, ValidationFailed
from teamaround.core.models import WorkItem
from teamaround.earlyhelp import services
from teamaround.earlyhelp.models import EarlyHelpPlan, EpisodeStatus, NeedScore, PlanAction
from tests.earlyhelp.conftest import action_row, members


def test_planning_sets_status_work_items_and_review_date(planned, worker):
    plan = planned.plan
    assert planned.status == EpisodeStatus.PLANNED
    assert plan.version == 1 and plan.actions.count() == 2
    assert (
        WorkItem.objects.filter(
            source_type="earlyhelp.planaction", assigned_to=worker, status="open"
        ).count()
        == 2
    )
    assert planned.next_review_due == add_working_days(plan.agreed_on, 30)
    assert WorkItem.objects.get(source_type="earlyhelp.review").assigned_to == worker


@pytest.mark.parametrize("missing", ["owner", "due_on"])
def test_an_action_needs_an_owner_and_a_date(episode, worker, missing):
    row = action_row(worker) | {missing: None}
    with pytest.raises(ValidationFailed) as error:
        services.plan_save(
            actor=worker, episode=episode, outcomes="Calmer mornings", actions=[row], version=None
        )
    assert f"actions-0-{missing}" in error.value.errors
    assert not EarlyHelpPlan.objects.exists()


def test_an_action_owner_must_be_in_the_taf_or_the_family(episode, worker, outsider, family):
    with pytest.raises(ValidationFailed) as error:
        services.plan_save(
            actor=worker,
            episode=episode,
            outcomes="x",
            actions=[action_row(outsider)],
            version=None,
        )
    assert "actions-0-owner" in error.value.errors
    plan = services.plan_save(
        actor=worker,
        episode=episode,
        outcomes="x",
        version=None,
        actions=[action_row(None, owner_person=members(family)["Kerry"])],
    )
    assert plan.actions.get().who == "Kerry"


def test_two_people_editing_at_once_the_second_gets_a_conflict_and_nothing_is_written(
    planned, worker, colleague
):
    plan = planned.plan
    first_version = second_version = plan.version
    services.plan_save(
        actor=worker,
        episode=planned,
        outcomes="First editor's words",
        actions=[],
        version=first_version,
    )
    with pytest.raises(StaleVersion) as error:
        services.plan_save(
            actor=colleague,
            episode=planned,
            outcomes="Second editor's words",
            actions=[action_row(worker, what="Should not appear")],
            version=second_version,
        )
    assert "Someone else saved this plan" in error.value.message
    plan.refresh_from_db()
    assert plan.outcomes == "First editor's words" and plan.version == 2
    assert not PlanAction.objects.filter(what="Should not appear").exists()


def test_removing_an_action_archives_it_and_cancels_its_work(planned, worker):
    plan = planned.plan
    action = plan.actions.first()
    services.plan_save(
        actor=worker,
        episode=planned,
        outcomes=plan.outcomes,
        actions=[{"id": action.pk, "remove": True}],
        version=plan.version,
    )
    action.refresh_from_db()
    assert action.archived_at is not None
    assert WorkItem.objects.get(source_id=str(action.pk)).status == "cancelled"


def _meeting(episode, worker, domain, scores, **extra):
    actions = list(episode.plan.actions.all())
    values = {
        "held_on": timezone.localdate(),
        "family_views": "Mornings are better; Jayden likes breakfast club.",
        "attendance": [
            {"name": "Fran", "agency": "Council Early Help", "attendance": "attended"},
            {"name": "Dee", "agency": "School", "attendance": "apologies"},
        ],
        "progress": [
            {"action": actions[0], "status": "done", "note": "Visits weekly"},
            {"action": actions[1], "status": "in_progress", "note": ""},
        ],
        "scores": [{"domain": domain(code), "score": s} for code, s in scores.items()],
    }
    return services.taf_meeting_record(actor=worker, episode=episode, **(values | extra))


def test_a_review_records_progress_scores_and_sets_the_next_review(planned, worker, domain):
    meeting = _meeting(
        planned,
        worker,
        domain,
        {"school-attendance-learning": 4, "parenting": 6},
        new_actions=[action_row(worker, what="Attendance meeting")],
    )
    planned.refresh_from_db()
    assert planned.status == EpisodeStatus.REVIEWING
    assert NeedScore.objects.filter(meeting=meeting).count() == 2
    assert planned.next_review_due == add_working_days(meeting.held_on, 30)
    done = planned.plan.actions.get(status="done")
    assert WorkItem.objects.get(source_id=str(done.pk)).status == "cancelled"
    assert planned.plan.actions.count() == 3
    assert planned.plan.version == 2  # a review changes the plan, so open plan forms conflict
    assert WorkItem.objects.filter(source_type="earlyhelp.review", status="open").count() == 1


@pytest.mark.parametrize("score", [-1, 11, 4.5, "7", True])
def test_a_score_must_be_a_whole_number_from_0_to_10(planned, worker, domain, score):
    with pytest.raises(ValidationFailed) as error:
        _meeting(planned, worker, domain, {"parenting": score})
    assert "score-parenting" in error.value.errors
    assert not NeedScore.objects.exists()


def test_a_review_needs_a_plan_a_date_and_the_familys_views(episode, planned, worker, domain):
    with pytest.raises(ValidationFailed) as error:
        _meeting(
            planned,
            worker,
            domain,
            {"parenting": 5},
            family_views="",
            held_on=timezone.localdate() + timedelta(days=2),
        )
    assert set(error.value.errors) >= {"family_views", "held_on"}


def test_no_review_without_a_plan(episode, worker, domain):
    with pytest.raises(DomainError):
        services.taf_meeting_record(
            actor=worker,
            episode=episode,
            held_on=timezone.localdate(),
            family_views="x",
            attendance=[],
            progress=[],
            scores=[],
        )


def test_the_review_interval_is_a_setting_or_per_episode(open_episode, worker, settings):
    settings.TEAMAROUND_EARLYHELP_REVIEW_WEEKS = 4
    episode = open_episode(review_interval_weeks=8)
    services.plan_save(
        actor=worker, episode=episode, outcomes="x", version=None, actions=[action_row(worker)]
    )
    episode.refresh_from_db()
    assert episode.next_review_due == add_working_days(timezone.localdate(), 40)
    services.episode_close(actor=worker, episode=episode, reason="needs_met")
    other = open_episode()
    services.plan_save(
        actor=worker, episode=other, outcomes="x", version=None, actions=[action_row(worker)]
    )
    other.refresh_from_db()
    assert other.next_review_due == add_working_days(timezone.localdate(), 20)


def test_distance_travelled_runs_from_the_first_meeting_and_leaves_unscored_needs_out(
    planned, worker, domain
):
    """Three meetings; parenting scored at all three, school only at the first and third,
    and not at the second: its change runs from the first meeting, and the family's average
    at the second meeting counts only the need scored there."""
    from datetime import timedelta

    from teamaround.earlyhelp import selectors

    today = timezone.localdate()
    type(planned).objects.filter(pk=planned.pk).update(started_on=today - timedelta(days=30))
    planned.refresh_from_db()
    for days_ago, scores in (
        (20, {"parenting": 2, "school-attendance-learning": 4}),
        (10, {"parenting": 5}),
        (0, {"parenting": 9, "school-attendance-learning": 5}),
    ):
        _meeting(
            planned, worker, domain, scores, held_on=today - timedelta(days=days_ago), progress=[]
        )
    distance = selectors.distance_travelled(actor=worker, episode=planned)
    assert len(distance["meetings"]) == 3
    needs = {series.name: series for series in distance["needs"]}
    parenting = next(s for name, s in needs.items() if "arent" in name)
    school = next(s for name, s in needs.items() if "chool" in name)
    assert parenting.scores == [2, 5, 9] and parenting.change == 7  # from the first, not the 2nd
    assert school.scores == [4, None, 5] and school.change == 1
    assert distance["family"].scores == [3.0, 5.0, 7.0]  # the unscored need is not a zero
    assert distance["family"].change == 4.0
