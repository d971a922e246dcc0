"""The family's whole journey in one timeline: people's chronology, written by every app (Hub,
early help, social care), opened through people's audited selector, filtered by agency and
kind of event."""

from __future__ import annotations

from teamaround.accounts.models import Agency
from teamaround.people import selectors as people_selectors
from teamaround.people.models import FamilyEventKind

LIMIT = 300


def family_timeline(*, actor, family_id, agency_id: str = "", kind: str = "") -> dict:
    family = people_selectors.family_get(actor=actor, family_id=family_id)
    events = people_selectors.family_chronology(family).select_related("team__agency")
    agency_ids = set(events.exclude(team=None).values_list("team__agency_id", flat=True))
    if agency_id:
        events = events.filter(team__agency_id=agency_id)
    if kind in FamilyEventKind.values:
        events = events.filter(kind=kind)
    return {
        "family": family,
        "events": list(events[:LIMIT]),
        "agencies": list(Agency.objects.filter(pk__in=agency_ids).order_by("name")),
        "kinds": FamilyEventKind.choices,
        "agency_id": agency_id,
        "kind": kind,
    }
