"""No lost update for a draft request for support and for a Hub decision being corrected:
the second editor of the same version is refused, sees both versions, and keeps their text.
The two-saves-at-once race is in tests/core/test_lost_update.py."""

import pytest
from django.urls import reverse

from teamaround.core.errors import AccessDenied, Conflict, StaleVersion, ValidationFailed
from teamaround.frontdoor import services
from teamaround.frontdoor.models import DecisionRoute, HubDecision, RequestForSupport

pytestmark = pytest.mark.django_db


def test_a_stale_draft_version_is_refused_and_nothing_is_overwritten(school_lead):
    draft = services.request_for_support_save_draft(actor=school_lead, values={"concern": "A"})
    read = draft.version
    services.request_for_support_save_draft(
        actor=school_lead, request=draft, version=read, values={"concern": "First tab"}
    )
    with pytest.raises(StaleVersion) as conflict:
        services.request_for_support_save_draft(
            actor=school_lead,
            request=RequestForSupport.objects.get(pk=draft.pk),
            version=read,
            values={"concern": "Second tab"},
        )
    assert conflict.value.current.concern == "First tab"
    draft.refresh_from_db()
    assert draft.concern == "First tab" and draft.version == read + 1


def test_the_second_tab_sees_both_versions_and_keeps_its_text(school_lead, signed_in):
    draft = services.request_for_support_save_draft(actor=school_lead, values={"concern": "A"})
    url = reverse("frontdoor:request-edit", args=[draft.pk])
    client = signed_in(school_lead)
    page = client.get(url).content.decode()
    assert f'name="version" value="{draft.version}"' in page
    first = client.post(url, {"concern": "Late every day", "version": draft.version})
    assert first.status_code == 302
    second = client.post(
        url, {"concern": "Hungry at school", "version": draft.version, "action": "submit"}
    )
    assert second.status_code == 200
    page = second.content.decode()
    assert "Someone else saved this draft request" in page
    assert 'conflict-saved">Late every day' in page and 'conflict-yours">Hungry at school' in page
    assert "Hungry at school</textarea>" in page
    draft.refresh_from_db()
    assert draft.concern == "Late every day" and draft.status == "draft"  # not sent either


def test_checking_the_child_then_saving_is_not_a_conflict_with_itself(school_lead, signed_in):
    draft = services.request_for_support_save_draft(actor=school_lead, values={})
    url = reverse("frontdoor:request-edit", args=[draft.pk])
    client = signed_in(school_lead)
    data = {"child_forenames": "Mia", "child_surname": "Fairbrother", "version": draft.version}
    checked = client.post(url, data | {"action": "search"})
    assert checked.status_code == 200
    assert f'name="version" value="{draft.version + 1}"' in checked.content.decode()
    saved = client.post(url, data | {"version": draft.version + 1, "concern": "Worried"})
    assert saved.status_code == 302
    assert RequestForSupport.objects.get(pk=draft.pk).concern == "Worried"


def test_a_draft_page_without_the_version_changes_nothing(school_lead, signed_in):
    draft = services.request_for_support_save_draft(actor=school_lead, values={"concern": "A"})
    response = signed_in(school_lead).post(
        reverse("frontdoor:request-edit", args=[draft.pk]), {"concern": "B"}
    )
    assert response.status_code == 200 and "This page is out of date" in response.text
    assert RequestForSupport.objects.get(pk=draft.pk).concern == "A"


def test_a_new_request_needs_no_version(school_lead, signed_in):
    response = signed_in(school_lead).post(reverse("frontdoor:request-new"), {"concern": "New"})
    assert response.status_code == 302
    assert school_lead.requests_for_support.get().concern == "New"


@pytest.fixture
def decided(sent_request, screener, level):
    """A request decided at level 1 (advice and signposting) by the screener."""
    rfs = sent_request()
    return services.hub_decision_record(
        actor=screener,
        request=rfs,
        level=level(1),
        route=DecisionRoute.ADVICE_SIGNPOSTING,
        rationale="Universal needs",
        other_services="Holiday Activities and Food programme",
    )


def test_a_stale_correction_of_a_decision_is_refused(decided, screener, hub_social_worker):
    read = decided.version
    services.hub_decision_correct(
        actor=screener,
        decision=decided,
        version=read,
        rationale="Universal needs: school attendance only",
        outcome_message="",
        reason="Rationale was incomplete",
    )
    with pytest.raises(StaleVersion) as conflict:
        services.hub_decision_correct(
            actor=hub_social_worker,
            decision=HubDecision.objects.get(pk=decided.pk),
            version=read,
            rationale="Universal needs: food",
            outcome_message="",
            reason="Wrong need named",
        )
    assert conflict.value.current.rationale == "Universal needs: school attendance only"
    saved = HubDecision.objects.get(pk=decided.pk)
    assert saved.rationale == "Universal needs: school attendance only"
    assert saved.version == read + 1
    assert saved.outcome_message == decided.outcome_message  # blank keeps the message sent


def test_a_correction_needs_a_rationale_and_a_reason(decided, screener):
    with pytest.raises(ValidationFailed) as failed:
        services.hub_decision_correct(
            actor=screener,
            decision=decided,
            version=1,
            rationale=" ",
            outcome_message="",
            reason="",
        )
    assert set(failed.value.errors) == {"rationale", "reason"}
    assert HubDecision.objects.get(pk=decided.pk).version == 1


def test_only_the_hub_may_correct_a_decision(decided, school_lead, signed_in):
    with pytest.raises(AccessDenied):
        services.hub_decision_correct(
            actor=school_lead,
            decision=decided,
            version=1,
            rationale="Mine now",
            outcome_message="",
            reason="Referrer",
        )
    url = reverse("frontdoor:decision-correct", args=[decided.request_id])
    response = signed_in(school_lead).post(url, {"rationale": "Mine", "reason": "x", "version": 1})
    assert response.status_code in (403, 404)
    assert HubDecision.objects.get(pk=decided.pk).rationale == "Universal needs"


def test_a_superseded_decision_cannot_be_corrected(
    decided, hub_social_worker, level, social_care_team
):
    later = services.hub_decision_record(
        actor=hub_social_worker,
        request=decided.request,
        level=level(4),
        route=DecisionRoute.SOCIAL_CARE,
        rationale="Disclosure made",
        receiving_team=social_care_team,
    )
    with pytest.raises(Conflict, match="later decision"):
        services.hub_decision_correct(
            actor=hub_social_worker,
            decision=HubDecision.objects.get(pk=decided.pk),
            version=1,
            rationale="Edited",
            outcome_message="",
            reason="x",
        )
    assert later.version == 1


def test_the_second_hub_worker_sees_both_corrections(
    decided, screener, hub_social_worker, client, signed_in
):
    url = reverse("frontdoor:decision-correct", args=[decided.request_id])
    page = signed_in(screener).get(url).content.decode()
    assert f'name="version" value="{decided.version}"' in page
    first = {"rationale": "Attendance only", "reason": "Incomplete", "version": decided.version}
    assert client.post(url, first).status_code == 302
    client.logout()
    second = {"rationale": "Food poverty", "reason": "Wrong need", "version": decided.version}
    response = signed_in(hub_social_worker).post(url, second)
    page = response.content.decode()
    assert response.status_code == 200 and "Someone else saved this decision" in page
    assert 'conflict-saved">Attendance only' in page and 'conflict-yours">Food poverty' in page
    assert "Food poverty</textarea>" in page
    assert HubDecision.objects.get(pk=decided.pk).rationale == "Attendance only"
    again = client.post(url, second | {"version": decided.version + 1})
    assert again.status_code == 302
    assert HubDecision.objects.get(pk=decided.pk).rationale == "Food poverty"
