"""Benchmark: social care's team caseload dashboard and a child's case page at county scale.

Builds the county's children with their families (people's own county builder), then 15,000
children in need, 1,500 of them on child protection plans (with strategy discussions,
section 47 enquiries, initial and review conferences) and, for the dashboard's red/amber/green,
referrals awaiting decision and assessments in progress, bulk-written to social care's own
tables across 30 social care teams. Times, signed in as a team manager, the team's caseload
dashboard and a case page (a child on a plan). Prints median (p50) and p95.
Target from the issue: p95 under 200 ms.

    .venv/bin/python bench/socialcare.py                 # SQLite, full size
    .venv/bin/python bench/socialcare.py --scale 0.05    # a quick run
    .venv/bin/python bench/socialcare.py --postgres      # also PostgreSQL

PostgreSQL uses the database ta_socialcare (dropped and created again: never point it at real
data); override with BENCH_POSTGRES_URL. Children looked after are not built (not in the app).
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
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/ta_socialcare")
TEAMS = 30
CHILDREN_IN_NEED = 15_000
ON_PLANS = 1_500
CHILDREN = 300_000


def run_one(url: str, args) -> dict:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["DJANGO_SETTINGS_MODULE"] = "teamaround.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from teamaround.core.seeding import SeedContext, seed_geography
    from teamaround.people.seeding import build_county

    call_command("migrate", verbosity=0)
    children = max(2_000, int(CHILDREN * args.scale))
    context = SeedContext(seed=args.seed, options={"children": children}, out=sys.stderr)
    seed_geography(context)
    started = time.perf_counter()
    with transaction.atomic():
        build_county(context, children)
        manager, case_ids, counts = _cases(args, random.Random(args.seed))
    seeding = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "children": children,
        **counts,
        "seeding_seconds": round(seeding, 1),
        **_time_pages(manager, case_ids, args.requests),
    }


def _cases(args, rng):
    from django.utils import timezone

    from teamaround.accounts.models import AgencyKind
    from teamaround.accounts.roles import Role
    from teamaround.accounts.services import agency_create, team_create, user_create
    from teamaround.core.access import SYSTEM
    from teamaround.people.models import FamilyMembership, MemberRole
    from teamaround.socialcare import models as sc
    from teamaround.socialcare import timescales

    agency = agency_create(
        actor=SYSTEM, name="Bench Social Care", kind=AgencyKind.CHILDRENS_SOCIAL_CARE
    )
    teams = [team_create(actor=SYSTEM, agency=agency, name=f"C&F Team {n}") for n in range(TEAMS)]

    def staff(n, team, role):
        return user_create(
            actor=SYSTEM,
            username=f"bench.{role}{n}",
            first_name="Bench",
            last_name=f"{role} {n}",
            email=f"bench.{role}{n}@example.org",
            team=team,
            roles=[role],
            password="Bench-Password-2026",
        )

    workers = [staff(n, teams[n % TEAMS], Role.SOCIAL_WORKER) for n in range(TEAMS * 6)]
    manager = staff(0, teams[0], Role.TEAM_MANAGER)
    cin = int(CHILDREN_IN_NEED * args.scale)
    plans = int(ON_PLANS * args.scale)
    extra = cin // 10  # awaiting decision and in assessment, for red/amber/green
    memberships = list(
        FamilyMembership.objects.filter(role=MemberRole.CHILD, ended_on__isnull=True)
        .values_list("person_id", "family_id")
        .order_by("person_id")[: cin + extra]
    )
    today = timezone.localdate()
    referrals, assessments = [], []
    for i, (child_id, family_id) in enumerate(memberships):
        worker = workers[i % len(workers)]
        received = today - timedelta(days=rng.randint(0, 400))
        if i < plans:
            status = "child_protection"
        elif i < cin:
            status = "child_in_need"
        else:
            status = rng.choice(("awaiting_decision", "assessment"))
            received = today - timedelta(days=rng.randint(0, 70 if status == "assessment" else 2))
        referral = sc.SocialCareReferral(
            child_id=child_id,
            family_id=family_id,
            origin="hub",
            source=rng.choice(("6", "2A", "3F", "5A")),
            primary_need=rng.choice(("N1", "N4", "N5")),
            reason="Bench referral",
            received_on=received,
            decision_due_on=timescales.decision_due(received),
            status=status,
            decision="" if status == "awaiting_decision" else "assessment",
            decided_on=None if status == "awaiting_decision" else received,
            team_id=worker.team_id,
            allocated_worker=worker,
        )
        referrals.append(referral)
        if status != "awaiting_decision":
            assessments.append(
                sc.ChildAndFamilyAssessment(
                    referral=referral,
                    started_on=received,
                    due_on=timescales.assessment_due(received),
                    status="in_progress" if status == "assessment" else "authorised",
                    factors=["3B", "4B"],
                    child_voice="Bench",
                    outcome="" if status == "assessment" else "cin",
                    completed_on=None if status == "assessment" else received + timedelta(30),
                )
            )
    sc.SocialCareReferral.objects.bulk_create(referrals, batch_size=2000)
    sc.ChildAndFamilyAssessment.objects.bulk_create(assessments, batch_size=2000)
    strategies, enquiries, conferences, cp_plans = [], [], [], []
    for referral in referrals[:plans]:
        held = referral.received_on + timedelta(days=1)
        strategy = sc.StrategyDiscussion(
            referral=referral,
            held_on=held,
            attendees=[{"name": "Bench", "agency": a} for a in ("police", "health")],
            summary="Bench",
            section_47=True,
        )
        strategies.append(strategy)
        enquiries.append(
            sc.Section47Enquiry(
                strategy=strategy, referral=referral, started_on=held, outcome="conference"
            )
        )
        icpc = timescales.initial_conference_due(held)
        conferences.append(
            sc.ChildProtectionConference(
                referral=referral, kind="initial", due_on=icpc, held_on=icpc, outcome="plan"
            )
        )
        review = timescales.review_conference_due(icpc, first=True)
        conferences.append(
            sc.ChildProtectionConference(referral=referral, kind="review", due_on=review)
        )
        cp_plans.append(
            sc.ChildProtectionPlan(
                referral=referral,
                started_on=icpc,
                initial_category="NEG",
                latest_category="NEG",
                next_review_due=review,
            )
        )
    sc.StrategyDiscussion.objects.bulk_create(strategies, batch_size=2000)
    sc.Section47Enquiry.objects.bulk_create(enquiries, batch_size=2000)
    sc.ChildProtectionConference.objects.bulk_create(conferences, batch_size=2000)
    sc.ChildProtectionPlan.objects.bulk_create(cp_plans, batch_size=2000)
    timed = [r.pk for r in referrals[:plans] if r.team_id == manager.team_id][:25]
    counts = {"children_in_need": cin, "on_plans": plans, "cases": len(referrals)}
    return manager, timed, counts


def _time_pages(manager, case_ids, requests: int) -> dict:
    from django.test import Client

    client = Client()
    client.force_login(manager, backend="django.contrib.auth.backends.ModelBackend")
    pages = {
        "caseload": lambda n: "/social-care/caseload/",
        "case_page": lambda n: f"/social-care/cases/{case_ids[n % len(case_ids)]}/",
    }
    results = {}
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
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the full size")
    parser.add_argument("--requests", type=int, default=100)
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
    print(f"Social care at scale {args.scale}: {args.requests} requests per page")
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
                f"{label}: {result['children']:,} children, {result['children_in_need']:,} "
                f"children in need, {result['on_plans']:,} on plans "
                f"(seeded in {result['seeding_seconds']}s)"
            )
            for page in ("caseload", "case_page"):
                figures = result[page]
                print(f"  {page:<10} p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms")
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
