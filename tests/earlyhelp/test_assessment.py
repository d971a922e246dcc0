"""Shared Family Assessment: member views and needs as drafts, submit, sign off or return."""

import pytest

from teamaround.core.errors import AccessDenied, DomainError, ValidationFailed
from teamaround.earlyhelp import services
from teamaround.earlyhelp.models import AssessmentStatus, EpisodeStatus
from tests.earlyhelp.conftest import members


def _draft(episode, worker, family, domain):
    people = members(family)
    services.member_view_save(
        actor=worker,
        episode=episode,
        person=people["Kerry"],
        in_their_words="I want the mornings to be calmer.",
        strengths="Loves her children",
        goals="Get Jayden to school",
    )
    services.member_view_save(
        actor=worker,
        episode=episode,
        person=people["Ava"],
        in_their_words="Ava pointed to the happy face for home.",
        recorded_for_them=True,
    )
    services.need_add(
        actor=worker,
        episode=episode,
        domain=domain("school-attendance-learning"),
        description="Attendance 71% this term",
        person=people["Jayden"],
    )
    return episode.assessment


def test_draft_submit_and_sign_off_assesses_the_episode(episode, worker, manager, family, domain):
    assessment = _draft(episode, worker, family, domain)
    assert assessment.status == AssessmentStatus.DRAFT
    assert assessment.member_views.filter(recorded_for_them=True).count() == 1
    services.assessment_submit(actor=worker, episode=episode)
    services.assessment_sign_off(actor=manager, assessment=assessment)
    episode.refresh_from_db()
    assert episode.status == EpisodeStatus.ASSESSED
    assert assessment.signed_off_by == manager


def test_manager_returns_it_with_a_reason_and_it_can_be_changed_again(
    episode, worker, manager, family, domain
):
    assessment = _draft(episode, worker, family, domain)
    services.assessment_submit(actor=worker, episode=episode)
    with pytest.raises(DomainError):
        services.need_add(
            actor=worker, episode=episode, domain=domain("housing"), description="Damp"
        )
    with pytest.raises(DomainError) as error:
        services.assessment_return(actor=manager, assessment=assessment, reason="")
    assert error.value.field == "reason"
    services.assessment_return(actor=manager, assessment=assessment, reason="Add dad's views")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.RETURNED
    services.need_add(actor=worker, episode=episode, domain=domain("housing"), description="Damp")


def test_only_the_lead_teams_manager_signs_off(episode, worker, family, domain, make_user):
    from teamaround.accounts.roles import Role

    assessment = _draft(episode, worker, family, domain)
    services.assessment_submit(actor=worker, episode=episode)
    with pytest.raises(AccessDenied):
        services.assessment_sign_off(actor=worker, assessment=assessment)
    with pytest.raises(AccessDenied):
        services.assessment_sign_off(actor=make_user(Role.TEAM_MANAGER), assessment=assessment)


def test_submit_needs_views_and_needs(episode, worker):
    with pytest.raises(ValidationFailed) as error:
        services.assessment_submit(actor=worker, episode=episode)
    assert set(error.value.errors) == {"member_views", "needs"}


def test_views_must_be_of_a_family_member_and_in_words(episode, worker, family, domain):
    with pytest.raises(DomainError) as error:
        services.member_view_save(actor=worker, episode=episode, person=None, in_their_words="x")
    assert error.value.field == "person"
    with pytest.raises(DomainError) as error:
        services.member_view_save(
            actor=worker, episode=episode, person=family.mum, in_their_words="  "
        )
    assert error.value.field == "in_their_words"
