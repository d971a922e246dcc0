"""'Report a problem with this page': anyone may send one from a public service page; the
service's editors get a task; their answer is recorded."""

from __future__ import annotations

import pytest

from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import WorkItem, WorkItemStatus
from teamaround.directory import services
from teamaround.directory.models import ProblemReport, ReportStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited_service(make_service, make_organisation, make_user):
    provider = make_organisation("Our Trust")
    editor = make_user(Role.PRACTITIONER)
    services.directory_editor_grant(actor=SYSTEM, user=editor, organisation=provider)
    return editor, make_service("Our Club", organisation=provider)


def test_a_member_of_the_public_reports_a_problem_and_the_editor_gets_a_task(
    client, edited_service
):
    editor, service = edited_service
    page = client.get(f"/services/{service.pk}/").content.decode()
    assert f"/services/{service.pk}/report-a-problem/" in page
    response = client.post(
        f"/services/{service.pk}/report-a-problem/", {"description": "The phone number is wrong"}
    )
    assert response.status_code == 302
    report = ProblemReport.objects.get(service=service)
    assert report.status == ReportStatus.OPEN and report.created_by is None
    task = WorkItem.objects.get(source_id=str(report.pk))
    assert task.assigned_to == editor and task.link == f"/services/manage/problems/{report.pk}/"


def test_an_empty_report_is_refused(client, edited_service):
    _, service = edited_service
    response = client.post(f"/services/{service.pk}/report-a-problem/", {"description": "  "})
    assert response.status_code == 200 and b"There is a problem" in response.content
    assert not ProblemReport.objects.exists()


def test_the_editor_records_the_outcome_and_the_task_closes(signed_in, edited_service, make_user):
    editor, service = edited_service
    report = services.problem_report_submit(
        actor=SYSTEM, service=service, description="It moved to Tuesdays"
    )
    outsider = make_user(Role.PRACTITIONER)
    assert signed_in(outsider).get(f"/services/manage/problems/{report.pk}/").status_code == 403
    page = signed_in(editor)
    response = page.post(
        f"/services/manage/problems/{report.pk}/",
        {"status": "fixed", "outcome": "Opening times changed to Tuesdays"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.FIXED and report.resolved_by == editor
    assert report.outcome == "Opening times changed to Tuesdays"
    task = WorkItem.objects.get(source_id=str(report.pk))
    assert task.status != WorkItemStatus.OPEN
