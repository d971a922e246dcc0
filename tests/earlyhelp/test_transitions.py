"""Change of lead professional, step up, step down, close (with feedback) and reopen; a closed
episode cannot be changed."""

import pytest
from django.utils import timezone

from teamaround.core.errors import AccessDenied, DomainError, ValidationFailed
from teamaround.core.models import WorkItem
from teamaround.earlyhelp import services
from teamaround.earlyhelp.models import EpisodeEventKind, EpisodeStatus
from teamaround.people.models import FamilyEvent, FamilyEventKind, Involvement
from tests.earlyhelp.conftest import action_row


def test_changing_the_lead_professional_keeps_history_and_moves_review_work(
    planned, worker, teacher, school_team
):
    services.lead_professional_change(
        actor=worker, episode=planned, practitioner=teacher, reason="School sees the family daily"
    )
    planned.refresh_from_db()
    assert planned.lead_professional == teacher and planned.lead_team == school_team
    history = list(planned.leads.values_list("practitioner__username", "ended_at"))
    assert history[0][0] == "fw" and history[0][1] is not None
    assert history[1] == ("dsl", None)
    assert (
        WorkItem.objects.get(source_type="earlyhelp.review", status="open").assigned_to == teacher
    )
    assert planned.events.filter(kind=EpisodeEventKind.LEAD_CHANGED).exists()


def test_lead_change_needs_a_reason_and_a_different_person(episode, worker, teacher):
    with pytest.raises(DomainError):
        services.lead_professional_change(
            actor=worker, episode=episode, practitioner=worker, reason="x"
        )
    with pytest.raises(DomainError):
        services.lead_professional_change(
            actor=worker, episode=episode, practitioner=teacher, reason=" "
        )


def test_step_up_hands_to_social_care_keeps_history_visible_and_closes(
    planned, worker, social_care_team, social_worker, family
):
    step = services.episode_step_up(
        actor=worker,
        episode=planned,
        to_team=social_care_team,
        reason="Disclosure of harm at school",
    )
    planned.refresh_from_db()
    assert planned.status == EpisodeStatus.CLOSED
    assert planned.closures.get().reason == "stepped_up"
    assert Involvement.objects.filter(family=family, team=social_care_team, closed_at=None).exists()
    assert WorkItem.objects.get(source_id=str(step.pk)).team == social_care_team
    assert social_worker.has_perm("earlyhelp.view_episode", planned)
    assert social_worker.has_perm("people.view_family", family)


def test_step_up_only_to_a_social_care_team(episode, worker, school_team):
    with pytest.raises(ValidationFailed) as error:
        services.episode_step_up(actor=worker, episode=episode, to_team=school_team, reason="x")
    assert "to_team" in error.value.errors


def test_step_down_opens_an_episode_linked_to_where_it_came_from(
    planned, worker, social_care_team, social_worker, family, level
):
    services.episode_step_up(
        actor=worker, episode=planned, to_team=social_care_team, reason="Harm disclosed"
    )
    episode = services.episode_step_down(
        actor=social_worker,
        family=family,
        level=level(3),
        lead_professional=worker,
        reason="Child protection plan ended",
        family_agreed_on=timezone.localdate(),
        family_agreed_by="Kerry",
        social_care_reference="CIN-1234",
    )
    assert episode.source == "step_down"
    assert episode.step_down.previous_episode == planned
    assert episode.step_down.from_team == social_care_team
    kinds = list(episode.events.values_list("kind", flat=True))
    assert kinds == [EpisodeEventKind.OPENED, EpisodeEventKind.STEPPED_DOWN]


def test_only_social_care_steps_down(family, worker, level):
    with pytest.raises(AccessDenied):
        services.episode_step_down(
            actor=worker,
            family=family,
            level=level(2),
            lead_professional=worker,
            reason="x",
            family_agreed_on=timezone.localdate(),
            family_agreed_by="K",
        )


def test_closing_with_feedback_ends_work_and_involvements(
    planned, worker, nurse, health_team, family
):
    services.taf_member_add(actor=worker, episode=planned, practitioner=nurse, role="health")
    closure = services.episode_close(
        actor=worker,
        episode=planned,
        reason="needs_met",
        summary="Attendance 96%",
        feedback={
            "listened_to": 5,
            "things_got_better": 4,
            "would_ask_again": 5,
            "comments": "Fran really helped",
        },
    )
    planned.refresh_from_db()
    assert planned.status == EpisodeStatus.CLOSED and planned.closed_on == timezone.localdate()
    assert closure.feedback.things_got_better == 4
    assert not WorkItem.objects.filter(status="open", source_type__startswith="earlyhelp").exists()
    assert not Involvement.objects.filter(family=family, team=health_team, closed_at=None).exists()
    assert FamilyEvent.objects.filter(family=family, kind=FamilyEventKind.EPISODE_CLOSED).exists()


@pytest.mark.parametrize(
    "feedback",
    [
        {"listened_to": 0, "things_got_better": 3, "would_ask_again": 3},
        {"listened_to": 6, "things_got_better": 3, "would_ask_again": 3},
    ],
)
def test_feedback_ratings_are_1_to_5(episode, worker, feedback):
    with pytest.raises(ValidationFailed) as error:
        services.episode_close(actor=worker, episode=episode, reason="needs_met", feedback=feedback)
    assert "listened_to" in error.value.errors


def test_closure_needs_a_reason_from_the_list(episode, worker):
    with pytest.raises(ValidationFailed):
        services.episode_close(actor=worker, episode=episode, reason="bored")


def test_a_closed_episode_cannot_be_changed_until_reopened(planned, worker, domain, teacher):
    services.episode_close(actor=worker, episode=planned, reason="family_declined")
    planned.refresh_from_db()
    attempts = [
        lambda: services.plan_save(
            actor=worker,
            episode=planned,
            outcomes="x",
            actions=[action_row(worker)],
            version=planned.plan.version,
        ),
        lambda: services.need_add(
            actor=worker, episode=planned, domain=domain("housing"), description="x"
        ),
        lambda: services.taf_member_add(
            actor=worker, episode=planned, practitioner=teacher, role="school"
        ),
        lambda: services.episode_close(actor=worker, episode=planned, reason="needs_met"),
        lambda: services.lead_professional_change(
            actor=worker, episode=planned, practitioner=teacher, reason="x"
        ),
    ]
    for attempt in attempts:
        with pytest.raises(DomainError, match="closed"):
            attempt()
    services.episode_reopen(actor=worker, episode=planned, reason="Family asked for help again")
    planned.refresh_from_db()
    assert planned.status == EpisodeStatus.PLANNED
    assert planned.closures.get().reopened_at is not None
    assert WorkItem.objects.filter(source_type="earlyhelp.review", status="open").count() == 1


def test_reopen_only_when_closed_and_with_a_reason(episode, worker):
    with pytest.raises(DomainError):
        services.episode_reopen(actor=worker, episode=episode, reason="x")
    services.episode_close(actor=worker, episode=episode, reason="moved_away")
    episode.refresh_from_db()
    with pytest.raises(DomainError):
        services.episode_reopen(actor=worker, episode=episode, reason="")


def test_every_episode_event_records_the_status_before_and_after(open_episode, worker):
    episode = open_episode()
    opened = episode.events.get(kind="opened")
    assert opened.actor == worker and opened.to_status == "open"
    from teamaround.earlyhelp.services.lifecycle import record_event

    record_event(worker, episode, "reviewed", "TAF meeting held")
    reviewed = episode.events.get(kind="reviewed")
    assert (reviewed.from_status, reviewed.to_status) == ("open", "reviewing")
