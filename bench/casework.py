"""Benchmark: early help casework pages at county scale.

Builds 300,000 children with their families (people's own county builder), then 40,000 early
help episodes with plans, actions and 400,000 review scores (bulk-written to early help's own
tables), and times two pages through the Django test client, signed in: a family's chronology
(the whole-journey timeline) and a worker's early help home page. Prints median and p95.
Target from the issue: p95 under 200 ms.

    .venv/bin/python bench/casework.py                          # SQLite, full size
    .venv/bin/python bench/casework.py --children 20000 --episodes 3000 --scores 30000
    .venv/bin/python bench/casework.py --postgres                # also PostgreSQL

PostgreSQL uses the dedicated database teamaround_bench_casework (dropped and created again:
never point it at real data); override the server with BENCH_POSTGRES_URL.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from benchdb import fresh_postgres  # noqa: E402  (bench/ is on the path when run)

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/teamaround_bench_casework"
)
CASELOAD = 25
DOMAINS_SCORED = 4


def _settings_module() -> str:
    sys.path.insert(0, str(ROOT))
    return "teamaround.settings"


def run_one(url: str, args) -> dict:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["DJANGO_SETTINGS_MODULE"] = _settings_module()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from teamaround.core.seeding import SeedContext, seed_geography
    from teamaround.people.seeding import build_county

    call_command("migrate", verbosity=0)
    context = SeedContext(seed=args.seed, options={"children": args.children}, out=sys.stderr)
    seed_geography(context)
    started = time.perf_counter()
    with transaction.atomic():
        truth = build_county(context, args.children)
        worker, timed = _casework(args, random.Random(args.seed))
    seeding = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "children": len(truth.children),
        "seeding_seconds": round(seeding, 1),
        **_time_pages(worker, timed, args.requests),
    }


def _casework(args, rng):
    """Staff, then episodes, plans, actions, meetings and scores written in bulk."""
    from django.utils import timezone

    from teamaround.accounts.models import AgencyKind
    from teamaround.accounts.roles import Role
    from teamaround.accounts.services import agency_create, team_create, user_create
    from teamaround.core.access import SYSTEM
    from teamaround.core.models import NeedDomain, WindscreenLevel
    from teamaround.earlyhelp import models as eh
    from teamaround.people import services as people_services
    from teamaround.people.models import Family

    agency = agency_create(
        actor=SYSTEM, name="Bench Early Help", kind=AgencyKind.COUNCIL_EARLY_HELP
    )
    teams = [
        team_create(actor=SYSTEM, agency=agency, name=f"Family Solutions {n}") for n in range(8)
    ]
    staff = [
        user_create(
            actor=SYSTEM,
            username=f"bench.worker{n}",
            first_name="Bench",
            last_name=f"Worker {n}",
            email=f"bench{n}@example.org",
            team=teams[n % 8],
            roles=[Role.FAMILY_WORKER],
            password="Bench-Password-2026",
        )
        for n in range(args.episodes // CASELOAD + 1)
    ]
    levels = {n: WindscreenLevel.objects.get(number=n) for n in (2, 3)}
    domains = list(NeedDomain.objects.all())
    families = list(Family.objects.values_list("pk", flat=True)[: args.episodes])
    today, now = timezone.localdate(), timezone.now()
    episodes, members, plans = [], [], []
    for i, family_id in enumerate(families):
        lead = staff[i // CASELOAD]
        started = today - timedelta(days=rng.randint(10, 360))
        closed = rng.random() < 0.3
        episodes.append(
            eh.Episode(
                family_id=family_id,
                level=levels[rng.choice((2, 3))],
                source="hub",
                lead_professional=lead,
                lead_team_id=lead.team_id,
                started_on=started,
                family_agreed_on=started,
                family_agreed_by="Parent",
                status="closed" if closed else "reviewing",
                closed_on=today if closed else None,
                next_review_due=None if closed else today + timedelta(days=rng.randint(-20, 40)),
            )
        )
    eh.Episode.objects.bulk_create(episodes, batch_size=2000)
    for episode in episodes:
        members.append(
            eh.TafMember(
                episode=episode,
                practitioner=episode.lead_professional,
                team_id=episode.lead_team_id,
                role="lead_professional",
                joined_at=now,
            )
        )
        plans.append(
            eh.EarlyHelpPlan(
                episode=episode, outcomes="Calmer mornings.", agreed_on=episode.started_on
            )
        )
    eh.TafMember.objects.bulk_create(members, batch_size=2000)
    eh.EarlyHelpPlan.objects.bulk_create(plans, batch_size=2000)
    eh.PlanAction.objects.bulk_create(
        (
            eh.PlanAction(
                plan=plan,
                what=f"Action {n}",
                owner=plan.episode.lead_professional,
                domain=rng.choice(domains),
                due_on=today + timedelta(days=rng.randint(-10, 50)),
            )
            for plan in plans
            for n in range(2)
        ),
        batch_size=2000,
    )
    meetings_needed = args.scores // DOMAINS_SCORED
    meetings = [
        eh.TafMeeting(
            episode=episodes[n % len(episodes)],
            family_views="Better.",
            held_on=today - timedelta(days=rng.randint(0, 300)),
        )
        for n in range(meetings_needed)
    ]
    eh.TafMeeting.objects.bulk_create(meetings, batch_size=2000)
    scored = rng.sample(domains, DOMAINS_SCORED)
    eh.NeedScore.objects.bulk_create(
        (
            eh.NeedScore(meeting=m, episode_id=m.episode_id, domain=d, score=rng.randint(0, 10))
            for m in meetings
            for d in scored
        ),
        batch_size=5000,
    )
    worker = staff[0]
    timed = [e.family_id for e in episodes[:CASELOAD]]
    for family_id in timed:  # the worker's team sees these families, as after a hand-over
        family = Family.objects.get(pk=family_id)
        if not family.involvements.filter(team_id=worker.team_id, closed_at=None).exists():
            people_services.involvement_open(
                actor=SYSTEM, family=family, team=worker.team, reason="Bench"
            )
        for n in range(12):
            people_services.family_event_record(
                actor=SYSTEM,
                family=family,
                kind="other",
                summary=f"Bench event {n}",
                team=worker.team,
            )
    return worker, timed


def _time_pages(worker, families, requests: int) -> dict:
    from django.test import Client

    client = Client()
    client.force_login(worker, backend="django.contrib.auth.backends.ModelBackend")
    results = {}
    pages = {
        "chronology": lambda n: f"/early-help/families/{families[n % len(families)]}/timeline/",
        "worker_home": lambda n: "/early-help/",
    }
    for name, url in pages.items():
        for n in range(5):
            assert client.get(url(n)).status_code == 200
        timings = []
        for n in range(requests):
            began = time.perf_counter()
            response = client.get(url(n))
            timings.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200
        timings.sort()
        results[name] = {
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--children", type=int, default=300_000)
    parser.add_argument("--episodes", type=int, default=40_000)
    parser.add_argument("--scores", type=int, default=400_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--child-run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_run:
        print(json.dumps(run_one(args.child_run, args)))
        return
    directory = tempfile.mkdtemp(prefix="teamaround-bench-")
    runs = [("SQLite", f"sqlite:///{directory}/bench.sqlite3")]
    if args.postgres:
        fresh_postgres(POSTGRES)
        runs.append(("PostgreSQL", POSTGRES))
    print(
        f"Casework: {args.children:,} children, {args.episodes:,} episodes, "
        f"{args.scores:,} scores, {args.requests} requests per page"
    )
    forwarded = [a for a in sys.argv[1:] if a != "--postgres"]
    try:
        for label, url in runs:
            output = (
                subprocess.run(  # noqa: S603 - our own script, our own arguments
                    [sys.executable, __file__, "--child-run", url, *forwarded],
                    check=True,
                    capture_output=True,
                    text=True,
                    cwd=ROOT,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            result = json.loads(output)
            print(
                f"{label}: seeded {result['children']:,} children in {result['seeding_seconds']}s"
            )
            for page in ("chronology", "worker_home"):
                figures = result[page]
                print(f"  {page:<12} median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms")
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
