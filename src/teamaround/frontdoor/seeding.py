"""The Hub's part of the synthetic county: requests for support across statuses, districts and
levels (some decided, with hand-overs, some re-referrals), consultations, and police missing
notifications including repeats, under-10s and return conversations. Scaled by --children
(one request per 40 children), made through the services, deterministic with the seed."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from teamaround.accounts.models import Team, User
from teamaround.accounts.roles import Role
from teamaround.accounts.seeding import DEMO_PASSWORD
from teamaround.accounts.services import user_create
from teamaround.core.access import SYSTEM
from teamaround.core.models import WindscreenLevel
from teamaround.core.seeding import SeedContext
from teamaround.frontdoor import services
from teamaround.frontdoor.models import DecisionRoute, RiskGrade
from teamaround.people.selectors import person_linkable

CONCERNS = [
    "Attendance has dropped to 80% this term and mum says she cannot get him up in the morning.",
    "She has told staff there are arguments at home most nights and she is frightened.",
    "Dad has lost his job; the children come in hungry and without coats.",
    "He has been excluded twice for fighting and says older boys give him money.",
    "Mum is struggling with low mood since the baby was born and has missed health checks.",
    "Unexplained bruising on his arm; his explanation changed when asked again.",
    "The family is facing eviction and is sofa-surfing with relatives.",
    "She is caring for her mum most evenings and is falling behind at school.",
]
TRIED = [
    "Meetings with parents and a school attendance plan.",
    "Referral to the school nurse and a breakfast club place.",
    "Pastoral support and a mentor twice a week.",
    "Signposted to the food bank.",
]
ROUTE_FOR_LEVEL = {
    1: DecisionRoute.ADVICE_SIGNPOSTING,
    2: DecisionRoute.TEAM_AROUND_FAMILY,
    3: DecisionRoute.FAMILY_SOLUTIONS,
    4: DecisionRoute.SOCIAL_CARE,
}


def seed(context: SeedContext) -> None:
    children = int(context.options.get("children") or 2000)
    truth = context.shared.get("people_truth")
    if truth is None or not truth.children:
        context.out.write("Hub: no seeded children, skipped\n")
        return
    with context.step(f"Children and Families Hub: {max(20, children // 40):,} requests"):
        staff = _staff(context)
        levels = {level.number: level for level in WindscreenLevel.objects.all()}
        _requests(context, truth, staff, levels, max(20, children // 40))
        _missing(context, truth, max(10, children // 100))


def _staff(context) -> dict:
    teams = context.shared.get("teams", {})
    hub = teams.get("hub") or Team.objects.filter(name="Children and Families Hub").first()
    if not User.objects.filter(username="demo.hub.manager").exists() and hub is not None:
        user_create(
            actor=SYSTEM,
            username="demo.hub.manager",
            first_name="Hana",
            last_name="Moreton",
            email="demo.hub.manager@example.org",
            team=hub,
            roles=[Role.TEAM_MANAGER],
            password=DEMO_PASSWORD,
            job_title="Hub Manager",
        )
        context.out.write("  demo.hub.manager (Hub team manager) sees the Hub's flow\n")
    practitioners = User.objects.filter(
        role_assignments__role=Role.PRACTITIONER, team__isnull=False
    ).order_by("username")
    # The demo practitioner first, so signing in as them shows requests and their outcomes.
    practitioners = list(practitioners.filter(username__startswith="demo.")) + list(
        practitioners.exclude(username__startswith="demo.")[:60]
    )
    return {
        "referrers": practitioners,
        "screener": User.objects.filter(role_assignments__role=Role.HUB_SCREENER)
        .order_by("username")
        .first(),
        "social_worker": User.objects.filter(role_assignments__role=Role.HUB_SOCIAL_WORKER)
        .order_by("username")
        .first(),
        "family_solutions": teams.get("family_solutions") or [],
        "social_care": teams.get("social_care") or [],
    }


def _requests(context, truth, staff, levels, count) -> None:
    rng, now = context.random, timezone.now()
    pool = truth.children[: max(count, 1) * 3]
    for done in range(1, count + 1):
        person_id, details = rng.choice(pool[: max(3, count // 2)] if rng.random() < 0.2 else pool)
        referrer = (
            staff["referrers"][done % len(staff["referrers"])] if staff["referrers"] else None
        )
        if referrer is None or details.date_of_birth is None:
            continue
        level = rng.choices([1, 2, 3, 4], [15, 50, 25, 10])[0]
        values = {
            "child_forenames": details.forenames,
            "child_surname": details.surname,
            "child_date_of_birth": details.date_of_birth,
            "address_line_1": "Address on file",
            "postcode": details.postcode,
            "concern": rng.choice(CONCERNS),
            "tried": rng.choice(TRIED),
            "level_suggested": levels[level],
            "consent": "yes" if level < 4 or rng.random() < 0.5 else "no",
            "safeguarding_concern": level == 4,
            "person": person_linkable(
                actor=SYSTEM, person_id=person_id, date_of_birth=details.date_of_birth
            ),
        }
        fate = rng.random()
        if fate < 0.05:
            services.request_for_support_save_draft(actor=referrer, values=values)
            continue
        age = timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 8))
        rfs = services.request_for_support_send(actor=referrer, values=values, when=now - age)
        if fate < 0.10:
            services.request_for_support_withdraw(
                actor=referrer, request=rfs, reason="The family moved out of the area"
            )
        elif age > timedelta(days=2) or fate > 0.5:
            _decide(
                context,
                rfs,
                level,
                staff,
                levels,
                referrer,
                when=min(now, rfs.submitted_at + timedelta(hours=rng.choice([3, 20, 30, 70]))),
            )
        context.progress("requests", done, count)


def _decide(context, rfs, level, staff, levels, referrer, when) -> None:
    rng = context.random
    decided = max(1, min(4, level + rng.choice([-1, 0, 0, 0, 1])))
    route = ROUTE_FOR_LEVEL[decided]
    team = None
    if route == DecisionRoute.FAMILY_SOLUTIONS and staff["family_solutions"]:
        team = rng.choice(staff["family_solutions"])
    elif route == DecisionRoute.SOCIAL_CARE and staff["social_care"]:
        team = rng.choice(staff["social_care"])
    services.hub_decision_record(
        actor=staff["screener"] or SYSTEM,
        request=rfs,
        level=levels[decided],
        route=route,
        rationale=f"Needs fit level {decided} of the Windscreen after checks with partners.",
        other_services="Family Support Trust drop-in" if decided == 1 else "",
        lead_professional=referrer,
        family_agreement=True,
        receiving_team=team,
        when=when,
    )


def _missing(context, truth, count) -> None:
    """Episodes for school-age children, with some children missing three times in 90 days."""
    rng, now = context.random, timezone.now()
    candidates = [
        (pid, d)
        for pid, d in truth.children
        if d.date_of_birth and 6 <= (timezone.localdate() - d.date_of_birth).days // 365 <= 17
    ]
    if not candidates:
        return
    made = 0
    while made < count:
        person_id, details = rng.choice(candidates)
        times = 3 if rng.random() < 0.15 else 1
        for repeat in range(times):
            gone = now - timedelta(days=rng.randint(1, 25) + 25 * repeat, hours=rng.randint(0, 23))
            returned = gone + timedelta(hours=rng.randint(2, 30)) if rng.random() < 0.9 else None
            values = {
                "notification_id": f"ECP-{context.seed}-{made + 1:05d}",
                "forenames": details.forenames,
                "surname": details.surname,
                "date_of_birth": details.date_of_birth,
                "postcode": details.postcode,
                "police_reference": f"42/{rng.randint(10000, 99999)}/26",
                "reported_missing_at": gone,
                "returned_at": returned,
                "where_found": rng.choice(
                    ["Friend's house", "Town centre", "Railway station", "Returned home alone", ""]
                )
                if returned
                else "",
                "risk_grade": rng.choices(RiskGrade.values, [30, 40, 25, 5])[0],
            }
            episode, _ = services.missing_notification_receive(actor=SYSTEM, values=values)
            conversation = getattr(episode, "return_conversation", None)
            if conversation is not None and rng.random() < 0.7 and conversation.due_by < now:
                offered = min(now, returned + timedelta(hours=rng.randint(4, 90)))
                services.return_conversation_record(
                    actor=SYSTEM,
                    conversation=conversation,
                    offered_at=offered,
                    outcome=rng.choice(["accepted", "declined", "completed", "no_contact"]),
                    notes="Tried by phone and a home visit",
                )
            made += 1
            if made >= count:
                break
    context.progress("missing episodes", made, count)
