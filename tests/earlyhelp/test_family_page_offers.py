"""Early help's next steps are offered on the family's page and the social worker's task, to
the people who may take them and to nobody else: a partner opens an episode, social care steps
a family down, and once an episode is open everyone who may see it is taken to it."""

from django.urls import reverse
from django.utils import timezone

from teamaround.accounts.roles import Role
from teamaround.core.work import work_items_for
from teamaround.earlyhelp import services
from tests.factories import TeamFactory

OPEN = "Open an early help episode"
STEP_DOWN = "Step down to early help"


def _family_page(client, family):
    response = client.get(reverse("people:family-detail", args=[family.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_partner_is_offered_opening_an_episode_on_the_familys_page(family, teacher, signed_in):
    page = _family_page(signed_in(teacher), family)
    assert OPEN in page and reverse("earlyhelp:episode-new", args=[family.pk]) in page
    assert STEP_DOWN not in page


def test_social_care_is_offered_step_down_not_opening(family, social_worker, signed_in):
    page = _family_page(signed_in(social_worker), family)
    assert STEP_DOWN in page and reverse("earlyhelp:step-down", args=[family.pk]) in page
    assert OPEN not in page


def test_a_hub_screener_is_offered_neither(family, make_user, signed_in):
    screener = make_user(Role.HUB_SCREENER, team=TeamFactory(name="Hub"))
    page = _family_page(signed_in(screener), family)
    assert OPEN not in page and STEP_DOWN not in page


def test_an_open_episode_is_linked_instead(episode, family, teacher, social_worker, signed_in):
    client = signed_in(teacher)
    page = _family_page(client, family)
    assert OPEN not in page and STEP_DOWN not in page
    # The teacher's school is involved but not in the TAF: no link to an episode they cannot see.
    assert reverse("earlyhelp:episode", args=[episode.pk]) not in page
    page = _family_page(signed_in(social_worker), family)
    assert STEP_DOWN not in page
    assert reverse("earlyhelp:episode", args=[episode.pk]) in page


def test_those_who_cannot_see_the_family_cannot_open_or_step_down(family, outsider, signed_in):
    client = signed_in(outsider)
    assert client.get(reverse("people:family-detail", args=[family.pk])).status_code == 403
    assert client.get(reverse("earlyhelp:episode-new", args=[family.pk])).status_code == 403
    response = client.post(
        reverse("earlyhelp:step-down", args=[family.pk]),
        {"reason": "x", "family_agreed_by": "x", "family_agreed_on": "2026-01-01"},
    )
    assert response.status_code == 403


def test_a_partner_cannot_step_down(family, teacher, signed_in, level):
    response = signed_in(teacher).post(
        reverse("earlyhelp:step-down", args=[family.pk]),
        {
            "level": str(level(2).pk),
            "lead_professional": str(teacher.pk),
            "reason": "Safe now",
            "family_agreed_on": timezone.localdate().isoformat(),
            "family_agreed_by": "Kerry",
        },
    )
    assert response.status_code == 403


def test_the_social_workers_step_up_task_leads_to_step_down(
    planned, social_worker, social_care_team, worker, signed_in
):
    services.episode_step_up(
        actor=worker, episode=planned, to_team=social_care_team, reason="Risk has grown"
    )
    task = work_items_for(actor=social_worker).get(source_type="earlyhelp.stepup")
    client = signed_in(social_worker)
    home = client.get(reverse("core:home")).content.decode()
    assert task.link in home
    page = client.get(task.link).content.decode()
    assert STEP_DOWN in page and reverse("earlyhelp:step-down", args=[planned.family_id]) in page
    # The family worker who stepped the family up is not offered stepping it down.
    page = signed_in(worker).get(task.link).content.decode()
    assert STEP_DOWN not in page


def test_step_down_offers_early_help_leads_not_social_care(
    planned, social_worker, social_care_team, worker, signed_in
):
    """The early help team's involvement ended at step up; its workers are still offered."""
    services.episode_step_up(
        actor=worker, episode=planned, to_team=social_care_team, reason="Risk has grown"
    )
    page = (
        signed_in(social_worker)
        .get(reverse("earlyhelp:step-down", args=[planned.family_id]))
        .content.decode()
    )
    assert f'value="{worker.pk}"' in page
    assert f'value="{social_worker.pk}"' not in page
