"""The pages: each renders for the right people and refuses others; forms show errors in the
GOV.UK error summary and change nothing; the plan form's version catches a second editor."""

import re
import zlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from teamaround.core.models import AuditAction, AuditEvent
from teamaround.earlyhelp import services
from teamaround.earlyhelp.models import NeedScore, PlanAction


def _plan_post(episode, version, outcomes, rows=()):
    data = {
        "outcomes": outcomes,
        "version": version if version is not None else "",
        "actions-TOTAL_FORMS": str(len(rows)),
        "actions-INITIAL_FORMS": "0",
    }
    for i, row in enumerate(rows):
        data.update({f"actions-{i}-{k}": v for k, v in row.items()})
    return data


def test_home_lists_my_families_actions_and_reviews(planned, worker, signed_in):
    page = signed_in(worker).get(reverse("earlyhelp:home"))
    assert page.status_code == 200
    assert b"Whitmore household" in page.content
    assert b"Weekly home visit" in page.content


def test_episode_page_is_audited_and_refused_to_outsiders(
    planned, worker, outsider, signed_in, client
):
    url = reverse("earlyhelp:episode", args=[planned.pk])
    assert signed_in(worker).get(url).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, actor=worker).exists()
    client.logout()
    assert signed_in(outsider).get(url).status_code == 403
    assert AuditEvent.objects.filter(action=AuditAction.REFUSED, actor=outsider).exists()


def test_plan_form_creates_a_plan_and_rejects_an_action_without_owner_or_date(
    episode, worker, signed_in
):
    client = signed_in(worker)
    url = reverse("earlyhelp:plan", args=[episode.pk])
    bad = client.post(
        url,
        _plan_post(
            episode, None, "Calmer mornings", [{"what": "Visit", "owner": "", "due_on": ""}]
        ),
    )
    assert bad.status_code == 200
    assert b"govuk-error-summary" in bad.content and b"every action needs an owner" in bad.content
    assert not PlanAction.objects.exists()
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    good = client.post(
        url,
        _plan_post(
            episode,
            None,
            "Calmer mornings",
            [{"what": "Visit", "owner": f"user:{worker.pk}", "due_on": due}],
        ),
    )
    assert good.status_code == 302
    assert PlanAction.objects.get().owner == worker


def test_second_editor_of_the_plan_sees_a_conflict_and_nothing_is_written(
    planned, worker, colleague, client, signed_in
):
    url = reverse("earlyhelp:plan", args=[planned.pk])
    version = planned.plan.version  # both opened the form at this version
    first = signed_in(worker).post(url, _plan_post(planned, version, "First editor"))
    assert first.status_code == 302
    client.logout()
    second = signed_in(colleague).post(url, _plan_post(planned, version, "Second editor"))
    assert second.status_code == 200
    assert b"govuk-error-summary" in second.content
    assert b"Someone else saved this plan" in second.content
    planned.plan.refresh_from_db()
    assert planned.plan.outcomes == "First editor"


def test_plan_pdf_renders_with_the_plans_words(planned, worker, signed_in):
    response = signed_in(worker).get(reverse("earlyhelp:plan-pdf", args=[planned.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    inside = pdf_objects(response.content)
    assert len(re.findall(rb"/Type\s*/Page\b", inside)) >= 1
    assert b"Whitmore household" in inside  # the plan's title, kept in the PDF's metadata


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated, so its objects can be searched."""
    out = pdf
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out += zlib.decompress(match.group(1))
        except zlib.error:
            continue
    return out


def test_printable_plan_is_plain_html(planned, worker, signed_in):
    page = signed_in(worker).get(reverse("earlyhelp:plan-print", args=[planned.pk]))
    assert b"Your Early Help Plan" in page.content and b"@media print" in page.content


def test_meeting_form_rejects_a_score_out_of_range(planned, worker, signed_in, domain):
    url = reverse("earlyhelp:meeting-new", args=[planned.pk])
    member = planned.taf_members.get()
    data = {
        "held_on": timezone.localdate().isoformat(),
        "family_views": "Better",
        f"attendance-{member.pk}": "attended",
        "score-parenting": "11",
    }
    page = signed_in(worker).post(url, data)
    assert page.status_code == 200 and b"must be a whole number from 0 to 10" in page.content
    assert not NeedScore.objects.exists()
    data["score-parenting"] = "7"
    assert signed_in(worker).post(url, data).status_code == 302
    assert NeedScore.objects.get().score == 7


def test_episode_page_shows_distance_chart_and_table(planned, worker, signed_in, domain):
    for score in (3, 6):
        services.taf_meeting_record(
            actor=worker,
            episode=planned,
            held_on=timezone.localdate(),
            family_views="ok",
            attendance=[{"name": "F", "agency": "EH", "attendance": "attended"}],
            progress=[],
            scores=[{"domain": domain("parenting"), "score": score}],
        )
    page = signed_in(worker).get(reverse("earlyhelp:episode", args=[planned.pk])).content
    assert b'role="img"' in page and b"<title" in page and b"+3" in page


def test_timeline_filters_by_kind(planned, worker, signed_in, family):
    url = reverse("earlyhelp:timeline", args=[family.pk])
    page = signed_in(worker).get(url, {"kind": "episode_opened"}).content.decode()
    assert "Episode of support opened" in page and "Team became involved</h2>" not in page


def test_managers_page_needs_a_manager(planned, manager, worker, signed_in, client):
    assert signed_in(manager).get(reverse("earlyhelp:managers")).status_code == 200
    client.logout()
    assert signed_in(worker).get(reverse("earlyhelp:managers")).status_code == 403


@pytest.mark.parametrize("name", ["assessment", "plan", "plan-print", "meeting-new", "close"])
def test_pages_render_for_the_worker(planned, worker, signed_in, name):
    response = signed_in(worker).get(reverse(f"earlyhelp:{name}", args=[planned.pk]))
    assert response.status_code == 200
