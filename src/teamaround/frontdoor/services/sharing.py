"""What a Hub hand-over shares, and on which basis, in the disclosure ledger.

A Hub decision that hands the family to another team (a lead professional in a partner agency,
Family Solutions, children's social care) sends the request's information about the child and
family out of the Hub. Before the decision is saved each family member's basis is found:

- at level 4 the Hub shares under the safeguarding duty (Children's Wellbeing and Schools Act
  2026, s.4), recorded with the decision as its evidence, whatever consent says;
- below level 4 it shares on consent: the family's agreement given with the request (or, for
  Family Solutions, the agreement the decision records) becomes each member's consent for the
  Hub's purpose the first time; a consent since withdrawn or ended is never overridden — the
  decision is refused with the reason, and the refusal is in the ledger.

The checks run before the decision's transaction so that a refusal's ledger entry stays; the
shares are written inside it, beside the hand-over they describe.
"""

from __future__ import annotations

from teamaround.core.access import on_behalf_of
from teamaround.frontdoor.models import DecisionRoute, RequestForSupport
from teamaround.governance import services as governance
from teamaround.governance.models import BasisKind, Channel, Purpose, Scope
from teamaround.people import selectors as people_selectors

HAND_OVER_FIELDS = [
    "child",
    "family",
    "address",
    "parent_contact",
    "concern",
    "what_has_been_tried",
    "hub_decision",
]


def _recipient(route, lead_professional, receiving_team):
    if route == DecisionRoute.TEAM_AROUND_FAMILY and lead_professional is not None:
        return {"recipient_user": lead_professional}
    if route in (DecisionRoute.FAMILY_SOLUTIONS, DecisionRoute.SOCIAL_CARE) and receiving_team:
        return {"recipient_agency": receiving_team.agency}
    return None


def _people(request: RequestForSupport) -> list:
    people = [m.person for m in people_selectors.family_members(request.family) if not m.ended_on]
    if request.person is not None and request.person not in people:
        people.append(request.person)
    return people


def _record_basis(actor, request, person, *, level_4: bool, family_agreement: bool, rationale):
    """The basis a Hub decision itself supplies, when none is recorded yet (see the module)."""
    if level_4:
        governance.statutory_basis_ensure(
            actor=actor,
            person=person,
            purpose=Purpose.HUB,
            kind=BasisKind.SAFEGUARDING_DUTY,
            evidence=f"Hub decision on {request.reference} at level 4: "
            f"{(rationale or '').strip()[:300]}",
        )
        return
    agreed = request.consent == "yes" or family_agreement
    if agreed and not governance.bases_recorded(person, Purpose.HUB):
        governance.basis_record(
            actor=actor,
            person=person,
            purpose=Purpose.HUB,
            kind=BasisKind.CONSENT,
            scope=Scope.ANY_AGENCY,
            given_by=request.parent_name or "The family",
            evidence=f"The family's agreement recorded with request for support "
            f"{request.reference}",
        )


def hand_over_shares_check(
    *,
    actor,
    request: RequestForSupport,
    level,
    route: str,
    rationale: str = "",
    lead_professional=None,
    receiving_team=None,
    family_agreement: bool = False,
) -> list:
    """The share decisions for the hand-over a Hub decision would make (none when nothing
    leaves the Hub); raises governance.ShareRefused, already in the ledger, when a family
    member's information may not go."""
    recipient = _recipient(route, lead_professional, receiving_team)
    if recipient is None or request.family_id is None:
        return []
    acting = on_behalf_of(actor)
    level_4 = level is not None and level.number == 4
    people = _people(request)
    for person in people:
        _record_basis(
            acting,
            request,
            person,
            level_4=level_4,
            family_agreement=family_agreement,
            rationale=rationale,
        )
    return governance.shares_check(
        actor=acting,
        people=people,
        purpose=Purpose.HUB,
        channel=Channel.HUB_HANDOVER,
        record=request,
        fields=HAND_OVER_FIELDS,
        field="route",
        **recipient,
    )


def hand_over_shares_record(decisions: list, hand_over) -> None:
    governance.disclosures_record(
        decisions=decisions, channel=Channel.HUB_HANDOVER, record=hand_over, fields=HAND_OVER_FIELDS
    )
