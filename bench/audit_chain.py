"""Benchmark: the audit trail's hash chain.

Times writing events one at a time (core.audit.audit_record: lock the chain's head, link,
insert) and a list page's worth at once (audit_record_many, 50 events in one insert), by one
writer and by four concurrent writers (threads with their own connections; PostgreSQL only,
SQLite has one writer at a time anyway), then `teamaround audit verify` over the whole trail.
Prints events per second and the verify time.

    .venv/bin/python bench/audit_chain.py                  # SQLite
    .venv/bin/python bench/audit_chain.py --postgres       # also PostgreSQL

PostgreSQL uses the dedicated database teamaround_bench_audit (dropped and created again:
never point it at real data); override the server with BENCH_POSTGRES_URL.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchdb import fresh_postgres  # noqa: E402  (bench/ is on the path when run)

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/teamaround_bench_audit"
)


def run_one(url: str, args) -> dict:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["DJANGO_SETTINGS_MODULE"] = "teamaround.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections

    from teamaround.accounts.models import User
    from teamaround.core.audit import audit_record, audit_record_many
    from teamaround.core.audit_chain import chain_verify
    from teamaround.core.models import AuditAction

    call_command("migrate", verbosity=0)
    user = User.objects.create(username="bench.reader", first_name="Bench", last_name="Reader")

    def singles(n, tag):
        for i in range(n):
            audit_record(
                action=AuditAction.VIEW, actor=user, object_type="bench.r", object_id=f"{tag}{i}"
            )

    def pages(n, tag):
        for i in range(n):
            audit_record_many(
                action=AuditAction.VIEW,
                actor=user,
                object_type="bench.r",
                ids=[f"{tag}{i}-{k}" for k in range(50)],
            )

    result = {}
    started = time.perf_counter()
    singles(args.singles, "s")
    result["single_per_s"] = round(args.singles / (time.perf_counter() - started))
    started = time.perf_counter()
    pages(args.pages, "p")
    result["page_events_per_s"] = round(args.pages * 50 / (time.perf_counter() - started))
    if connection.vendor == "postgresql":
        errors = []

        def worker(n):
            try:
                singles(args.singles // 4, f"t{n}-")
            except Exception as error:  # reported in the figures
                errors.append(repr(error))
            finally:
                connections.close_all()

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        result["four_writers_single_per_s"] = round(
            (args.singles // 4) * 4 / (time.perf_counter() - started)
        )
        result["four_writers_errors"] = len(errors)
    started = time.perf_counter()
    checked, broken = chain_verify()
    result["verify_seconds"] = round(time.perf_counter() - started, 2)
    result["events"] = checked
    result["intact"] = broken is None
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--singles", type=int, default=2000)
    parser.add_argument("--pages", type=int, default=400)
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
    print(f"Audit chain: {args.singles:,} single events, {args.pages:,} pages of 50")
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
            print(f"{label}: {json.dumps(json.loads(output))}")
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
