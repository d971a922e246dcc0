"""Benchmark: panels at county scale.

Builds a year of weekly MAAG meetings for the 12 Essex districts (about 600 meetings and
10,000 cases heard, with case summaries, decisions and actions, bulk-written to the panels'
own tables; families from people's own county builder), then times two things: building an
agenda (the `agenda_build` service, on a fresh meeting with a queue of waiting referrals and
the year's overdue actions) and rendering a meeting page (test client, signed in as a member).
Prints median and p95. Target from the issue: p95 under 200 ms.

    .venv/bin/python bench/panels.py                       # SQLite, full size
    .venv/bin/python bench/panels.py --weeks 8 --cases 16 --requests 20   # quick look
    .venv/bin/python bench/panels.py --postgres            # also PostgreSQL

PostgreSQL uses the dedicated database teamaround_bench_panels (dropped and created again:
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
import uuid
from datetime import date, timedelta
from pathlib import Path

from benchdb import fresh_postgres  # noqa: E402  (bench/ is on the path when run)

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/teamaround_bench_panels"
)


def _settings_module() -> str:
    sys.path.insert(0, str(ROOT))
    return "teamaround.settings"


def run_one(url: str, args) -> dict:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["DJANGO_SETTINGS_MODULE"] = _settings_module()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction

    from teamaround.core.seeding import SeedContext, seed_geography
    from teamaround.people.seeding import build_county

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    context = SeedContext(seed=args.seed, options={}, out=sys.stderr)
    seed_geography(context)
    started = time.perf_counter()
    with transaction.atomic():
        build_county(context, args.children)
        world = _year(args, random.Random(args.seed))
    seeding = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"seeding_seconds": round(seeding, 1), **world["counts"], **_time(world, args)}


def _year(args, rng) -> dict:
    """Panels through the services; the year's history bulk-written to panels' own tables."""
    from django.utils import timezone

    from teamaround.accounts.models import AgencyKind
    from teamaround.accounts.roles import Role
    from teamaround.accounts.services import agency_create, team_create, user_create
    from teamaround.core.access import SYSTEM
    from teamaround.core.models import District, DistrictKind
    from teamaround.panels import models as p
    from teamaround.panels import services
    from teamaround.panels.services.types import essex_panel_types
    from teamaround.people.models import Family

    types = {t.code: t for t in services.panel_types_load(actor=SYSTEM, data=essex_panel_types())}
    districts = list(District.objects.filter(kind=DistrictKind.DISTRICT))
    kinds = [
        AgencyKind.COUNCIL_EARLY_HELP,
        AgencyKind.CHILDRENS_SOCIAL_CARE,
        AgencyKind.SCHOOL,
        AgencyKind.HOUSING,
        AgencyKind.CAMHS,
        AgencyKind.POLICE,
    ]
    teams = {
        kind: team_create(
            actor=SYSTEM,
            name="Bench",
            agency=agency_create(actor=SYSTEM, name=f"Bench {kind}", kind=kind),
        )
        for kind in kinds
    }
    families = list(Family.objects.values_list("pk", flat=True))
    today, now = timezone.localdate(), timezone.now()
    panels, runners, counts = [], {}, {"meetings": 0, "cases": 0}
    for d_index, district in enumerate(districts):
        panel = services.panel_create(
            actor=SYSTEM, panel_type=types["maag"], name=f"MAAG {district.name}", district=district
        )
        for k_index, kind in enumerate(kinds):
            user = user_create(
                actor=SYSTEM,
                username=f"bench.{d_index}.{k_index}",
                first_name="Bench",
                last_name=f"Member {d_index}.{k_index}",
                email=f"b{d_index}{k_index}@example.org",
                team=teams[kind],
                roles=[Role.PANEL_CHAIR],
                password="Bench-Password-2026",
            )
            services.panel_membership_add(
                actor=SYSTEM,
                panel=panel,
                user=user,
                started_on=today - timedelta(days=400),
                role="coordinator" if k_index == 0 else "member",
            )
            runners.setdefault(panel.pk, user)
        panels.append(panel)
        _history(p, panel, runners[panel.pk], families, args, rng, today, now, counts)
        _queue(p, panel, families, args, rng, now)
    return {"panels": panels, "runners": runners, "counts": counts}


def _history(p, panel, owner, families, args, rng, today, now, counts) -> None:
    members = list(panel.memberships.all())
    meetings, referrals, items, summaries, decisions, actions, attendance = ([] for _ in range(7))
    for week in range(args.weeks, 0, -1):
        held = today - timedelta(weeks=week)
        meeting = p.PanelMeeting(
            id=uuid.uuid4(),
            panel=panel,
            held_on=held,
            agenda_limit=args.cases,
            status="closed",
            papers_sent_at=now,
            is_quorate=True,
            closed_at=now if week > 1 else None,
        )
        meetings.append(meeting)
        for m in members:
            attendance.append(
                p.MeetingAttendance(
                    meeting=meeting, membership=m, agency_id=m.agency_id, present=True
                )
            )
        for n in range(args.cases):
            referral = p.PanelReferral(
                id=uuid.uuid4(),
                panel=panel,
                family_id=rng.choice(families),
                question="Who is best placed to lead?",
                referred_by=owner,
                referrer_agency_id=members[0].agency_id,
                received_at=now,
                status="heard",
            )
            item = p.AgendaItem(
                id=uuid.uuid4(),
                meeting=meeting,
                kind="case",
                position=n + 1,
                referral=referral,
                heard=True,
            )
            summary = p.CaseSummary(id=uuid.uuid4(), item=item, text="Question: lead? " * 8)
            decision = p.PanelDecision(
                id=uuid.uuid4(),
                item=item,
                kind="no_further_action",
                summary="Universal services meet the need.",
            )
            referrals.append(referral)
            items.append(item)
            summaries.append(summary)
            decisions.append(decision)
            actions.append(
                p.PanelAction(
                    id=uuid.uuid4(),
                    decision=decision,
                    panel=panel,
                    family_id=referral.family_id,
                    what="Arrange a TAF meeting",
                    owner=owner,
                    owner_agency_id=members[0].agency_id,
                    due_on=held + timedelta(days=rng.randint(7, 60)),
                    status="open" if rng.random() < 0.02 else "done",
                )
            )
    for model, rows in (
        (p.PanelMeeting, meetings),
        (p.MeetingAttendance, attendance),
        (p.PanelReferral, referrals),
        (p.AgendaItem, items),
        (p.CaseSummary, summaries),
        (p.PanelDecision, decisions),
        (p.PanelAction, actions),
    ):
        model.objects.bulk_create(rows, batch_size=1000)
    counts["meetings"] += len(meetings)
    counts["cases"] += len(items)


def _queue(p, panel, families, args, rng, now) -> None:
    """Enough waiting referrals for every timed agenda."""
    p.PanelReferral.objects.bulk_create(
        [
            p.PanelReferral(
                panel=panel,
                family_id=rng.choice(families),
                question="Lead?",
                received_at=now - timedelta(minutes=n),
                status="waiting",
            )
            for n in range(args.cases * (args.requests // 12 + 3))
        ],
        batch_size=1000,
    )


def _time(world, args) -> dict:
    from django.db import transaction
    from django.test import Client

    from teamaround.panels import services
    from teamaround.panels.models import PanelMeeting

    panels, runners = world["panels"], world["runners"]
    agenda_ms = []
    for n in range(args.requests):
        panel = panels[n % len(panels)]
        with transaction.atomic():
            meeting = services.meeting_schedule(
                actor=runners[panel.pk], panel=panel, held_on=date.today() + timedelta(days=n + 1)
            )
            began = time.perf_counter()
            services.agenda_build(actor=runners[panel.pk], meeting=meeting)
            agenda_ms.append((time.perf_counter() - began) * 1000)
    page_ms = []
    clients = {}
    for n in range(args.requests + 5):
        panel = panels[n % len(panels)]
        if panel.pk not in clients:
            clients[panel.pk] = Client()
            clients[panel.pk].force_login(
                runners[panel.pk], backend="django.contrib.auth.backends.ModelBackend"
            )
        meeting = (
            PanelMeeting.objects.filter(panel=panel, closed_at__isnull=True)
            .order_by("held_on")
            .first()
        )
        began = time.perf_counter()
        response = clients[panel.pk].get(f"/panels/meetings/{meeting.pk}/")
        if n >= 5:  # the first few warm caches
            page_ms.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.status_code
    return {"agenda_build": _figures(agenda_ms), "meeting_page": _figures(page_ms)}


def _figures(timings: list[float]) -> dict:
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[max(int(len(timings) * 0.95) - 1, 0)], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--cases", type=int, default=16, help="cases heard per meeting")
    parser.add_argument("--children", type=int, default=20_000)
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
    print(
        f"Panels: 12 MAAGs, {args.weeks} weekly meetings each, {args.cases} cases a meeting, "
        f"{args.requests} timed runs each"
    )
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
            f"{label}: {result['meetings']:,} meetings, {result['cases']:,} cases, "
            f"seeded in {result['seeding_seconds']}s"
        )
        for name in ("agenda_build", "meeting_page"):
            figures = result[name]
            print(f"  {name:<13} median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms")


if __name__ == "__main__":
    main()
