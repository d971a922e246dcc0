"""Social care's part of the synthetic county, at English rates per 10,000 children
(Children in Need census 2024: about 540 referrals a year, 330 children in need at a time of
whom 41 on a child protection plan). Everything goes through the services as SYSTEM;
`--children N` sets the scale."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from teamaround.accounts.models import AgencyKind, Team
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.calendar import add_working_days
from teamaround.core.seeding import SeedContext
from teamaround.people import selectors as people_selectors
from teamaround.socialcare import adapters, services
from teamaround.socialcare.models import codes

REFERRALS_PER_10000 = 540
DEMO_CASES = 8
DEMO_LOOKED_AFTER = 2
# What has become of a year's referrals by now (shares add up to 1).
STAGES = [
    ("awaiting", 0.04),
    ("nfa", 0.20),
    ("assessing", 0.22),
    ("assessed_nfa", 0.14),
    ("child_in_need", 0.26),
    ("enquiry", 0.05),
    ("child_protection", 0.08),
    ("stepped_down", 0.01),
]
SOURCES = [("6", 29), ("2A", 20), ("3F", 14), ("5A", 10), ("1A", 7), ("4", 3), ("8", 17)]
NEEDS = [("N1", 57), ("N2", 10), ("N4", 10), ("N5", 14), ("N3", 4), ("N6", 2), ("N9", 3)]
FACTORS = ["3B", "4B", "2B", "1B", "17A", "16A", "18B", "4A", "3C", "21"]
CATEGORIES = [("NEG", 50), ("EMO", 36), ("PHY", 7), ("SAB", 4), ("MUL", 3)]
ALL_FOUR = [
    {"name": "Allocated social worker", "agency": "social_care"},
    {"name": "Police officer, Child Abuse Investigation Team", "agency": "police"},
    {"name": "Named nurse for safeguarding", "agency": "health"},
    {"name": "Designated safeguarding lead", "agency": "education"},
]


def _pick(context, weighted):
    codes_, weights = zip(*weighted, strict=True)
    return context.random.choices(codes_, weights=weights)[0]


def seed(context: SeedContext) -> None:
    children = int(context.options.get("children") or 2000)
    wanted = max(8, children * REFERRALS_PER_10000 // 10000)
    with context.step(f"Social care: about {wanted:,} referrals"):
        teams = list(
            Team.objects.filter(agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE)
            .exclude(name__startswith="Hub")
            .order_by("name")
        )
        workers = {
            team.pk: list(
                get_user_model()
                .objects.filter(team=team, role_assignments__role=Role.SOCIAL_WORKER)
                # The demo social worker's caseload is the DEMO_* cases below, exactly.
                .exclude(username="demo.social.worker")
                .order_by("username")
            )
            for team in teams
        }
        families = list(people_selectors.family_list(actor=SYSTEM).order_by("name", "created_at"))
        context.random.shuffle(families)
        if not teams or not families:
            context.out.write("  no social care teams or families to seed\n")
            return
        demo = get_user_model().objects.filter(username="demo.social.worker").first()
        made = used = 0
        for used, family in enumerate(families):  # noqa: B007 - `used` is read after
            if made >= wanted:
                break
            kids = adapters.children_of(family)
            if not kids:
                continue
            team = teams[made % len(teams)]
            worker = context.random.choice(workers[team.pk]) if workers[team.pk] else None
            if demo is not None and demo.team_id and made < DEMO_CASES:
                team, worker = demo.team, demo
            case_seed(context, family, kids[0], team, worker, _pick(context, STAGES))
            made += 1
            context.progress("referrals", made, wanted)
    _seed_looked_after(context, families[used:], teams, workers, children)


def _seed_looked_after(context, families, teams, workers, children) -> None:
    from teamaround.socialcare.seeding_looked_after import LAPSE_EVERY, looked_after_seed, wanted

    count = wanted(children)
    demo = get_user_model().objects.filter(username="demo.social.worker").first()
    with context.step(f"Social care: about {count:,} children looked after"):
        made = 0
        for family in families:
            if made >= count:
                break
            kids = adapters.children_of(family)
            if not kids:
                continue
            team = teams[made % len(teams)]
            worker = context.random.choice(workers[team.pk]) if workers[team.pk] else None
            if demo is not None and demo.team_id and made < DEMO_LOOKED_AFTER:
                team, worker = demo.team, demo
            lapse = made % LAPSE_EVERY == LAPSE_EVERY - 1
            looked_after_seed(context, family, kids[0], team, worker, lapse=lapse)
            made += 1
            context.progress("children looked after", made, count)


def case_seed(context, family, child, team, worker, stage: str):
    """One case taken through the services to `stage` (also used by bench/socialcare.py)."""
    today = timezone.localdate()
    back = {"awaiting": 0, "assessing": context.random.randint(2, 40)}.get(
        stage, context.random.randint(50, 300)
    )
    received = add_working_days(today, -back) if back else today
    referral = services.referral_receive(
        actor=SYSTEM,
        family=family,
        child=child,
        team=team,
        allocated_worker=worker,
        source=_pick(context, SOURCES),
        primary_need=_pick(context, NEEDS),
        reason="Concerns about the child's safety and care at home.",
        received_on=received,
    )
    if stage == "awaiting":
        return referral
    decided = add_working_days(received, context.random.choice((0, 1, 1, 1, 2)))
    decided = min(decided, today)
    if stage == "nfa":
        return services.referral_decide(
            actor=SYSTEM,
            referral=referral,
            decision="nfa",
            reason="Advice given",
            decided_on=decided,
        )
    if stage in ("enquiry", "child_protection"):
        return _protection(context, referral, decided, stage)
    services.referral_decide(
        actor=SYSTEM, referral=referral, decision="assessment", reason="Assess", decided_on=decided
    )
    referral.refresh_from_db()
    assessment = referral.assessment
    outcome = {"assessed_nfa": "nfa", "child_in_need": "cin", "stepped_down": "step_down"}.get(
        stage, "cin"
    )
    factors = sorted(set(context.random.sample(FACTORS[:-1], context.random.randint(1, 3))))
    services.assessment_save(
        actor=SYSTEM,
        assessment=assessment,
        factors=factors,
        child_voice="The child said what they like at home and what worries them.",
        analysis="Needs identified with the family.",
        outcome=outcome,
        version=assessment.version,
    )
    if stage == "assessing":
        return referral
    assessment.refresh_from_db()
    services.assessment_submit(actor=SYSTEM, assessment=assessment)
    services.assessment_authorise(actor=SYSTEM, assessment=assessment, comment="Agreed")
    return referral


def _protection(context, referral, decided, stage):
    today = timezone.localdate()
    services.referral_decide(
        actor=SYSTEM, referral=referral, decision="strategy", reason="Harm", decided_on=decided
    )
    referral.refresh_from_db()
    held = min(add_working_days(decided, 1), today)
    services.strategy_record(
        actor=SYSTEM,
        referral=referral,
        held_on=held,
        attendees=ALL_FOUR,
        summary="Section 47 enquiry agreed.",
        section_47=True,
    )
    if stage == "enquiry":
        return referral
    enquiry = referral.enquiries.get()
    services.enquiry_complete(
        actor=SYSTEM, enquiry=enquiry, outcome="conference", findings="Concerns substantiated."
    )
    conference = referral.conferences.get()
    held_on = min(conference.due_on - timedelta(days=context.random.randint(0, 3)), today)
    services.conference_record(
        actor=SYSTEM,
        conference=conference,
        held_on=max(held_on, held),
        outcome="plan",
        category=_pick(context, CATEGORIES),
        chair="Independent chair",
    )
    return referral


__all__ = ["case_seed", "codes", "seed"]
