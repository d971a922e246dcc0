"""Benchmark: the Children and Families Hub at county scale.

Builds 300,000 children with their families (the people app's own bulk seeder) and 50,000
requests for support over two years (most decided, with hand-overs; the last days' still open),
then times:
- the Hub queue page, through the Django test client signed in as a screener (all open
  requests, and with filters), median and 95th percentile;
- the decision action (the hub_decision_record service: checks, decision, hand-over,
  involvement, chronology, audit) on open requests, median and 95th percentile;
- a 10,000-row police missing-notification CSV (most rows known children, some new, some
  repeats), checked and imported whole.
Target: queue and decision p95 under 200 ms; the file in under 30 s.

    .venv/bin/python bench/hub_queue.py                       # SQLite in a temporary file
    .venv/bin/python bench/hub_queue.py --children 20000 --requests 5000
    .venv/bin/python bench/hub_queue.py --postgres            # PostgreSQL as well

PostgreSQL: DATABASE_URL if set, else postgres://postgres@127.0.0.1:5432/teamaround_bench_hub.
That database is dropped and created again: never point it at real data. Each database runs in
its own process, since Django is configured once per process.
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
from pathlib import Path

from benchdb import fresh_postgres  # noqa: E402  (bench/ is on the path when run)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/teamaround_bench_hub"


def configure(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["DJANGO_SETTINGS_MODULE"] = "teamaround.settings"
    import django

    django.setup()


def timed(call, times: list) -> object:
    began = time.perf_counter()
    result = call()
    times.append((time.perf_counter() - began) * 1000)
    return result


def summary(times: list) -> dict:
    ordered = sorted(times)
    return {
        "n": len(ordered),
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1),
        "max_ms": round(ordered[-1], 1),
    }


def run_one(
    database_url: str, children: int, requests: int, decisions: int, queue_loads: int, seed: int
) -> dict:
    configure(database_url)
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    with transaction.atomic():
        world = build(seed=seed, children=children, requests=requests)
    building = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    figures = {
        "children": world.children,
        "requests": world.requests,
        "open_requests": world.open_requests,
        "build_seconds": round(building, 1),
    }
    figures["queue"] = time_queue(world, queue_loads)
    figures["decision"] = time_decisions(world, decisions)
    figures["import"] = time_import(world, seed)
    return figures


def time_queue(world, loads: int) -> dict:
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(world.screener, backend="django.contrib.auth.backends.ModelBackend")
    url = reverse("frontdoor:queue")
    variants = [
        {},
        {"district": world.district_code},
        {"rag": "red"},
        {"level": "2"},
        {"screener": "unassigned"},
        {"page": "2"},
    ]
    client.get(url)
    times: list = []
    for number in range(loads):
        response = timed(lambda n=number: client.get(url, variants[n % len(variants)]), times)
        assert response.status_code == 200, response.status_code
    return summary(times)


def time_decisions(world, count: int) -> dict:
    from teamaround.frontdoor import services
    from teamaround.frontdoor.models import RequestForSupport, RequestStatus

    open_requests = list(
        RequestForSupport.objects.filter(
            status=RequestStatus.SUBMITTED, family__isnull=False
        ).select_related("referrer__team__agency", "level_suggested")[:count]
    )
    times: list = []
    for number, rfs in enumerate(open_requests):
        lead = rfs.referrer
        timed(
            lambda r=rfs, n=number, lead=lead: services.hub_decision_record(
                actor=world.screener,
                request=r,
                level=world.levels[2],
                route="team_around_family" if n % 2 else "advice_signposting",
                rationale="Additional needs",
                lead_professional=lead,
                other_services="Family Support Trust drop-in",
            ),
            times,
        )
    return summary(times)


def time_import(world, seed: int) -> dict:
    from teamaround.frontdoor import services

    content, known = missing_file(world, seed=seed, rows=10_000)
    began = time.perf_counter()
    upload = services.missing_import_accept(
        actor=world.screener, file_name="police.csv", data=content.encode()
    )
    seconds = time.perf_counter() - began
    upload.refresh_from_db()
    return {
        "rows": upload.rows_total,
        "status": upload.status,
        "seconds": round(seconds, 1),
        "matched": upload.children_matched,
        "recorded": upload.children_recorded,
        "known_in_file": known,
    }


class World:
    """What the timings need to know about the county that was built."""

    def __init__(self, **values):
        self.__dict__.update(values)


def build(*, seed: int, children: int, requests: int) -> World:
    """The county (people's bulk seeder), a Hub and its referrers, and two years of requests
    written in bulk (history starts at a record's first change, as in people's seeder)."""
    import random
    from datetime import timedelta

    from django.utils import timezone

    from teamaround.accounts.models import AgencyKind
    from teamaround.accounts.roles import Role
    from teamaround.accounts.services import agency_create, team_create, user_create
    from teamaround.core.access import SYSTEM
    from teamaround.core.calendar import add_working_days
    from teamaround.core.models import District, WindscreenLevel
    from teamaround.core.seeding import SeedContext, seed_geography
    from teamaround.frontdoor import adapters
    from teamaround.frontdoor.models import (
        ROUTE_HAND_OVER,
        HandOver,
        HubDecision,
        RequestForSupport,
        RequestStatus,
    )
    from teamaround.people.seeding import build_county

    context = SeedContext(seed=seed, options={"children": children}, out=sys.stderr)
    seed_geography(context)
    truth = build_county(context, children)
    districts = list(District.objects.filter(kind="district"))
    hub_agency = agency_create(
        actor=SYSTEM, name="Bench Early Help", kind=AgencyKind.COUNCIL_EARLY_HELP
    )
    hub = team_create(actor=SYSTEM, agency=hub_agency, name="Children and Families Hub")
    screener = user_create(
        actor=SYSTEM,
        username="bench.screener",
        first_name="Bench",
        last_name="Screener",
        email="s@example.org",
        team=hub,
        roles=[Role.HUB_SCREENER],
    )
    referrers = []
    for number, district in enumerate(districts):
        school = agency_create(
            actor=SYSTEM,
            name=f"Bench School {number}",
            kind=AgencyKind.SCHOOL,
            districts=[district],
        )
        team = team_create(actor=SYSTEM, agency=school, name="Safeguarding", districts=[district])
        for person in range(4):
            referrers.append(
                user_create(
                    actor=SYSTEM,
                    username=f"bench.dsl.{number}.{person}",
                    first_name="Dee",
                    last_name=f"Lead {number}",
                    email=f"d{number}{person}@example.org",
                    team=team,
                    roles=[Role.PRACTITIONER],
                )
            )
    levels = {level.number: level for level in WindscreenLevel.objects.all()}
    rng, now = random.Random(seed), timezone.now()
    picked = [rng.choice(truth.children) for _ in range(requests)]
    families = {}
    ids = list({person_id for person_id, _ in picked})
    for start in range(0, len(ids), 5000):
        families.update(adapters.current_families(ids[start : start + 5000]))
    rows, decisions, hand_overs, last_seen = [], [], [], {}
    open_from = requests - min(150, requests // 10)
    for number, (person_id, details) in enumerate(picked):
        submitted = now - timedelta(minutes=int((requests - number) * 730 * 1440 / requests))
        referrer = referrers[number % len(referrers)]
        district = districts[(number % len(referrers)) // 4]  # the referrer's district
        level = rng.choices([1, 2, 3, 4], [15, 50, 25, 10])[0]
        family_id = families.get(person_id)
        earlier = last_seen.get(family_id)
        rfs = RequestForSupport(
            reference=f"RFS-B{number:05d}",
            source="professional",
            status=RequestStatus.SUBMITTED,
            child_forenames=details.forenames,
            child_surname=details.surname,
            child_date_of_birth=details.date_of_birth,
            postcode=details.postcode,
            person_id=person_id,
            family_id=family_id,
            district=district,
            concern="Bench concern",
            tried="Bench",
            consent="yes",
            level_suggested=levels[level],
            referrer=referrer,
            referrer_agency_id=referrer.team.agency_id,
            referrer_name="Dee Lead",
            submitted_at=submitted,
            due_on=add_working_days(timezone.localtime(submitted).date(), 1),
            is_re_referral=bool(earlier and submitted - earlier < timedelta(days=365)),
        )
        last_seen[family_id] = submitted
        if number < open_from:
            if rng.random() < 0.03:
                rfs.status = RequestStatus.WITHDRAWN
            else:
                rfs.status = RequestStatus.DECIDED
                decided = submitted + timedelta(hours=rng.choice([2, 6, 20, 30, 50]))
                rfs.decided_at = decided
                route = {
                    1: "advice_signposting",
                    2: "team_around_family",
                    3: "family_solutions",
                    4: "social_care",
                }[level]
                decision = HubDecision(
                    request=rfs,
                    level=levels[level],
                    rationale="Bench",
                    route=route,
                    receiving_team_id=referrer.team_id,
                    outcome_message="Bench outcome",
                    decided_at=decided,
                    decided_by=screener,
                    within_timescale=timezone.localtime(decided).date() <= rfs.due_on,
                )
                decisions.append(decision)
                hand_overs.append(
                    HandOver(
                        decision=decision,
                        request=rfs,
                        family_id=family_id,
                        level=levels[level],
                        kind=ROUTE_HAND_OVER[route],
                        reason="Bench",
                        receiving_team_id=referrer.team_id,
                        status="accepted",
                    )
                )
        rows.append(rfs)
    RequestForSupport.objects.bulk_create(rows, batch_size=2000)
    HubDecision.objects.bulk_create(decisions, batch_size=2000)
    HandOver.objects.bulk_create(hand_overs, batch_size=2000)
    return World(
        children=len(truth.children),
        requests=len(rows),
        open_requests=len(rows) - open_from,
        screener=screener,
        levels=levels,
        district_code=districts[0].code,
        truth=truth,
    )


def missing_file(world: World, *, seed: int, rows: int) -> tuple[str, int]:
    """A police file: most rows children already known (as recorded), some repeats of the
    same child within 90 days, the rest children not known yet."""
    import csv
    import io
    import random
    from datetime import timedelta

    from django.utils import timezone

    rng, now, today = random.Random(seed + 7), timezone.localtime(), timezone.localdate()
    school_age = [
        d
        for _, d in world.truth.children
        if d.date_of_birth and 5 <= (today - d.date_of_birth).days // 365 <= 17
    ]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "notification_id",
            "forenames",
            "surname",
            "date_of_birth",
            "reported_missing_at",
            "returned_at",
            "risk_grade",
            "postcode",
            "where_found",
        ]
    )
    known = 0
    number = 0
    while number < rows:
        if rng.random() < 0.8:
            child = rng.choice(school_age)
            name, surname, born, postcode = (
                child.forenames,
                child.surname,
                child.date_of_birth,
                child.postcode,
            )
            known += 1
        else:
            name, surname = f"New{number}", rng.choice(["Okoro", "Lind", "Varga", "Marsh"])
            born, postcode = today - timedelta(days=rng.randint(365 * 6, 365 * 17)), ""
        for repeat in range(3 if rng.random() < 0.05 else 1):
            gone = now - timedelta(days=rng.randint(2, 25) + 30 * repeat, hours=rng.randint(0, 23))
            back = gone + timedelta(hours=rng.randint(1, 40)) if rng.random() < 0.9 else None
            writer.writerow(
                [
                    f"BENCH-{number:06d}",
                    name,
                    surname,
                    born.isoformat(),
                    gone.strftime("%Y-%m-%d %H:%M"),
                    back.strftime("%Y-%m-%d %H:%M") if back else "",
                    rng.choice(["low", "medium", "high", "no apparent risk"]),
                    postcode,
                    "Town centre" if back else "",
                ]
            )
            number += 1
            if number >= rows:
                break
    return out.getvalue(), known


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--children", type=int, default=300_000)
    parser.add_argument("--requests", type=int, default=50_000)
    parser.add_argument("--decisions", type=int, default=100)
    parser.add_argument("--queue-loads", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--postgres", action="store_true", help="Also run on PostgreSQL.")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only.")
    parser.add_argument("--child-run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_run:
        print(
            json.dumps(
                run_one(
                    args.child_run,
                    args.children,
                    args.requests,
                    args.decisions,
                    args.queue_loads,
                    args.seed,
                )
            )
        )
        return
    runs = []
    if not args.skip_sqlite:
        directory = tempfile.mkdtemp(prefix="teamaround-bench-hub-")
        runs.append(("SQLite", f"sqlite:///{directory}/bench.sqlite3", None))
    if (
        args.postgres
        or args.skip_sqlite
        or os.environ.get("DATABASE_URL", "").startswith("postgres")
    ):
        runs.append(
            ("PostgreSQL", os.environ.get("DATABASE_URL") or DEFAULT_POSTGRES, fresh_postgres)
        )
    print(f"Hub: {args.children:,} children, {args.requests:,} requests over two years")
    for label, url, prepare in runs:
        if prepare:
            prepare(url)
        command = [
            sys.executable,
            __file__,
            "--child-run",
            url,
            "--children",
            str(args.children),
            "--requests",
            str(args.requests),
            "--decisions",
            str(args.decisions),
            "--queue-loads",
            str(args.queue_loads),
            "--seed",
            str(args.seed),
        ]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        output = subprocess.run(  # noqa: S603 - this script, this interpreter
            command, check=True, capture_output=True, text=True, env=env, cwd=ROOT
        )
        f = json.loads(output.stdout.strip().splitlines()[-1])
        q, d, i = f["queue"], f["decision"], f["import"]
        print(
            f"{label:<11} built {f['children']:,} children and {f['requests']:,} requests "
            f"({f['open_requests']:,} open) in {f['build_seconds']}s"
        )
        print(
            f"{'':<11} queue page   median {q['median_ms']} ms, p95 {q['p95_ms']} ms, "
            f"max {q['max_ms']} ms ({q['n']} loads)"
        )
        print(
            f"{'':<11} decision     median {d['median_ms']} ms, p95 {d['p95_ms']} ms, "
            f"max {d['max_ms']} ms ({d['n']} decisions)"
        )
        print(
            f"{'':<11} missing CSV  {i['rows']:,} rows {i['status']} in {i['seconds']}s "
            f"({i['matched']:,} matched to known children, {i['recorded']:,} recorded new)"
        )


if __name__ == "__main__":
    main()
