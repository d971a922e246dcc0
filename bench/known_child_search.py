"""Benchmark: "is this child known?" at county scale.

Builds a county of 300,000 children with their families (Essex has about 314,000) using the
seeder's own code, then times 1,000 typo-laden searches through the real selector (audit
included), on SQLite (a temporary file) and on PostgreSQL. Prints the seeding time and the
median and 95th-percentile search latency. Target: p95 under 100 ms on a 2-core machine.

    .venv/bin/python bench/known_child_search.py                 # both databases, 300,000
    .venv/bin/python bench/known_child_search.py --children 20000 --only sqlite

PostgreSQL: DATABASE_URL if set, else postgres://postgres@127.0.0.1:5432/teamaround_bench.
The database named there is dropped and created again: never point it at real data.
Each database runs in its own process, since Django is configured once per process.
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
from pathlib import Path

from benchdb import fresh_postgres  # noqa: E402  (bench/ is on the path when run)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/teamaround_bench"


def run_one(database_url: str, children: int, queries: int, seed: int) -> dict:
    """Runs inside the child process: configure Django, migrate, seed, time the searches."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teamaround.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from teamaround.accounts.roles import Role
    from teamaround.accounts.services import user_create
    from teamaround.core.access import SYSTEM
    from teamaround.core.seeding import SeedContext, seed_geography
    from teamaround.people.seeding import build_county
    from teamaround.people.seeding.variants import typed_query
    from teamaround.people.selectors import known_child_search

    call_command("migrate", verbosity=0)
    context = SeedContext(seed=seed, options={"children": children}, out=sys.stderr)
    seed_geography(context)
    started = time.perf_counter()
    with transaction.atomic():
        truth = build_county(context, children)
    seeding = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    screener = user_create(
        actor=SYSTEM,
        username="bench.screener",
        first_name="Bench",
        last_name="Screener",
        email="bench@example.org",
        team=None,
        roles=[Role.HUB_SCREENER],
    )
    same_child = truth.same_child()
    rng, today = random.Random(seed + 1), timezone.localdate()
    planned = [
        (person_id, typed_query(rng, details, today))
        for person_id, details in rng.sample(truth.children, queries)
    ]
    timings, top1, top5 = [], 0, 0
    for person_id, query in planned:
        began = time.perf_counter()
        results = known_child_search(
            actor=screener,
            forenames=query.forenames,
            surname=query.surname,
            date_of_birth=query.date_of_birth,
            age=query.age,
            postcode=query.postcode,
            limit=5,
        )
        timings.append((time.perf_counter() - began) * 1000)
        found = [same_child.get(r.person_id, r.person_id) for r in results]
        top1 += bool(found) and found[0] == person_id
        top5 += person_id in found
    timings.sort()
    return {
        "children": len(truth.children),
        "families": truth.families,
        "duplicates": len(truth.duplicates),
        "seeding_seconds": round(seeding, 1),
        "queries": queries,
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
        "max_ms": round(timings[-1], 2),
        "top1": round(top1 / queries, 4),
        "top5": round(top5 / queries, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--children", type=int, default=300_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--child-run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_run:
        print(json.dumps(run_one(args.child_run, args.children, args.queries, args.seed)))
        return
    runs = []
    if args.only != "postgresql":
        directory = tempfile.mkdtemp(prefix="teamaround-bench-")
        runs.append(("SQLite", f"sqlite:///{directory}/bench.sqlite3", None))
    if args.only != "sqlite":
        url = os.environ.get("DATABASE_URL", DEFAULT_POSTGRES)
        if url.startswith("postgres"):
            runs.append(("PostgreSQL", url, fresh_postgres))
    print(f"Known-child search: {args.children:,} children, {args.queries:,} typo-laden queries")
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
            "--queries",
            str(args.queries),
            "--seed",
            str(args.seed),
        ]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        output = subprocess.run(  # noqa: S603 - this script, this interpreter
            command, check=True, capture_output=True, text=True, env=env, cwd=ROOT
        )
        figures = json.loads(output.stdout.strip().splitlines()[-1])
        if label == "SQLite":
            shutil.rmtree(Path(url.removeprefix("sqlite:///")).parent, ignore_errors=True)
        print(
            f"{label:<11} seeded {figures['children']:,} children in {figures['families']:,} "
            f"families ({figures['duplicates']:,} near-duplicates) in "
            f"{figures['seeding_seconds']}s; search median {figures['median_ms']} ms, "
            f"p95 {figures['p95_ms']} ms, max {figures['max_ms']} ms; "
            f"true record top-1 {figures['top1']:.1%}, top-5 {figures['top5']:.1%}"
        )


if __name__ == "__main__":
    main()
