"""No lost update in early help: a family member's views and the Early Help Plan. The second
editor of the same version gets a conflict showing both texts; nothing is overwritten; two
saves at once on PostgreSQL: one wins, the other gets the conflict."""

import pytest
from django.urls import reverse

from teamaround.core.errors import StaleVersion
from teamaround.earlyhelp import services
from teamaround.earlyhelp.models import EarlyHelpPlan, MemberView
from tests.concurrency import one_wins, race
from tests.earlyhelp.conftest import members


def _kerry_said(episode, worker, family, words="I want calmer mornings."):
    return services.member_view_save(
        actor=worker, episode=episode, person=members(family)["Kerry"], in_their_words=words
    )


def test_a_stale_version_of_a_members_views_is_refused_and_keeps_both(
    episode, worker, colleague, family
):
    view = _kerry_said(episode, worker, family)
    read = view.version
    kerry = members(family)["Kerry"]
    services.member_view_save(
        actor=worker, episode=episode, person=kerry, in_their_words="First", version=read
    )
    with pytest.raises(StaleVersion) as conflict:
        services.member_view_save(
            actor=colleague, episode=episode, person=kerry, in_their_words="Second", version=read
        )
    assert conflict.value.current.in_their_words == "First"
    assert conflict.value.submitted["in_their_words"] == "Second"
    view.refresh_from_db()
    assert view.in_their_words == "First" and view.version == read + 1


def test_views_added_by_someone_else_meanwhile_are_not_replaced(episode, worker, colleague, family):
    _kerry_said(episode, worker, family, "Hers, first")
    with pytest.raises(StaleVersion):  # the colleague's form showed no views for Kerry
        _kerry_said(episode, colleague, family, "Mine, second")
    assert MemberView.objects.get().in_their_words == "Hers, first"


def test_the_second_editor_sees_both_texts_and_can_save_theirs_on_purpose(
    episode, worker, colleague, family, client, signed_in
):
    view = _kerry_said(episode, worker, family, "Original words")
    url = reverse("earlyhelp:assessment", args=[episode.pk])
    opened = signed_in(colleague).get(url, {"view": str(view.person_id)})
    assert b"Original words" in opened.content and f'value="{view.version}"'.encode() in (
        opened.content
    )
    _kerry_said_again = services.member_view_save(
        actor=worker,
        episode=episode,
        person=view.person,
        in_their_words="The worker's new words",
        version=view.version,
    )
    post = {
        "form": "view",
        "view-person": str(view.person_id),
        "view-in_their_words": "The colleague's words",
        "view-version": str(view.version),
    }
    second = client.post(url, post)
    assert second.status_code == 200
    page = second.content.decode()
    assert "Someone else saved this family member&#x27;s views" in page
    assert "The worker&#x27;s new words" in page  # the saved version, beside...
    assert "The colleague&#x27;s words" in page  # ...the colleague's, still in the form
    assert f'value="{_kerry_said_again.version}"' in page  # saving again is on purpose
    assert MemberView.objects.get().in_their_words == "The worker's new words"
    post["view-version"] = str(_kerry_said_again.version)
    assert client.post(url, post).status_code == 302
    assert MemberView.objects.get().in_their_words == "The colleague's words"


def test_someone_who_may_not_change_the_episode_cannot_change_views(
    episode, worker, teacher, family, signed_in
):
    view = _kerry_said(episode, worker, family, "Original words")
    url = reverse("earlyhelp:assessment", args=[episode.pk])
    post = {
        "form": "view",
        "view-person": str(view.person_id),
        "view-in_their_words": "Not theirs to change",
        "view-version": str(view.version),
    }
    assert signed_in(teacher).post(url, post).status_code == 403
    assert MemberView.objects.get().in_their_words == "Original words"


def test_the_plans_second_editor_sees_both_outcomes(planned, worker, colleague, client, signed_in):
    from tests.earlyhelp.test_pages import _plan_post

    url = reverse("earlyhelp:plan", args=[planned.pk])
    version = planned.plan.version
    assert signed_in(worker).post(url, _plan_post(planned, version, "First editor")).status_code
    client.logout()
    second = signed_in(colleague).post(url, _plan_post(planned, version, "Second editor"))
    page = second.content.decode()
    assert "Someone else saved this plan" in page
    assert 'class="govuk-table__cell conflict-saved">First editor' in page
    assert 'class="govuk-table__cell conflict-yours">Second editor' in page
    assert EarlyHelpPlan.objects.get().outcomes == "First editor"


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_saves_of_a_members_views_at_once_one_wins(episode, worker, colleague, family):
    view = _kerry_said(episode, worker, family)
    kerry, read = view.person, view.version

    def save(actor, words):
        return lambda: services.member_view_save(
            actor=actor, episode=episode, person=kerry, in_their_words=words, version=read
        )

    winner, loser = one_wins(race(save(worker, "Worker's"), save(colleague, "Colleague's")))
    saved = MemberView.objects.get()
    assert saved.in_their_words == winner.value.in_their_words and saved.version == read + 1
    assert loser.error.submitted["in_their_words"] != saved.in_their_words


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_saves_of_the_plan_at_once_one_wins(planned, worker, colleague):
    read = planned.plan.version

    def save(actor, words):
        return lambda: services.plan_save(
            actor=actor, episode=planned, outcomes=words, actions=[], version=read
        )

    winner, _ = one_wins(race(save(worker, "Worker's"), save(colleague, "Colleague's")))
    plan = EarlyHelpPlan.objects.get()
    assert plan.outcomes == winner.value.outcomes and plan.version == read + 1
