"""episode_open, episode_open_from_hand_over: who may open, at which level, with agreement."""

from datetime import timedelta

import pytest
from django.utils import timezone

from teamaround.core.errors import AccessDenied, ValidationFailed
from teamaround.core.models import AuditAction, AuditEvent, WorkItem
from teamaround.earlyhelp import services
from teamaround.earlyhelp.models import EpisodeEventKind, EpisodeStatus
from teamaround.people.models import FamilyEvent, FamilyEventKind, Involvement


def test_opening_records_the_lead_taf_event_chronology_and_assessment_work(
    episode, worker, family, chelmsford
):
    assert episode.status == EpisodeStatus.OPEN
    assert episode.district == chelmsford
    assert episode.leads.get().practitioner == worker
    assert episode.taf_members.get().role == "lead_professional"
    assert list(episode.events.values_list("kind", flat=True)) == [EpisodeEventKind.OPENED]
    assert FamilyEvent.objects.filter(
        family=family, kind=FamilyEventKind.EPISODE_OPENED, source_app="earlyhelp"
    ).exists()
    task = WorkItem.objects.get(source_type="earlyhelp.assessment")
    assert task.assigned_to == worker and task.due_on > timezone.localdate()


def test_a_partner_opens_level_2_and_their_team_becomes_involved(
    open_episode, teacher, school_team, family
):
    episode = open_episode(actor=teacher, lead=teacher)
    assert episode.lead_team == school_team
    assert Involvement.objects.filter(family=family, team=school_team, closed_at=None).count() == 1


def test_a_partner_cannot_open_level_3_directly(open_episode, teacher):
    with pytest.raises(ValidationFailed) as error:
        open_episode(actor=teacher, lead=teacher, number=3)
    assert "level" in error.value.errors


def test_level_4_is_not_early_help(open_episode):
    with pytest.raises(ValidationFailed) as error:
        open_episode(number=4)
    assert "level" in error.value.errors


def test_family_solutions_warns_the_team_at_month_10(open_episode, early_help_team):
    episode = open_episode(number=3)
    warning = WorkItem.objects.get(source_type="earlyhelp.episode", source_id=str(episode.pk))
    assert warning.team == early_help_team and "month 10" in warning.title
    assert (warning.due_on - episode.started_on).days in range(295, 310)


def test_agreement_is_required_and_not_in_the_future(family, worker, level):
    with pytest.raises(ValidationFailed) as error:
        services.episode_open(
            actor=worker,
            family=family,
            level=level(2),
            lead_professional=worker,
            family_agreed_on=timezone.localdate() + timedelta(days=1),
            family_agreed_by=" ",
        )
    assert set(error.value.errors) >= {"family_agreed_on", "family_agreed_by"}


def test_only_one_open_episode_per_family(episode, open_episode):
    with pytest.raises(ValidationFailed) as error:
        open_episode()
    assert "family" in error.value.errors


def test_lead_professional_cannot_be_in_social_care(open_episode, social_worker):
    with pytest.raises(ValidationFailed) as error:
        open_episode(lead=social_worker)
    assert "lead_professional" in error.value.errors


def test_someone_who_cannot_see_the_family_cannot_open_for_it(open_episode, outsider):
    with pytest.raises(AccessDenied):
        open_episode(actor=outsider, lead=outsider)
    assert AuditEvent.objects.filter(action=AuditAction.REFUSED, actor=outsider).exists()
