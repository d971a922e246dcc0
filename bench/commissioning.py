"""Benchmark: the commissioning pages at county scale.

Builds, in bulk, three years of activity: 100,000 requests for support (with Hub decisions),
40,000 early help episodes (assessed needs, two TAF reviews scored, some closed with feedback,
some stepped up), 10,000 missing episodes, and a directory service with 2,000 referrals; the
child population is 300,000 children across the 12 districts (the needs analysis reads counts
by district, never persons, so no person records are made). Then times, through the Django
test client signed in as a commissioner:
- the needs analysis page for the county and for one district (12 months), p50 and p95;
- one service's Balanced Impact Assessment page, p50 and p95;
- the Families First outcomes page for the county, p50 and p95;
- building the Children's Partnership Board's pack for the last whole quarter (the background
  task's work, run in this process): seconds, and the peak memory Python allocated while it
  built (tracemalloc).
Target: needs analysis p95 under 500 ms, impact page p95 under 300 ms, the board pack under
30 s.

    .venv/bin/python bench/commissioning.py                  # SQLite in a temporary file
    .venv/bin/python bench/commissioning.py --scale 0.05     # a quick run
    .venv/bin/python bench/commissioning.py --postgres       # PostgreSQL as well

PostgreSQL: DATABASE_URL if set, else postgres://postgres@127.0.0.1:5432/teamaround_bench_comm.
That database is dropped and created again: never point it at real data.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from benchdb import fresh_postgres  # noqa: E402  (bench/ is on the path when run)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/teamaround_bench_comm"


def configure(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["DJANGO_SETTINGS_MODULE"] = "teamaround.settings"
    import django

    django.setup()


def summary(times: list) -> dict:
    ordered = sorted(times)
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1),
    }


def build(*, scale: float, seed: int) -> dict:
    import random
    from datetime import timedelta

    from django.utils import timezone

    from teamaround.accounts.roles import Role
    from teamaround.commissioning.population import essex_population, load_population
    from teamaround.core.models import District, NeedDomain, WindscreenLevel
    from teamaround.core.seeding import SeedContext, seed_geography
    from teamaround.directory.models import ServiceReferral
    from teamaround.earlyhelp.models import (
        AssessedNeed,
        Episode,
        EpisodeClosure,
        FamilyFeedback,
        NeedScore,
        SharedFamilyAssessment,
        StepUp,
        TafMeeting,
    )
    from teamaround.frontdoor.models import HubDecision, MissingEpisode, RequestForSupport
    from teamaround.people.models import Family, Person
    from tests.factories import UserFactory

    rng = random.Random(seed)
    seed_geography(SeedContext(seed=seed, out=sys.stderr))
    load_population(essex_population())  # about 300,000 children
    districts = list(District.objects.filter(kind="district"))
    levels = {lv.number: lv for lv in WindscreenLevel.objects.all()}
    domains = list(NeedDomain.objects.all())
    commissioner = UserFactory(username="bench.commissioner", roles=[Role.COMMISSIONER])
    worker = UserFactory(username="bench.worker", roles=[Role.FAMILY_WORKER])
    now = timezone.now()
    n_requests, n_episodes = int(100_000 * scale), int(40_000 * scale)
    families = Family.objects.bulk_create(
        [Family(name=f"Bench family {i}") for i in range(n_episodes)], batch_size=5000
    )
    child = Person.objects.create(forenames="Bench", surname="Child")

    def when():
        return now - timedelta(days=rng.uniform(0, 3 * 365))

    requests = RequestForSupport.objects.bulk_create(
        [
            RequestForSupport(
                reference=f"B{i:08d}",
                source="professional",
                status="decided",
                family=families[i % len(families)],
                district=rng.choice(districts),
                submitted_at=when(),
                is_re_referral=rng.random() < 0.2,
            )
            for i in range(n_requests)
        ],
        batch_size=5000,
    )
    routes = {
        1: "advice_signposting",
        2: "team_around_family",
        3: "family_solutions",
        4: "social_care",
    }
    decisions = []
    for request in requests:
        if rng.random() < 0.9:
            number = rng.choice([1, 2, 2, 3, 4])
            decisions.append(
                HubDecision(
                    request=request,
                    level=levels[number],
                    route=routes[number],
                    rationale="-",
                    outcome_message="-",
                    decided_at=request.submitted_at + timedelta(hours=rng.uniform(1, 30)),
                )
            )
    HubDecision.objects.bulk_create(decisions, batch_size=5000)
    episodes = []
    for family in families:
        started = (now - timedelta(days=rng.uniform(0, 3 * 365))).date()
        closed = started + timedelta(days=rng.randint(60, 360))
        episodes.append(
            Episode(
                family=family,
                level=levels[rng.choice([2, 3])],
                status="closed" if closed < now.date() else "open",
                source="hub",
                lead_professional=worker,
                lead_team=worker.team,
                district=rng.choice(districts),
                started_on=started,
                family_agreed_on=started,
                family_agreed_by="Parent",
                closed_on=closed if closed < now.date() else None,
            )
        )
    Episode.objects.bulk_create(episodes, batch_size=5000)
    assessments = SharedFamilyAssessment.objects.bulk_create(
        [
            SharedFamilyAssessment(
                episode=e,
                status="signed_off",
                submitted_at=now - timedelta(days=rng.uniform(0, 3 * 365)),
            )
            for e in episodes
        ],
        batch_size=5000,
    )
    AssessedNeed.objects.bulk_create(
        [AssessedNeed(assessment=a, domain=d) for a in assessments for d in rng.sample(domains, 2)],
        batch_size=5000,
    )
    StepUp.objects.bulk_create(
        [
            StepUp(episode=e, to_team=worker.team, reason="-", stepped_up_at=when())
            for e in episodes
            if rng.random() < 0.04
        ],
        batch_size=5000,
    )
    MissingEpisode.objects.bulk_create(
        [
            MissingEpisode(
                notification_id=f"M{i:08d}",
                child_forenames="Bench",
                child_surname="Child",
                child_date_of_birth=now.date() - timedelta(days=14 * 365),
                reported_missing_at=when(),
                person=child,
                family=families[i % len(families)],
                district=rng.choice(districts),
                route="hub_screening",
                risk_grade="medium",
                age_when_missing=14,
            )
            for i in range(int(10_000 * scale))
        ],
        batch_size=5000,
    )
    service = _service()
    referred = episodes[: int(2_000 * scale)]
    ServiceReferral.objects.bulk_create(
        [ServiceReferral(service=service, family=e.family, reason="-") for e in referred],
        batch_size=5000,
    )
    meetings, scores = [], []
    for e in referred:
        for k in range(2):
            meeting = TafMeeting(
                episode=e, held_on=e.started_on + timedelta(days=40 * (k + 1)), family_views="-"
            )
            meetings.append(meeting)
    TafMeeting.objects.bulk_create(meetings, batch_size=5000)
    for meeting in meetings:
        for d in domains[:3]:
            scores.append(
                NeedScore(
                    meeting=meeting, episode=meeting.episode, domain=d, score=rng.randint(2, 9)
                )
            )
    NeedScore.objects.bulk_create(scores, batch_size=5000)
    closures = EpisodeClosure.objects.bulk_create(
        [
            EpisodeClosure(episode=e, reason="needs_met", closed_on=e.closed_on)
            for e in referred
            if e.closed_on
        ],
        batch_size=5000,
    )
    FamilyFeedback.objects.bulk_create(
        [
            FamilyFeedback(
                closure=c,
                listened_to=rng.randint(1, 5),
                things_got_better=rng.randint(1, 5),
                would_ask_again=rng.randint(1, 5),
            )
            for c in closures
        ],
        batch_size=5000,
    )
    return {
        "commissioner": commissioner,
        "service": service,
        "district": districts[0].code,
        "requests": n_requests,
        "episodes": n_episodes,
    }


def _service():
    from datetime import timedelta

    from django.utils import timezone

    from teamaround.core.access import SYSTEM
    from teamaround.core.models import District, NeedDomain, WindscreenLevel
    from teamaround.directory import services as directory

    organisation = directory.organisation_create(
        actor=SYSTEM, name="Bench Family Support", description="Helps families."
    )
    return directory.service_create(
        actor=SYSTEM,
        organisation=organisation,
        name="Bench Parenting Programme",
        description="A parenting programme.",
        access_routes=["via_panel"],
        review_date=timezone.localdate() + timedelta(days=200),
        levels=list(WindscreenLevel.objects.filter(number=2)),
        needs_met=list(NeedDomain.objects.all()[:1]),
        districts=list(District.objects.all()),
    )


def board_pack_build(commissioner) -> dict:
    """Build the Children's Partnership Board's pack for the last whole quarter as the worker
    would, timed, with tracemalloc's peak."""
    from django.utils import timezone

    from teamaround.commissioning.board_packs import board_pack_run, previous_quarter, quarter_of
    from teamaround.commissioning.models import BoardPack, PackStatus

    quarter = previous_quarter(quarter_of(timezone.localdate()))
    pack = BoardPack.objects.create(
        quarter_start=quarter,
        summary="Bench.",
        created_by=commissioner,
        updated_by=commissioner,
    )
    tracemalloc.start()
    began = time.perf_counter()
    outcome = board_pack_run(pack_id=pack.pk)
    seconds = time.perf_counter() - began
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert outcome["status"] == PackStatus.DONE, outcome
    pack.refresh_from_db()
    return {
        "seconds": round(seconds, 1),
        "peak_mb": round(peak / 2**20, 1),
        "pdf_kb": len(pack.pdf) // 1024,
    }


def run_one(database_url: str, scale: float, loads: int, seed: int) -> dict:
    configure(database_url)
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    with transaction.atomic():
        world = build(scale=scale, seed=seed)
    building = round(time.perf_counter() - started, 1)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client()
    client.force_login(world["commissioner"], backend="django.contrib.auth.backends.ModelBackend")
    pages = {
        "county": (reverse("commissioning:needs"), {}),
        "district": (reverse("commissioning:needs"), {"area": world["district"]}),
        "impact": (reverse("commissioning:impact", args=[world["service"].pk]), {}),
        "families": (reverse("commissioning:families-first"), {}),
    }
    results = {}
    for name, (url, query) in pages.items():
        client.get(url, query)  # warm
        times = []
        for _ in range(loads):
            began = time.perf_counter()
            response = client.get(url, query)
            times.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, response.status_code
        results[name] = summary(times)
    results["pack"] = board_pack_build(world["commissioner"])
    return {
        "build_seconds": building,
        "requests": world["requests"],
        "episodes": world["episodes"],
        **results,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 is the issue's scale.")
    parser.add_argument("--loads", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--postgres", action="store_true", help="Also run on PostgreSQL.")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only.")
    parser.add_argument("--child-run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_run:
        print(json.dumps(run_one(args.child_run, args.scale, args.loads, args.seed)))
        return
    runs = []
    if not args.skip_sqlite:
        directory = tempfile.mkdtemp(prefix="teamaround-bench-comm-")
        runs.append(("SQLite", f"sqlite:///{directory}/bench.sqlite3", None))
    if args.postgres or args.skip_sqlite:
        runs.append(
            ("PostgreSQL", os.environ.get("DATABASE_URL") or DEFAULT_POSTGRES, fresh_postgres)
        )
    print(f"Commissioning at scale {args.scale}")
    for label, url, prepare in runs:
        if prepare:
            prepare(url)
        command = [
            sys.executable,
            __file__,
            "--child-run",
            url,
            "--scale",
            str(args.scale),
            "--loads",
            str(args.loads),
            "--seed",
            str(args.seed),
        ]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        output = subprocess.run(  # noqa: S603 - this script, this interpreter
            command, check=True, capture_output=True, text=True, env=env, cwd=ROOT
        )
        f = json.loads(output.stdout.strip().splitlines()[-1])
        print(
            f"{label:<11} built {f['requests']:,} requests, {f['episodes']:,} episodes "
            f"in {f['build_seconds']}s"
        )
        for page in ("county", "district", "impact", "families"):
            r = f[page]
            print(f"{'':<11} {page:<9} p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms ({r['n']} loads)")
        pack = f["pack"]
        print(
            f"{'':<11} board pack built in {pack['seconds']} s, peak memory "
            f"{pack['peak_mb']} MB (tracemalloc), PDF {pack['pdf_kb']} KB"
        )


if __name__ == "__main__":
    main()
