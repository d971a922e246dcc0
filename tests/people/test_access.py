"""Every way into a person's or family's record: the involved team sees it; county-wide roles
see it; a manager of an involved team sees it; break-glass needs a reason and is audited;
everyone else gets only the minimum from search, and guessing an id in the API gives 404.
Every view and every refusal is in the audit trail."""

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.errors import AccessDenied, DomainError
from teamaround.core.models import AuditAction, AuditEvent
from teamaround.people import selectors, services
from teamaround.people.models import Person
from teamaround.people.permissions import person_filter

pytestmark = pytest.mark.django_db


def _audited(action, user, obj) -> bool:
    return AuditEvent.objects.filter(action=action, actor=user, object_id=str(obj.pk)).exists()


def test_involved_team_sees_the_family_and_the_view_is_audited(record_family, involved_worker):
    family, child, _ = record_family(team=involved_worker.team)
    assert selectors.person_get(actor=involved_worker, person_id=child.pk) == child
    assert selectors.family_get(actor=involved_worker, family_id=family.pk) == family
    assert _audited(AuditAction.VIEW, involved_worker, child)
    assert _audited(AuditAction.VIEW, involved_worker, family)
    assert child in selectors.person_list(actor=involved_worker)


def test_uninvolved_practitioner_is_refused_and_the_refusal_audited(record_family, outsider):
    family, child, _ = record_family()
    with pytest.raises(AccessDenied):
        selectors.person_get(actor=outsider, person_id=child.pk)
    with pytest.raises(AccessDenied):
        selectors.family_get(actor=outsider, family_id=family.pk)
    assert _audited(AuditAction.REFUSED, outsider, child)
    assert _audited(AuditAction.REFUSED, outsider, family)
    assert not selectors.person_list(actor=outsider).exists()
    assert not selectors.family_list(actor=outsider).exists()


def test_uninvolved_practitioner_gets_only_the_minimum_from_search(
    record_family, outsider, involved_worker
):
    record_family(team=involved_worker.team)
    involved_worker.team.email = "early.help@example.org"
    involved_worker.team.save()
    results = selectors.known_child_search(
        actor=outsider, forenames="Jaden", surname="Whitmoor", age=None
    )
    assert len(results) == 1
    result = results[0]
    assert not result.can_open and result.person is None
    assert [t.team for t in result.teams] == [involved_worker.team.name]
    assert result.teams[0].contact == "early.help@example.org"


def test_the_search_page_shows_the_minimum_to_an_outsider(
    record_family, outsider, signed_in, involved_worker
):
    _, child, _ = record_family(team=involved_worker.team)
    response = signed_in(outsider).get(
        reverse("people:search"), {"forenames": "Jayden", "surname": "Whitmore"}
    )
    html = response.content.decode()
    assert "A known child" in html and involved_worker.team.name in html
    assert "Whitmore" not in html.replace('value="Whitmore"', "")
    assert f'href="{reverse("people:person-detail", args=[child.pk])}"' not in html


@pytest.mark.parametrize("role", [Role.HUB_SCREENER, Role.HUB_SOCIAL_WORKER, Role.SOCIAL_WORKER])
def test_county_wide_roles_see_every_family(record_family, make_user, role):
    family, child, _ = record_family()
    user = make_user(role)
    assert selectors.person_get(actor=user, person_id=child.pk) == child
    assert selectors.family_get(actor=user, family_id=family.pk) == family


def test_team_manager_of_a_once_involved_team_still_sees_it(record_family, make_user):
    worker = make_user(Role.FAMILY_WORKER)
    manager = make_user(Role.TEAM_MANAGER, team=worker.team)
    family, child, _ = record_family(team=worker.team)
    involvement = family.involvements.get()
    services.involvement_close(actor=SYSTEM, involvement=involvement, reason="Plan completed")
    assert selectors.person_get(actor=manager, person_id=child.pk) == child
    with pytest.raises(AccessDenied):
        selectors.person_get(actor=worker, person_id=child.pk)


def test_break_glass_needs_a_reason_is_audited_and_shown_to_the_manager(
    record_family, breaker, make_user
):
    family, child, _ = record_family()
    with pytest.raises(DomainError):
        services.break_glass_grant(actor=breaker, person=child, reason="  ")
    assert not Person.objects.filter(person_filter(breaker), pk=child.pk).exists()
    services.break_glass_grant(
        actor=breaker, person=child, reason="Child at school with injuries; need history now"
    )
    assert selectors.person_get(actor=breaker, person_id=child.pk) == child
    event = AuditEvent.objects.get(action=AuditAction.BREAK_GLASS, actor=breaker)
    assert event.object_id == str(child.pk) and "injuries" in event.reason
    manager = make_user(Role.TEAM_MANAGER, team=breaker.team)
    assert [g.user for g in selectors.break_glass_for_manager(actor=manager)] == [breaker]
    other_manager = make_user(Role.TEAM_MANAGER)
    assert not selectors.break_glass_for_manager(actor=other_manager).exists()


def test_break_glass_page_refuses_without_reason_then_opens(record_family, breaker, signed_in):
    _, child, _ = record_family()
    client = signed_in(breaker)
    url = reverse("people:break-glass", args=[child.pk])
    response = client.post(url, {"reason": ""})
    assert "govuk-error-summary" in response.content.decode()
    response = client.post(url, {"reason": "Police at the door asking about this child"})
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200


def test_web_page_is_403_for_an_outsider_and_audited(record_family, outsider, signed_in):
    family, child, _ = record_family()
    client = signed_in(outsider)
    assert client.get(reverse("people:person-detail", args=[child.pk])).status_code == 403
    assert client.get(reverse("people:family-detail", args=[family.pk])).status_code == 403
    assert _audited(AuditAction.REFUSED, outsider, child)


def test_api_answers_404_to_another_agencys_user_guessing_an_id(
    record_family, outsider, api_as, involved_worker
):
    family, child, _ = record_family(team=involved_worker.team)
    api = api_as(outsider)
    assert api.get(f"/api/v1/persons/{child.pk}/").status_code == 404
    assert api.get(f"/api/v1/families/{family.pk}/").status_code == 404
    assert api.get("/api/v1/persons/00000000-0000-4000-8000-000000000000/").status_code == 404
    assert _audited(AuditAction.REFUSED, outsider, child)
    assert api.get("/api/v1/persons/").json()["count"] == 0
    insider = api_as(involved_worker)
    response = insider.get(f"/api/v1/persons/{child.pk}/")
    assert response.status_code == 200 and response.json()["surname"] == "Whitmore"
    assert _audited(AuditAction.VIEW, involved_worker, child)
    assert insider.get(f"/api/v1/families/{family.pk}/").json()["members"]


def test_search_is_audited_without_what_was_typed(record_family, outsider):
    record_family()
    selectors.known_child_search(
        actor=outsider, forenames="Jayden", surname="Whitmore", postcode="CM1 1QH"
    )
    event = AuditEvent.objects.get(action=AuditAction.SEARCH, actor=outsider)
    assert event.changes["fields_given"] == ["forenames", "surname", "postcode"]
    assert "Whitmore" not in str(event.changes) + event.summary
