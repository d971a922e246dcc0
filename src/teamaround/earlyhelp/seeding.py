"""Early help's part of the synthetic county: episodes for a share of the seeded families, with
assessments, plans, 1-4 TAF meetings with scores, some closed with the family's feedback and a
few stepped up. Everything goes through the services; `--children N` sets the scale."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from teamaround.accounts.models import AgencyKind, Team
from teamaround.accounts.roles import Role
from teamaround.core.access import SYSTEM
from teamaround.core.models import NeedDomain, WindscreenLevel
from teamaround.core.seeding import SeedContext
from teamaround.earlyhelp import services
from teamaround.earlyhelp.services.household import current_members
from teamaround.people import selectors as people_selectors

CHILDREN_PER_EPISODE = 25
DEMO_CASES = {"demo.family.worker": 8, "demo.practitioner": 6}
VIEWS = [
    "I want us to argue less at home.",
    "I want to go to school and see my friends.",
    "Things are better when we have a routine.",
    "I worry about money every week.",
    "I like it when mum comes to watch me play football.",
]


def seed(context: SeedContext) -> None:
    children = int(context.options.get("children") or 2000)
    wanted = max(6, children // CHILDREN_PER_EPISODE)
    with context.step(f"Early help: about {wanted:,} episodes"):
        families = list(people_selectors.family_list(actor=SYSTEM).order_by("name", "created_at"))
        context.random.shuffle(families)
        workers = _workers(context)
        if not families or not workers["level_3"] or not workers["level_2"]:
            context.out.write("  no families or workers to seed episodes for\n")
            return
        made = 0
        for index, family in enumerate(families[:wanted]):
            if len(current_members(family)) < 1:
                continue
            lead = _lead(context, workers, index)
            _episode(context, family, lead, workers)
            made += 1
            context.progress("episodes", made, wanted)


def _workers(context) -> dict:
    users = get_user_model().objects.filter(is_active=True).select_related("team__agency")
    by_name = {u.username: u for u in users.filter(username__in=list(DEMO_CASES))}
    family_workers = list(
        users.filter(
            role_assignments__role=Role.FAMILY_WORKER, team__name__startswith="Family Solutions"
        ).order_by("username")
    )
    partners = list(
        users.filter(
            role_assignments__role=Role.PRACTITIONER,
            team__agency__kind__in=(
                AgencyKind.SCHOOL,
                AgencyKind.HEALTH_VISITING,
                AgencyKind.VOLUNTARY,
            ),
        ).order_by("username")
    )
    return {"level_3": family_workers, "level_2": partners, "demo": by_name}


def _lead(context, workers, index):
    demo = workers["demo"]
    if index < DEMO_CASES["demo.family.worker"] and "demo.family.worker" in demo:
        return demo["demo.family.worker"]
    start = DEMO_CASES["demo.family.worker"]
    if index < start + DEMO_CASES["demo.practitioner"] and "demo.practitioner" in demo:
        return demo["demo.practitioner"]
    pool = workers["level_3"] if context.random.random() < 0.45 else workers["level_2"]
    # The demo users' caseloads are exactly DEMO_CASES, whatever the random draw.
    others = [u for u in pool if u.username not in DEMO_CASES] or pool
    return context.random.choice(others)


def _episode(context, family, lead, workers) -> None:
    rng, today = context.random, timezone.localdate()
    number = 3 if lead.team.agency.kind == AgencyKind.COUNCIL_EARLY_HELP else 2
    started = today - timedelta(days=rng.randint(20, 330))
    episode = services.episode_open(
        actor=SYSTEM,
        family=family,
        level=WindscreenLevel.objects.get(number=number),
        lead_professional=lead,
        family_agreed_on=started,
        family_agreed_by="Parent",
        started_on=started,
    )
    partner = rng.choice(workers["level_2"])
    if partner.pk != lead.pk:
        services.taf_member_add(
            actor=SYSTEM,
            episode=episode,
            practitioner=partner,
            role="school" if partner.team.agency.kind == "school" else "health",
        )
    people = current_members(family)
    domains = rng.sample(list(NeedDomain.objects.filter(is_active=True)), 3)
    for person in people[:2]:
        services.member_view_save(
            actor=SYSTEM,
            episode=episode,
            person=person,
            in_their_words=rng.choice(VIEWS),
            recorded_for_them=person.date_of_birth is not None
            and (today - person.date_of_birth).days < 6 * 365,
            strengths="Close family; wants things to change.",
        )
    for domain in domains:
        services.need_add(
            actor=SYSTEM,
            episode=episode,
            domain=domain,
            description=f"Support needed with {domain.name.lower()}.",
        )
    services.assessment_submit(actor=SYSTEM, episode=episode)
    if rng.random() < 0.15:
        return  # awaiting the manager's sign-off
    # The assessment signed off within a fortnight of the start, the plan agreed within a week
    # of that, the TAF meetings after it: the episode's history runs in order up to today.
    signed_off = min(today, started + timedelta(days=rng.randint(3, 14)))
    services.assessment_sign_off(
        actor=SYSTEM, assessment=episode.assessment, signed_off_on=signed_off
    )
    agreed = min(today, signed_off + timedelta(days=rng.randint(0, 7)))
    owners = [lead] + ([partner] if partner.pk != lead.pk else [])
    services.plan_save(
        actor=SYSTEM,
        episode=episode,
        version=None,
        agreed_on=agreed,
        outcomes="We want calmer mornings and the children in school every day.",
        actions=[
            {
                "what": f"Support with {d.name.lower()}",
                "domain": d,
                "owner": rng.choice(owners),
                "due_on": today + timedelta(days=rng.randint(0, 60)),
            }
            for d in domains
        ],
    )
    _meetings(context, episode, domains, agreed, owners)


def _meetings(context, episode, domains, started, owners) -> None:
    """TAF meetings every six weeks from `started` (the plan agreed), none after today."""
    rng, today = context.random, timezone.localdate()
    span = (today - started).days
    count = min(rng.randint(1, 4), max(1, span // 42))
    scores = {d.pk: rng.randint(1, 5) for d in domains}
    for n in range(count):
        held = started + timedelta(days=min(span, 42 * (n + 1)))
        scores = {k: min(10, max(0, v + rng.randint(-1, 3))) for k, v in scores.items()}
        services.taf_meeting_record(
            actor=SYSTEM,
            episode=episode,
            held_on=held,
            family_views="Things are improving.",
            attendance=[
                {"name": str(o), "agency": o.team.agency.name, "attendance": "attended"}
                for o in owners
            ],
            progress=[],
            scores=[{"domain": d, "score": scores[d.pk]} for d in domains],
        )
    roll = rng.random()
    if roll < 0.05:
        teams = _social_care(episode)
        if teams:
            services.episode_step_up(
                actor=SYSTEM,
                episode=episode,
                to_team=rng.choice(teams),
                reason="Concerns escalated at the TAF meeting.",
            )
    elif roll < 0.35:
        services.episode_close(
            actor=SYSTEM,
            episode=episode,
            reason=rng.choice(
                ["needs_met", "needs_met", "family_declined", "moved_away", "no_longer_engaging"]
            ),
            summary="Closed after review.",
            feedback={
                "listened_to": rng.randint(3, 5),
                "things_got_better": rng.randint(2, 5),
                "would_ask_again": rng.randint(3, 5),
                "comments": "Thank you.",
            },
        )


def _social_care(episode) -> list:
    return list(
        Team.objects.filter(
            agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE, archived_at__isnull=True
        ).order_by("name")
    )
