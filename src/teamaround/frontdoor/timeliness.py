"""The Hub queue's colours and ages: pure functions of a request's deadline and today, no
database and no access rule (hub_queue, the selector, decides who sees which requests)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from teamaround.core.calendar import working_days_between


def rag(due_on: date | None, today: date) -> str:
    if due_on is None:
        return "green"
    if today > due_on:
        return "red"
    return "amber" if today == due_on else "green"


def rag_label(colour: str) -> str:
    return {"red": "Overdue", "amber": "Due today", "green": "On time"}[colour]


def annotate_rows(requests, today: date) -> list:
    """Colour, label and age (working days open) for the rows on one page."""
    rows = []
    for request in requests:
        colour = rag(request.due_on, today)
        submitted = (
            timezone.localtime(request.submitted_at).date() if request.submitted_at else today
        )
        request.rag = colour
        request.rag_label = rag_label(colour)
        request.working_days_open = working_days_between(submitted, today)
        rows.append(request)
    return rows
