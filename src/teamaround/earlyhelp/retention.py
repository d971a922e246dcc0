"""Early help's records for governance's retention rules: each episode, for each person in the
family (past or present members), with when it closed (None while open) and its last entry.
Registered with governance in EarlyhelpConfig.ready()."""

from __future__ import annotations

from teamaround.earlyhelp.models import Episode
from teamaround.governance.retention import RetainedRecord
from teamaround.people import selectors as people_selectors

KIND = "early_help"


def records():
    for episode in Episode.objects.select_related("family").order_by("started_on"):
        closed_on = episode.closed_on if episode.is_closed else None
        last_entry = max(d for d in (episode.closed_on, episode.updated_at.date()) if d)
        for membership in people_selectors.family_members(episode.family):
            yield RetainedRecord(membership.person_id, KIND, closed_on, last_entry)
