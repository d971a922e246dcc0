"""Children looked after in the synthetic county, at English rates (SSDA903 2024: about 70 per
10,000 children; legal status mostly full care orders, then section 20; most in foster care):
each through the services as SYSTEM, with its placements (a move for some), reviews and visits
up to today, some of them overdue, a few missing episodes, and pathway plans for the older
ones."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from teamaround.core.access import SYSTEM
from teamaround.core.errors import DomainError
from teamaround.socialcare import services, timescales

LOOKED_AFTER_PER_10000 = 70
LEGAL = [("C2", 64), ("V2", 16), ("C1", 11), ("E1", 6), ("L2", 1), ("J1", 1), ("V3", 1)]
PLACEMENTS = [
    ("U6", 30, "PR1"),
    ("U4", 23, "PR4"),
    ("U3", 10, "PR1"),
    ("U1", 5, "PR1"),
    ("K2", 11, "PR4"),
    ("H5", 7, "PR5"),
    ("P1", 6, "PR0"),
    ("A6", 3, "PR1"),
    ("R1", 2, "PR2"),
    ("Z1", 3, "PR4"),
]
CARERS = ["Mr and Mrs Patel", "Ms Okafor", "Mr and Mr Hughes", "The Brennan family", "Ms Lee"]
HOMES = ["Oak House", "Willow Lodge", "Beacon View", "The Maples"]
POSTCODES = ["CM1 2AB", "CM2 9AA", "CO4 3SQ", "SS14 1DL", "CB11 4ER", "RM16 2XX", "IP1 2BX"]
OVERDUE_SHARE = 0.12
LAPSE_EVERY = 8  # the county seeder lets one case in 8 fall behind


def _pick(context, weighted):
    codes_, weights = zip(*[(row[0], row[1]) for row in weighted], strict=True)
    return context.random.choices(codes_, weights=weights)[0]


def _placement(context):
    code = _pick(context, PLACEMENTS)
    provider = next(row[2] for row in PLACEMENTS if row[0] == code)
    name = context.random.choice(HOMES if code in ("K2", "R1") else CARERS)
    return {
        "placement_type": code,
        "provider": provider,
        "provider_name": name,
        "postcode": context.random.choice(POSTCODES),
    }


def wanted(children: int) -> int:
    return max(3, children * LOOKED_AFTER_PER_10000 // 10000)


def looked_after_seed(context, family, child, team, worker, *, lapse: bool | None = None):
    """One looked-after child: the referral and assessment, then care from a date in the past
    two years, with everything that has fallen due since."""
    today = timezone.localdate()
    started = today - timedelta(days=context.random.randint(5, 700))
    received = started - timedelta(days=context.random.randint(20, 90))
    referral = services.referral_receive(
        actor=SYSTEM,
        family=family,
        child=child,
        team=team,
        allocated_worker=worker,
        source=context.random.choice(["6", "2A", "3F", "5A"]),
        primary_need="N1",
        reason="Concerns about the child's safety and care at home.",
        received_on=received,
    )
    services.referral_decide(
        actor=SYSTEM, referral=referral, decision="assessment", reason="Assess", decided_on=received
    )
    referral.refresh_from_db()
    assessment = referral.assessment
    services.assessment_save(
        actor=SYSTEM,
        assessment=assessment,
        factors=["16A", "3B"],
        child_voice="The child said what worries them at home.",
        analysis="The child cannot stay safely at home.",
        outcome="cin",
        version=assessment.version,
    )
    assessment.refresh_from_db()
    services.assessment_submit(actor=SYSTEM, assessment=assessment)
    services.assessment_authorise(actor=SYSTEM, assessment=assessment, comment="Agreed")
    referral.refresh_from_db()
    period = services.care_start(
        actor=SYSTEM,
        referral=referral,
        started_on=started,
        legal_status=_pick(context, LEGAL),
        **_placement(context),
    )
    if lapse is None:
        lapse = context.random.random() < OVERDUE_SHARE
    moved = None
    if (today - started).days > 200 and context.random.random() < 0.3:
        moved = started + timedelta(days=context.random.randint(60, (today - started).days - 30))
    _visits_and_reviews(context, referral, period, started, moved, today, lapse)
    if context.random.random() < 0.08:
        gone = today - timedelta(days=context.random.randint(1, 20))
        if gone >= started:
            missing = services.missing_record(
                actor=SYSTEM, referral=referral, missing_on=gone, returned_on=gone
            )
            if context.random.random() < 0.6:
                services.return_conversation_record(
                    actor=SYSTEM,
                    missing=missing,
                    offered_on=min(gone + timedelta(days=1), today),
                    response=context.random.choice(["accepted", "declined"]),
                    held_on=None,
                )
    born = child.date_of_birth
    if born and timescales.months_after(born, 15 * 12) <= today:
        plan = services.pathway_plan_start(
            actor=SYSTEM, referral=referral, personal_adviser="Personal adviser, Leaving Care"
        )
        if plan.due_on <= today and not lapse:
            services.pathway_plan_review(
                actor=SYSTEM,
                plan=plan,
                reviewed_on=max(plan.due_on, referral.received_on),
                personal_adviser=plan.personal_adviser,
            )
    return referral


def _visits_and_reviews(context, referral, period, started, moved, today, lapse):
    """Visits and reviews held on or a little before each due date, in date order, up to
    today; a lapsed case stops a few weeks ago, so its next dates are overdue."""
    stop = today - timedelta(days=context.random.randint(50, 120)) if lapse else today
    day = started
    while True:
        period.refresh_from_db()
        placement = period.placements.filter(ended_on__isnull=True).first()
        review = period.reviews.filter(held_on__isnull=True).order_by("number").first()
        events = [(placement.next_visit_due, "visit")]
        if review is not None:
            events.append((review.due_on, "review"))
        if moved is not None:
            events.append((moved, "move"))
        due, kind = min(events)
        when = max(day, due - timedelta(days=context.random.randint(0, 4)))
        if when > stop or when > today:
            return
        if kind == "move":
            moved = None
            try:
                services.placement_change(
                    actor=SYSTEM,
                    period=period,
                    started_on=when,
                    legal_status=period.legal_status,
                    **_placement(context),
                )
            except DomainError:  # drew the same placement again: no move
                continue
        elif kind == "visit":
            services.visit_record(
                actor=SYSTEM,
                referral=referral,
                visited_on=when,
                seen_alone=context.random.random() < 0.7,
                notes="Saw the child in placement; talked about school and family time.",
            )
        else:
            services.care_review_record(
                actor=SYSTEM, review=review, held_on=when, chair="Independent reviewing officer"
            )
        day = when
