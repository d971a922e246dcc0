"""No lost update for a draft request for support: the referrer editing the same draft in
two tabs (or after a colleague's change to a shared draft) is refused on the stale one, sees
both versions, and keeps their text. The two-saves-at-once race is in
tests/core/test_lost_update.py."""

import pytest
from django.urls import reverse

from teamaround.core.errors import StaleVersion
from teamaround.frontdoor import services
from teamaround.frontdoor.models import RequestForSupport

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
