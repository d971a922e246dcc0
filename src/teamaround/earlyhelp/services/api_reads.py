"""An episode read through the API by another agency's system is information leaving the
lead team: each family member's basis is checked and the read written to the disclosure
ledger, as a plan PDF is (the page a TAF member opens is covered by the share made when they
joined; a system reading on their behalf takes it out of TeamAround, so it is a share of its
own). A read by the lead team's own agency does not leave it and is only audited."""

from __future__ import annotations

from teamaround.core.access import actor_user, on_behalf_of
from teamaround.earlyhelp.models import Episode
from teamaround.earlyhelp.services.household import current_members
from teamaround.governance import services as governance
from teamaround.governance.models import Channel, Purpose


def episode_api_read_record(*, actor, episode: Episode, part: str) -> list:
    """The ledger entries for `part` of `episode` ("episode", "assessment", "plan", "meetings")
    read by `actor` through the API: none when the reader works for the lead team's agency; a
    ShareRefused (the API's 403, with the reason) when a family member's basis does not cover
    the reader's agency."""
    reader = actor_user(actor)
    if reader is None or reader.agency == episode.lead_team.agency:
        return []
    on_taf = episode.taf_members.filter(practitioner=reader, left_at__isnull=True).exists()
    decisions = governance.shares_check(
        actor=on_behalf_of(actor),
        people=current_members(episode.family),
        purpose=Purpose.EARLY_HELP,
        channel=Channel.API_READ,
        recipient_user=reader,
        to_taf=on_taf,
        record=episode,
        fields=[part],
    )
    return governance.disclosures_record(
        decisions=decisions, channel=Channel.API_READ, record=episode, fields=[part]
    )
