"""Who may read and change an episode: the lead professional's team and current TAF members
change it; their teams' managers and county-wide roles read it; a practitioner removed from
the TAF loses access at once; every view and refusal is audited."""

import pytest

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.earlyhelp import selectors, services
from teamaround.earlyhelp.models import Episode
from teamaround.people.models import Involvement


@pytest.fixture
def matrix(
    episode,
    worker,
    colleague,
    manager,
    teacher,
    nurse,
    outsider,
    social_worker,
    make_user,
    early_help_team,
):
    services.taf_member_add(actor=worker, episode=episode, practitioner=nurse, role="health")
    hub = make_user(Role.HUB_SCREENER, username="hub")
    other_manager = make_user(Role.TEAM_MANAGER, username="other.tm")
    return {
        "worker": (worker, True, True),
        "colleague in the lead team": (colleague, True, True),
        "manager of the lead team": (manager, True, True),
        "TAF member from health": (nurse, True, True),
        "school practitioner not in the TAF": (teacher, False, False),
        "outsider": (outsider, False, False),
        "social worker (county-wide)": (social_worker, True, False),
        "Hub screener (county-wide)": (hub, True, False),
        "manager of another team": (other_manager, False, False),
    }


def test_permission_matrix_and_list_agree_with_single_record(matrix, episode):
    for label, (user, reads, changes) in matrix.items():
        assert user.has_perm("earlyhelp.view_episode", episode) is reads, label
        assert user.has_perm("earlyhelp.change_episode", episode) is changes, label
        listed = selectors.episode_list(actor=user).filter(pk=episode.pk).exists()
        assert listed is reads, label


def test_a_team_manager_of_a_taf_members_team_reads(episode, worker, nurse, make_user, health_team):
    services.taf_member_add(actor=worker, episode=episode, practitioner=nurse, role="health")
    health_manager = make_user(Role.TEAM_MANAGER, team=health_team)
    assert health_manager.has_perm("earlyhelp.view_episode", episode)
    assert not health_manager.has_perm("earlyhelp.change_episode", episode)


def test_every_view_is_audited_and_refusals_too(episode, worker, outsider):
    selectors.episode_get(actor=worker, episode_id=episode.pk)
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, actor=worker, object_id=str(episode.pk)
    ).exists()
    with pytest.raises(AccessDenied):
        selectors.episode_get(actor=outsider, episode_id=episode.pk)
    assert AuditEvent.objects.filter(
        action=AuditAction.REFUSED, actor=outsider, object_id=str(episode.pk)
    ).exists()


def test_someone_outside_cannot_change_it(episode, teacher):
    with pytest.raises(AccessDenied):
        services.episode_close(actor=teacher, episode=episode, reason="needs_met")
    assert AuditEvent.objects.filter(action=AuditAction.REFUSED, actor=teacher).exists()
    episode.refresh_from_db()
    assert episode.status == "open"


def test_a_practitioner_removed_from_the_taf_loses_access_at_once(
    episode, worker, nurse, health_team, family
):
    member = services.taf_member_add(
        actor=worker, episode=episode, practitioner=nurse, role="health"
    )
    assert nurse.has_perm("people.view_family", family)
    services.taf_member_remove(actor=worker, member=member, reason="Work finished")
    assert not nurse.has_perm("earlyhelp.view_episode", episode)
    assert not nurse.has_perm("earlyhelp.change_episode", episode)
    assert (
        not Episode.objects.filter(pk=episode.pk)
        .filter(pk__in=selectors.episode_list(actor=nurse))
        .exists()
    )
    assert not nurse.has_perm("people.view_family", family)
    assert not Involvement.objects.filter(family=family, team=health_team, closed_at=None).exists()
    with pytest.raises(AccessDenied):
        selectors.episode_get(actor=nurse, episode_id=episode.pk)


def test_removing_one_of_two_colleagues_keeps_the_teams_involvement(
    episode, worker, nurse, make_user, health_team, family
):
    other = make_user(Role.PRACTITIONER, team=health_team)
    first = services.taf_member_add(
        actor=worker, episode=episode, practitioner=nurse, role="health"
    )
    services.taf_member_add(actor=worker, episode=episode, practitioner=other, role="health")
    services.taf_member_remove(actor=worker, member=first, reason="Handed to colleague")
    assert not nurse.has_perm("earlyhelp.view_episode", episode)
    assert other.has_perm("earlyhelp.change_episode", episode)
    assert Involvement.objects.filter(family=family, team=health_team, closed_at=None).exists()


def test_the_lead_professional_cannot_be_removed(episode, worker):
    with pytest.raises(Exception, match="new lead professional"):
        services.taf_member_remove(actor=worker, member=episode.taf_members.get(), reason="x")


def test_the_episode_list_api_and_the_home_page_record_the_episodes_they_returned(
    open_episode, worker, outsider, api_as, signed_in
):
    episode = open_episode()

    def listed(user):
        return list(
            AuditEvent.objects.filter(
                actor=user, action=AuditAction.VIEW, object_type="earlyhelp.episode"
            ).values_list("object_id", flat=True)
        )

    rows = api_as(worker).get("/api/v1/early-help/episodes/").json()
    assert [row["id"] for row in rows] == [str(episode.pk)] == listed(worker)
    assert signed_in(worker).get("/early-help/").status_code == 200
    assert listed(worker) == [str(episode.pk)] * 2
    assert api_as(outsider).get("/api/v1/early-help/episodes/").json() == []
    assert listed(outsider) == []
