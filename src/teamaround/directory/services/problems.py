"""Reporting a problem with a service's page, and the editors' answer to it."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from teamaround.core.access import actor_user, on_behalf_of, use_case
from teamaround.core.errors import Conflict, DomainError
from teamaround.core.models import AuditAction
from teamaround.core.work import work_item_cancel_for_source, work_item_create
from teamaround.directory.models import DirectoryEditor, ProblemReport, ReportStatus, Service
from teamaround.directory.services.audit_trail import audit_change

SOURCE_TYPE = "directory.problemreport"


@transaction.atomic
def problem_report_submit(*, actor, service: Service, description: str) -> ProblemReport:
    """Anyone may report a problem (the public as MEMBER_OF_PUBLIC); each of the service's
    editors is given a task to look at it."""
    description = (description or "").strip()
    if not description:
        raise DomainError("Tell us what is wrong with this page.", field="description")
    if len(description) > 2000:
        raise DomainError("Keep it under 2,000 characters.", field="description")
    report = ProblemReport.objects.create(
        service=service, description=description, created_by=actor_user(actor)
    )
    audit_change(actor, report, AuditAction.CREATE)
    link = reverse("directory:problem", args=[report.pk])
    editors = DirectoryEditor.objects.filter(
        organisation_id=service.organisation_id, archived_at__isnull=True
    ).select_related("user")
    for grant in editors:
        work_item_create(
            actor=on_behalf_of(actor),
            title=f"Problem reported with {service.name}"[:200],
            source_type=SOURCE_TYPE,
            source_id=str(report.pk),
            assigned_to=grant.user,
            link=link,
        )
    return report


def problem_report_resolve(
    *, actor, report: ProblemReport, status: str, outcome: str
) -> ProblemReport:
    with use_case(actor, "directory.edit_services", report.service, what="answer a problem report"):
        if report.status != ReportStatus.OPEN:
            raise Conflict("This report has already been answered.")
        if status not in (ReportStatus.FIXED, ReportStatus.NO_CHANGE):
            raise DomainError("Say whether you fixed it.", field="status")
        if not (outcome or "").strip():
            raise DomainError("Say what you did (or why no change is needed).", field="outcome")
        report.status, report.outcome = status, outcome.strip()
        report.resolved_by, report.resolved_at = actor_user(actor), timezone.now()
        report.updated_by = actor_user(actor)
        report.save()
        audit_change(actor, report, AuditAction.UPDATE, {"status": ["open", status]})
        work_item_cancel_for_source(
            actor=on_behalf_of(actor),
            source_type=SOURCE_TYPE,
            source_id=str(report.pk),
            reason=f"Answered: {report.get_status_display()}",
        )
        return report
