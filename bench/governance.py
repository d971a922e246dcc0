"""Benchmark: information governance at the scale issue 13 states.

1. Subject access for a person with 10 years of history: a seeded county (`teamaround seed`,
   small), then one child's family given 200 chronology events, 3 early help episodes (opened
   and closed through early help's services) and 10 panel appearances (referrals on agendas,
   bulk-written to panels' own tables). Times the whole export (collect + PDF + JSON) through
   governance's service. Target: under 10 s.
2. The ledger view at county scale: 1,000,000 disclosure entries over 10 years (bulk-written
   to the ledger), then the DPO's pages through the Django test client, signed in: a person's
   ledger, an agency's ledger and the period summary. Target: p95 under 300 ms.

    .venv/bin/python bench/governance.py                    # SQLite
    .venv/bin/python bench/governance.py --postgres         # also PostgreSQL
    .venv/bin/python bench/governance.py --entries 100000   # smaller ledger

PostgreSQL uses the dedicated database teamaround_bench_governance (dropped and created again:
never point it at real data); override the server with BENCH_POSTGRES_URL.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

from benchdb import fresh_postgres  # noqa: E402  (bench/ is on the path when run)

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/teamaround_bench_governance"
)


def run_one(url: str, args) -> dict:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["DJANGO_SETTINGS_MODULE"] = "teamaround.settings"
    import django

    django.setup()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("seed", "--children", str(args.children), "--seed", "7", stdout=StringIO())
    seeded = time.perf_counter() - started
    rng = random.Random(args.seed)
    subject, dpo = _history(rng)
    result = {"seeding_seconds": round(seeded, 1), **_time_export(subject, dpo, args.runs)}
    started = time.perf_counter()
    _ledger(rng, args.entries)
    result["ledger_seconds"] = round(time.perf_counter() - started, 1)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    result.update(_time_pages(dpo, rng, args.requests))
    return result


def _history(rng):
    """One child with 10 years of history; returns (the child, the DPO)."""
    from django.utils import timezone

    from teamaround.accounts.models import User
    from teamaround.core.access import SYSTEM
    from teamaround.core.models import WindscreenLevel
    from teamaround.earlyhelp import services as earlyhelp
    from teamaround.earlyhelp.models import Episode
    from teamaround.panels.models import AgendaItem, Panel, PanelMeeting, PanelReferral
    from teamaround.people import services as people_services
    from teamaround.people.models import Family, FamilyEventKind, MemberRole

    dpo = User.objects.get(username="demo.data.protection.officer")
    worker = User.objects.get(username="demo.family.worker")
    family = Family.objects.exclude(pk__in=Episode.objects.values("family_id")).first()
    people_services.involvement_open(
        actor=SYSTEM, family=family, team=worker.team, reason="Benchmark"
    )
    child = family.memberships.filter(role=MemberRole.CHILD).first().person
    now = timezone.now()
    people_services.family_events_record_batch(
        actor=SYSTEM,
        events=[
            {
                "family": family,
                "kind": FamilyEventKind.ADDRESS_CHANGED,
                "summary": f"Contact number {n}",
                "occurred_at": now - timedelta(days=18 * n),
                "source_app": "bench",
            }
            for n in range(200)
        ],
    )
    level = WindscreenLevel.objects.get(number=2)
    for year in (9, 6, 2):
        agreed = timezone.localdate() - timedelta(days=365 * year)
        episode = earlyhelp.episode_open(
            actor=SYSTEM,
            family=family,
            level=level,
            lead_professional=worker,
            family_agreed_on=agreed,
            family_agreed_by="Parent",
            started_on=agreed,
        )
        earlyhelp.episode_close(actor=SYSTEM, episode=episode, reason="needs_met", summary="Done")
    panel = Panel.objects.first()
    meetings = PanelMeeting.objects.filter(panel=panel).order_by("held_on")[:10]
    for number, meeting in enumerate(meetings):
        referral = PanelReferral.objects.create(
            panel=panel,
            family=family,
            child=child,
            question=f"Question {number}",
            received_at=now - timedelta(days=300 * number),
            status="heard",
        )
        AgendaItem.objects.create(meeting=meeting, referral=referral, position=90 + number)
    return child, dpo


def _time_export(subject, dpo, runs: int) -> dict:
    from teamaround.governance import services
    from teamaround.governance.subject_access.collect import collect

    request = services.access_request_open(actor=dpo, person=subject, requested_by="Bench")
    bundle = collect(subject)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        pdf = services.access_request_export(actor=dpo, request=request, kind="pdf")
        services.access_request_export(actor=dpo, request=request, kind="json")
        timings.append(time.perf_counter() - started)
    return {
        "export_records": bundle.count(),
        "export_sections": len(bundle.sections),
        "export_pdf_bytes": len(pdf),
        "export_median_s": round(statistics.median(timings), 2),
        "export_max_s": round(max(timings), 2),
    }


def _ledger(rng, entries: int) -> None:
    """`entries` ledger rows over 10 years, bulk-written (the ledger only takes inserts)."""
    from django.utils import timezone

    from teamaround.accounts.models import Agency, User
    from teamaround.governance.models import BasisKind, Channel, Disclosure, Outcome, Purpose
    from teamaround.people.models import Person

    people = list(Person.objects.values_list("pk", flat=True))
    users = list(User.objects.filter(team__isnull=False).values_list("pk", "team__agency_id"))
    decider = User.objects.get(username="demo.family.worker")
    now = timezone.now()
    kinds, channels = BasisKind.values, Channel.values
    batch = []
    for n in range(entries):
        user, agency = rng.choice(users)
        outcome = Outcome.SHARED if rng.random() < 0.95 else Outcome.REFUSED
        batch.append(
            Disclosure(
                occurred_at=now - timedelta(seconds=rng.randrange(10 * 365 * 86400)),
                person_id=rng.choice(people),
                record_type="earlyhelp.episode",
                record_id=str(n),
                fields=["episode", "plan"],
                channel=rng.choice(channels),
                purpose=Purpose.EARLY_HELP,
                recipient_user_id=user,
                recipient_agency_id=agency,
                outcome=outcome,
                basis_kind=rng.choice(kinds) if outcome == Outcome.SHARED else "",
                decided_by=decider,
                decided_by_username=decider.username,
            )
        )
        if len(batch) == 10_000:
            Disclosure.objects.bulk_create(batch)
            batch = []
    Disclosure.objects.bulk_create(batch)
    _ = Agency


def _time_pages(dpo, rng, requests: int) -> dict:
    from django.test import Client
    from django.urls import reverse

    from teamaround.accounts.models import Agency
    from teamaround.people.models import Person

    client = Client()
    client.force_login(dpo, backend="django.contrib.auth.backends.ModelBackend")
    people = list(Person.objects.values_list("pk", flat=True)[:2000])
    agencies = list(Agency.objects.values_list("pk", flat=True))
    pages = {
        "person_ledger": lambda: reverse("governance:person", args=[rng.choice(people)]),
        "agency_ledger": lambda: reverse("governance:agency", args=[rng.choice(agencies)]),
        "period_summary": lambda: reverse("governance:home"),
    }
    figures = {}
    for name, url in pages.items():
        timings = []
        for _ in range(requests):
            address = url()
            started = time.perf_counter()
            response = client.get(address)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (address, response.status_code)
        timings.sort()
        figures[name] = {
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--children", type=int, default=60, help="size of the seeded county")
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="timed subject access exports")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--child-run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_run:
        print(json.dumps(run_one(args.child_run, args)))
        return
    runs = [("SQLite", f"sqlite:///{tempfile.mkdtemp(prefix='teamaround-bench-')}/bench.sqlite3")]
    if args.postgres:
        fresh_postgres(POSTGRES)
        runs.append(("PostgreSQL", POSTGRES))
    print(f"Governance: subject access ({args.runs} runs), ledger of {args.entries:,} entries")
    forwarded = [a for a in sys.argv[1:] if a != "--postgres"]
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
            f"{label}: county seeded in {result['seeding_seconds']} s, ledger written in "
            f"{result['ledger_seconds']} s"
        )
        print(
            f"  subject access: {result['export_records']:,} records in "
            f"{result['export_sections']} sections, PDF {result['export_pdf_bytes']:,} bytes; "
            f"median {result['export_median_s']} s, slowest {result['export_max_s']} s"
        )
        for name in ("person_ledger", "agency_ledger", "period_summary"):
            figures = result[name]
            print(f"  {name:<15} median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms")


if __name__ == "__main__":
    main()
