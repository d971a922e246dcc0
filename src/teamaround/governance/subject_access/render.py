"""The subject access bundle as JSON (machine-readable) and as a PDF with a contents page."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from teamaround.governance.subject_access.collect import Bundle


def bundle_json(bundle: Bundle, access_request) -> dict:
    return {
        "subject_access_request": {
            "id": str(access_request.pk),
            "received_on": access_request.received_on.isoformat(),
            "due_on": access_request.due_on.isoformat(),
            "council": settings.TEAMAROUND_COUNCIL_NAME,
            "produced_at": timezone.now().isoformat(),
        },
        "person": {"id": str(bundle.person.pk), "name": str(bundle.person)},
        "third_parties": [
            {"label": party.label, "redacted": party.redact}
            | ({} if party.redact else {"name": str(party.person)})
            for party in bundle.third_parties.values()
        ],
        "sections": [
            {"title": section.label, "table": section.model_label, "records": section.rows}
            for section in bundle.sections
        ],
    }


def bundle_html(bundle: Bundle, access_request) -> str:
    sections = []
    for number, section in enumerate(bundle.sections, start=1):
        columns = sorted({key for row in section.rows for key in row}, key=_column_order)
        sections.append(
            {
                "number": number,
                "label": section.label,
                "columns": columns,
                "rows": [[row.get(column, "") for column in columns] for row in section.rows],
            }
        )
    return render_to_string(
        "governance/subject_access_print.html",
        {
            "bundle": bundle,
            "request_record": access_request,
            "sections": sections,
            "third_parties": list(bundle.third_parties.values()),
            "produced_at": timezone.now(),
            "council": settings.TEAMAROUND_COUNCIL_NAME,
        },
    )


def _column_order(name: str):
    first = ["id", "occurred_at", "created_at", "kind", "status", "summary"]
    return (first.index(name) if name in first else len(first), name)


def bundle_pdf(bundle: Bundle, access_request) -> bytes:
    from weasyprint import HTML

    return HTML(string=bundle_html(bundle, access_request)).write_pdf()
