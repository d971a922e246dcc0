"""The Hub's team manager sees her team's work: the queue, every sent request and the flow,
and allocates requests; deciding stays with the Hub's screeners and social workers. A team
manager of another team sees none of it."""

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied
from teamaround.core.navigation import pages_for
from teamaround.frontdoor import selectors, services
from teamaround.frontdoor.models import DecisionRoute, RequestForSupport


def _menu(user):
    """The pages the navigation offers the user, in or out of its sections."""
    return set(pages_for(user))


def test_the_hub_manager_sees_the_queue_every_request_and_the_flow(
    hub_manager, sent_request, signed_in
):
    rfs = sent_request()
    assert {"Hub queue", "Hub flow"} <= _menu(hub_manager)
    client = signed_in(hub_manager)
    queue = client.get(reverse("frontdoor:queue"))
    assert queue.status_code == 200 and rfs.reference in queue.content.decode()
    detail = client.get(reverse("frontdoor:request-detail", args=[rfs.pk]))
    assert detail.status_code == 200
    body = detail.content.decode()
    assert "Assign" in body and "Record the decision" not in body
    assert client.get(reverse("frontdoor:flow")).status_code == 200


def test_the_hub_manager_allocates_but_does_not_decide(
    hub_manager, screener, sent_request, signed_in, level
):
    rfs = sent_request()
    client = signed_in(hub_manager)
    response = client.post(
        reverse("frontdoor:request-assign", args=[rfs.pk]), {"screener": str(screener.pk)}
    )
    assert response.status_code == 302
    rfs.refresh_from_db()
    assert rfs.assigned_to == screener
    assert client.get(reverse("frontdoor:request-decide", args=[rfs.pk])).status_code == 403
    with pytest.raises(AccessDenied):
        services.hub_decision_record(
            actor=hub_manager,
            request=rfs,
            level=level(2),
            route=DecisionRoute.ADVICE_SIGNPOSTING,
            rationale="x",
            other_services="Food bank",
        )


def test_another_teams_manager_sees_none_of_it(make_user, sent_request, signed_in, school_team):
    rfs = sent_request()
    manager = make_user(Role.TEAM_MANAGER, team=school_team)
    assert not {"Hub queue", "Hub flow"} & _menu(manager)
    client = signed_in(manager)
    assert client.get(reverse("frontdoor:queue")).status_code == 403
    assert client.get(reverse("frontdoor:request-detail", args=[rfs.pk])).status_code == 403
    assert client.get(reverse("frontdoor:flow")).status_code == 403
    with pytest.raises(AccessDenied):
        selectors.hub_queue(actor=manager)


def test_the_hub_manager_never_sees_a_draft(hub_manager, school_lead):
    draft = services.request_for_support_save_draft(
        actor=school_lead, request=None, values={"child_forenames": "Mia"}
    )
    visible = RequestForSupport.objects.filter(selectors.request_filter(hub_manager))
    assert draft not in visible
