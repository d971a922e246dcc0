"""The words a directory service is found by."""

from __future__ import annotations


def search_text_for(service) -> str:
    """Only public words go in: searching must never reveal professional-only notes."""
    needs = " ".join(f"{d.name} {d.description}" for d in service.needs_met.all())
    parts = [
        service.name,
        service.description,
        service.organisation.name,
        needs,
        service.how_to_access,
        " ".join(service.languages or []),
    ]
    return " ".join(" ".join(parts).lower().split())
