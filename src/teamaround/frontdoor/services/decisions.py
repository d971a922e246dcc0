"""The Hub's decision: the Windscreen level with the rationale and the route, explained back
to the referrer, and handed over to the team that takes it on (which becomes involved with
the family, so it can see the record). A level 4 decision may be made from any state."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from teamaround.accounts.models import AgencyKind
from teamaround.core.access import actor_user, is_system, on_behalf_of, require, use_case
from teamaround.core.audit import audit_record
from teamaround.core.errors import Conflict, ValidationFailed
from teamaround.core.models import AuditAction, WindscreenLevel
from teamaround.core.updates import model_update
from teamaround.frontdoor import adapters
from teamaround.frontdoor.models import (
    ROUTE_HAND_OVER,
    ROUTE_LEVELS,
    DecisionRoute,
    HandOver,
    HandOverStatus,
    HubDecision,
    RequestEventKind,
    RequestForSupport,
    RequestSource,
)
from teamaround.frontdoor.permissions import is_hub_social_worker
from teamaround.frontdoor.services import sharing
from teamaround.frontdoor.services.lifecycle import apply_event
from teamaround.frontdoor.services.screening import run_checks
from teamaround.people import services as people_services
from teamaround.people.models import FamilyEventKind

OUTCOMES = {
    DecisionRoute.ADVICE_SIGNPOSTING: "The Children and Families Hub has read your request and "
    "suggests these services, which the family can contact directly: {services}.",
    DecisionRoute.TEAM_AROUND_FAMILY: "The Hub recommends a Team Around the Family at level 2, "
    "with {lead} ({agency}) as the lead professional, who will be in touch.",
    DecisionRoute.FAMILY_SOLUTIONS: "The Hub has passed the request to {team} for intensive family "
    "support at level 3, with the family's agreement.",
    DecisionRoute.SOCIAL_CARE: "The Hub has referred the child to children's social care ({team}) "
    "at level 4. A social worker will follow this up.",
}


def hub_decision_record(
    *,
    actor,
    request: RequestForSupport,
    level: WindscreenLevel,
    route: str,
    rationale: str,
    named_services=(),
    other_services: str = "",
    lead_professional=None,
    family_agreement: bool = False,
    receiving_team=None,
    outcome_message: str = "",
    when=None,
) -> HubDecision:
    require(actor, "frontdoor.decide", request, what="decide a request")
    level_4 = level is not None and level.number == 4
    # Only what the chosen route uses is kept with the decision.
    if route != DecisionRoute.TEAM_AROUND_FAMILY:
        lead_professional = None
    if route != DecisionRoute.FAMILY_SOLUTIONS:
        family_agreement = False
    if route not in (DecisionRoute.FAMILY_SOLUTIONS, DecisionRoute.SOCIAL_CARE):
        receiving_team = None
    if route != DecisionRoute.ADVICE_SIGNPOSTING:
        named_services, other_services = (), ""
    named = adapters.directory_named(named_services)
    team = _check(
        actor,
        request,
        level,
        route,
        rationale,
        named,
        other_services,
        lead_professional,
        family_agreement,
        receiving_team,
    )
    # Before the transaction, so that a refusal stays in the disclosure ledger.
    shares = sharing.hand_over_shares_check(
        actor=actor,
        request=request,
        level=level,
        route=route,
        rationale=rationale,
        lead_professional=lead_professional,
        receiving_team=team,
        family_agreement=family_agreement,
    )
    with transaction.atomic():
        if not level_4 and not hasattr(request, "checks"):
            run_checks(actor, request)
        moment = when or timezone.now()
        decision = HubDecision.objects.create(
            request=request,
            level=level,
            rationale=rationale.strip(),
            route=route,
            named_services=named,
            other_services=(other_services or "").strip(),
            lead_professional=lead_professional,
            family_agreement=bool(family_agreement),
            receiving_team=team,
            decided_at=moment,
            decided_by=actor_user(actor),
            within_timescale=timezone.localtime(moment).date() <= request.due_on,
            outcome_message=(outcome_message or "").strip()
            or _outcome(route, named, other_services, lead_professional, team),
            created_by=actor_user(actor),
        )
        request.decided_at = moment
        apply_event(
            request,
            RequestEventKind.DECIDED,
            actor=actor,
            level_4=level_4,
            when=moment,
            summary=f"Level {level.number}: {decision.get_route_display()}",
        )
        sharing.hand_over_shares_record(shares, _hand_over(actor, request, decision))
        people_services.family_event_record(
            actor=on_behalf_of(actor),
            family=request.family,
            kind=FamilyEventKind.HUB_DECISION,
            summary=f"Hub decision on {request.reference}: level {level.number}, "
            f"{decision.get_route_display().lower()}",
            occurred_at=moment,
            team=team,
            source_app="frontdoor",
            source_id=str(decision.pk),
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=decision,
            summary=f"Decided request {request.reference} at level {level.number}",
        )
        return decision


def hub_decision_correct(
    *,
    actor,
    decision: HubDecision,
    rationale: str,
    outcome_message: str,
    reason: str,
    version: int | None = None,
) -> HubDecision:
    """Correct the wording of the Hub's latest decision on a request (why the level applies,
    and what the referrer is told), saying why; the level and route stand (a different one is
    a new decision). Starts from the version the editor read (None: as read here): if a
    colleague corrected it meanwhile, nothing is written and StaleVersion carries both."""
    request = decision.request
    with use_case(actor, "frontdoor.decide", request, what="correct a decision"):
        errors: dict[str, list[str]] = {}
        rationale = (rationale or "").strip()
        reason = (reason or "").strip()
        if not rationale:
            errors["rationale"] = ["Explain why this level applies."]
        if not reason:
            errors["reason"] = ["Say what was wrong and why it is being corrected."]
        if errors:
            raise ValidationFailed(errors)
        latest = request.decisions.order_by("-decided_at").values_list("pk", flat=True).first()
        if latest != decision.pk:
            raise Conflict("A later decision replaced this one: correct that one instead.")
        values = {"rationale": rationale}
        values["outcome_message"] = (outcome_message or "").strip() or decision.outcome_message
        changes = model_update(
            decision, actor=actor, values=values, expected_version=version, what="decision"
        )
        if changes:
            audit_record(
                action=AuditAction.UPDATE,
                actor=actor,
                obj=decision,
                summary=f"Corrected the decision on request {request.reference}",
                changes={"fields": sorted(changes)},
                reason=reason,
            )
        return decision


def _check(actor, request, level, route, rationale, named, other_services, lead, agreed, team):
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if level is None:
        add("level", "Choose the level of need.")
    if route not in DecisionRoute.values:
        add("route", "Choose what happens next.")
    elif level is not None and level.number not in ROUTE_LEVELS[route]:
        allowed = " or ".join(str(n) for n in ROUTE_LEVELS[route])
        add("route", f"{DecisionRoute(route).label} is for level {allowed}.")
    if not (rationale or "").strip():
        add("rationale", "Explain why this level applies.")
    if (
        route == DecisionRoute.ADVICE_SIGNPOSTING
        and not named
        and not (other_services or "").strip()
    ):
        add("named_services", "Name at least one service the family can go to.")
    if route == DecisionRoute.TEAM_AROUND_FAMILY:
        if lead is None:
            add("lead_professional", "Choose the lead professional.")
        elif not lead.team_id or lead.team.agency.kind == AgencyKind.CHILDRENS_SOCIAL_CARE:
            add("lead_professional", "The lead professional must work in a partner agency.")
        else:
            team = lead.team
    if route == DecisionRoute.FAMILY_SOLUTIONS:
        if not agreed:
            add(
                "family_agreement",
                "Family Solutions works by agreement: record that the family agrees.",
            )
        _need_team(team, AgencyKind.COUNCIL_EARLY_HELP, "a Family Solutions team", add)
    if route == DecisionRoute.SOCIAL_CARE:
        _need_team(team, AgencyKind.CHILDRENS_SOCIAL_CARE, "a children's social care team", add)
    if route == DecisionRoute.ADVICE_SIGNPOSTING:
        team = request.referrer.team if request.referrer_id else None
    if (
        request.source == RequestSource.MISSING_EPISODE
        and level is not None
        and level.number >= 3
        and not (is_system(actor) or is_hub_social_worker(actor))
    ):
        add(
            "level",
            "A Hub social worker reviews missing episodes at level 3 or 4: pass it "
            "to one for review.",
        )
    if errors:
        raise ValidationFailed(errors)
    return team


def _need_team(team, kind, what, add) -> None:
    if team is None or team.agency.kind != kind:
        add("receiving_team", f"Choose {what}.")


def _outcome(route, named, other, lead, team) -> str:
    services = ", ".join([s["name"] for s in named] + ([other.strip()] if other.strip() else []))
    return OUTCOMES[route].format(
        services=services,
        lead=lead.get_full_name() if lead else "",
        agency=lead.agency.name if lead and lead.team_id else "",
        team=team.name if team else "",
    )


def _hand_over(actor, request, decision) -> HandOver:
    hand_over = HandOver.objects.create(
        decision=decision,
        request=request,
        family=request.family,
        level=decision.level,
        kind=ROUTE_HAND_OVER[decision.route],
        reason=decision.rationale,
        receiving_team=decision.receiving_team,
        created_by=actor_user(actor),
    )
    if decision.receiving_team is not None:
        adapters.involve_team(
            actor=actor,
            family=request.family,
            team=decision.receiving_team,
            reason=f"Hub decision: {decision.get_route_display()}"[:200],
            lead_worker=decision.lead_professional,
        )
    return hand_over


def hand_over_accept(*, actor, hand_over: HandOver) -> HandOver:
    with use_case(actor, "frontdoor.accept_hand_over", hand_over, what="accept a hand-over"):
        if hand_over.status != HandOverStatus.AWAITING:
            raise Conflict("This hand-over has already been accepted.")
        model_update(
            hand_over,
            actor=actor,
            values={
                "status": HandOverStatus.ACCEPTED,
                "accepted_at": timezone.now(),
                "accepted_by": actor_user(actor),
            },
        )
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=hand_over,
            summary="Accepted a hand-over from the Hub",
        )
        return hand_over
