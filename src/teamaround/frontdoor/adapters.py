"""Thin adapters around the people app for what the Hub needs: each calls people's selectors
and services (frontdoor never reads people's tables), and says in the Hub's words what it is
for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from teamaround.accounts.models import AgencyKind
from teamaround.core.access import actor_user, on_behalf_of
from teamaround.people import selectors as people_selectors
from teamaround.people import services as people_services
from teamaround.people.models import FamilyEventKind, IdentifierScheme, Involvement

MATCH_THRESHOLD = 80.0
CONSULTATION_EVENT = FamilyEventKind.CONSULTATION
MISSING_EVENT = FamilyEventKind.MISSING_EPISODE


@dataclass(frozen=True)
class ChildDetails:
    forenames: str
    surname: str
    date_of_birth: date
    postcode: str = ""
    line_1: str = ""
    police_reference: str = ""


def match_children(children: list[ChildDetails], *, actor) -> list:
    """For each child, the id of the known child scoring at least MATCH_THRESHOLD (same date
    of birth, a matching surname or first name), else None. Matched by the system: the Hub
    links the notification, not a practitioner's search."""
    matches = people_selectors.known_child_match_batch(
        actor=on_behalf_of(actor),
        queries=[
            {
                "forenames": c.forenames,
                "surname": c.surname,
                "date_of_birth": c.date_of_birth,
                "postcode": c.postcode,
            }
            for c in children
        ],
        threshold=MATCH_THRESHOLD,
    )
    return [match.person_id if match else None for match in matches]


def record_children(children: list[ChildDetails], *, actor) -> list:
    """Record children not yet known, each in a household of their own, in one batch; their
    ids in the same order. Recorded by the system, as `record_child`; a police reference is
    kept as an identifier."""
    rows = [
        {
            "forenames": c.forenames,
            "surname": c.surname,
            "date_of_birth": c.date_of_birth,
            "address": _address(c.line_1, c.postcode),
            "identifiers": [(IdentifierScheme.POLICE, c.police_reference)]
            if c.police_reference
            else [],
        }
        for c in children
    ]
    recorded = people_services.persons_record_batch(actor=on_behalf_of(actor), rows=rows)
    return [r.person.pk for r in recorded]


def _address(line_1: str, postcode: str) -> dict | None:
    return {"line_1": line_1 or "Address not given", "postcode": postcode} if postcode else None


def record_family_events(*, actor, events: list[dict]) -> None:
    """Chronology events for many families at once, recorded on the actor's behalf."""
    people_services.family_events_record_batch(actor=on_behalf_of(actor), events=events)


def current_families(person_ids, *, actor) -> dict:
    """person id -> the family they belong to now (the most recently joined)."""
    return people_selectors.current_families(person_ids, actor=on_behalf_of(actor))


def open_involvements(family_ids, *, actor) -> dict:
    """family id -> its open involvements (with team, agency and lead worker loaded)."""
    return people_selectors.open_involvements(family_ids, actor=on_behalf_of(actor))


def is_social_care(involvement: Involvement) -> bool:
    return involvement.team.agency.kind == AgencyKind.CHILDRENS_SOCIAL_CARE


def involve_team(*, actor, family, team, reason: str, lead_worker=None) -> None:
    """Open an involvement for `team` unless it already has one (so it can see the family).
    Opened by the system on behalf of the actor, who is recorded as the one who did it."""
    involved = open_involvements([family.pk], actor=actor).get(family.pk, [])
    if any(involvement.team_id == team.pk for involvement in involved):
        return
    people_services.involvement_open(
        actor=on_behalf_of(actor),
        family=family,
        team=team,
        reason=reason,
        lead_worker=lead_worker,
        recorded_by=actor_user(actor),
    )


def record_child(
    *, actor, forenames: str, surname: str, date_of_birth, line_1: str = "", postcode: str = ""
):
    """Record a child not yet known, in a household of their own. The Hub records it (as the
    system, on the actor's behalf: OnBehalfOf has no team), so no referrer's team becomes
    involved just by asking for help; the record names the person who asked."""
    return people_services.person_create(
        actor=on_behalf_of(actor),
        forenames=forenames,
        surname=surname,
        date_of_birth=date_of_birth,
        address=_address(line_1, postcode),
    )


def directory_choices(*, level: int | None = None, district=None, limit: int = 60) -> list:
    """(id, name) of Directory services a screener can name, through the Directory's own
    search (what a family would find), filtered by level and the family's district."""
    from teamaround.directory.selectors.search import ServiceSearch, matching_services

    search = ServiceSearch(level=level, district=district.code if district else "")
    services, _, _, _ = matching_services(search)
    return [(str(pk), name) for pk, name in services.values_list("pk", "name")[:limit]]


def directory_named(service_ids) -> list[dict]:
    """The services named in a decision, as {id, name} kept with it (the Directory may change
    later; the decision records what was named at the time)."""
    from teamaround.directory.selectors.public import publicly_visible

    ids = [str(pk) for pk in service_ids if pk]
    if not ids:
        return []
    found = dict(publicly_visible().filter(pk__in=ids).values_list("pk", "name"))
    return [{"id": str(pk), "name": name} for pk, name in found.items()]
