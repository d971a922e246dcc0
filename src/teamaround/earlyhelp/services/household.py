"""Reads of the family that early help services need, through people's selectors only."""

from __future__ import annotations

from collections import Counter

from teamaround.people import selectors as people_selectors


def family_district(family):
    """The district most current members live in (for managers' counts by district)."""
    counts: Counter = Counter()
    districts = {}
    for membership in people_selectors.family_members(family):
        if membership.ended_on is not None:
            continue
        for address in membership.person.addresses.all():
            if address.moved_out is None and address.district_id:
                counts[address.district_id] += 1
                districts[address.district_id] = address.district
    if not counts:
        return None
    return districts[counts.most_common(1)[0][0]]


def current_members(family) -> list:
    """The people in the family now (for views, needs and actions the family owns)."""
    return [m.person for m in people_selectors.family_members(family) if m.ended_on is None]
