"""The child protection visit standard (SafetyStandard, 10 working days by default) is changed
on its page, linked from the team's caseload, by a manager of a social care team: audited with
the old and new number and the reason, and used by the next safety check. Nobody else sees or
changes it (a social worker, another agency's manager, an administrator, anonymous); bad
numbers and a missing reason are refused with nothing changed."""

import pytest
from django.urls import reverse

from teamaround.accounts.roles import Role
from teamaround.core.errors import AccessDenied, Conflict, ValidationFailed
from teamaround.core.models import AuditEvent
from teamaround.socialcare.models import SafetyStandard
from teamaround.socialcare.services.safety import cp_visit_working_days
from teamaround.socialcare.services.standards import safety_standard_set


@pytest.fixture
def standard(db):
    return SafetyStandard.objects.get(key="cp_visit")


def test_the_manager_changes_the_standard_from_the_caseload(manager, standard, signed_in):
    browser = signed_in(manager)
    caseload = browser.get(reverse("socialcare:caseload")).content.decode()
    list_url = reverse("socialcare:standards")
    assert list_url in caseload
    page = browser.get(list_url).content.decode()
    edit_url = reverse("socialcare:standard-edit", args=["cp_visit"])
    assert edit_url in page and "10 working days" in page
    form = browser.get(edit_url).content.decode()
    assert 'value="10"' in form
    bad = browser.post(edit_url, {"working_days": "0", "reason": ""}).content.decode()
    assert "govuk-error-summary" in bad
    assert 'href="#id_working_days"' in bad and 'href="#id_reason"' in bad
    too_many = browser.post(edit_url, {"working_days": "45", "reason": "Fewer visits"})
    assert "from 1 to 20" in too_many.content.decode()
    word = browser.post(edit_url, {"working_days": "ten", "reason": "x"}).content.decode()
    assert "whole number" in word
    standard.refresh_from_db()
    assert standard.working_days == 10
    done = browser.post(edit_url, {"working_days": "5", "reason": "Practice standards, May"})
    assert done.status_code == 302 and done.url == list_url
    standard.refresh_from_db()
    assert standard.working_days == 5 and cp_visit_working_days() == 5
    event = AuditEvent.objects.get(actor=manager, action="update", object_id=str(standard.pk))
    assert event.changes == {"working_days": [10, 5]}
    assert event.reason == "Practice standards, May"
    assert "5 working days" in browser.get(list_url).content.decode()


def test_the_same_number_is_not_a_change(manager, standard):
    with pytest.raises(Conflict):
        safety_standard_set(actor=manager, standard=standard, working_days=10, reason="x")
    with pytest.raises(ValidationFailed):
        safety_standard_set(actor=manager, standard=standard, working_days=None, reason="x")


@pytest.mark.parametrize(
    "who", ["worker", "teacher", "partner_manager", "administrator", "hub_social_worker"]
)
def test_nobody_else_sees_or_changes_it(who, request, make_user, standard, signed_in):
    if who == "partner_manager":
        actor = make_user(Role.TEAM_MANAGER, username="school-head")
    elif who == "hub_social_worker":
        actor = make_user(Role.HUB_SOCIAL_WORKER, username="hub")
    else:
        actor = request.getfixturevalue(who)
    browser = signed_in(actor)
    edit_url = reverse("socialcare:standard-edit", args=["cp_visit"])
    assert browser.get(reverse("socialcare:standards")).status_code == 403
    assert browser.get(edit_url).status_code == 403
    posted = browser.post(edit_url, {"working_days": "3", "reason": "x"})
    assert posted.status_code == 403
    with pytest.raises(AccessDenied):
        safety_standard_set(actor=actor, standard=standard, working_days=3, reason="x")
    standard.refresh_from_db()
    assert standard.working_days == 10
    assert AuditEvent.objects.filter(actor=actor, action="refused").exists()


def test_anonymous_is_sent_to_sign_in(client, standard):
    for url in (
        reverse("socialcare:standards"),
        reverse("socialcare:standard-edit", args=["cp_visit"]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:sign-in") in response.url
        assert client.post(url, {"working_days": "3", "reason": "x"}).status_code == 302
    standard.refresh_from_db()
    assert standard.working_days == 10
