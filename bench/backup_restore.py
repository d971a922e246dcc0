"""Benchmark: the recovery point and time of `teamaround backup` / `teamaround restore` on the
seeded county (issue 13), as an operator runs them.

For each engine: a new database is migrated and seeded (`teamaround seed --children N`, the
demo's county by default), then backed up while nothing else runs, then restored into a new
empty database and verified against the manifest. Prints the rows, the backup's size and the
seconds each step took. The recovery point is the last backup; the recovery time is the
restore's time (plus starting the service).

    .venv/bin/python bench/backup_restore.py                  # SQLite
    .venv/bin/python bench/backup_restore.py --postgres       # also PostgreSQL
    .venv/bin/python bench/backup_restore.py --children 300   # a quick run

PostgreSQL uses teamaround_bench_backup and teamaround_bench_restore (dropped and created
again: never point them at real data); override the server with BENCH_POSTGRES_URL.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEAMAROUND = [sys.executable, "-m", "teamaround"]
SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")


def _run(args: list[str], env: dict) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own command with fixed arguments
        TEAMAROUND + args, env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"teamaround {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout


def _psql(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def _fresh_postgres(name: str) -> str:
    _psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _psql(f'CREATE DATABASE "{name}"')
    return f"{SERVER}/{name}"


def bench(engine: str, children: int, work: Path, key_file: Path) -> dict:
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "teamaround.settings"}
    if engine == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{work / 'county.sqlite3'}"
        target = ["--sqlite-file", str(work / "restored.sqlite3")]
    else:
        env["DATABASE_URL"] = _fresh_postgres("teamaround_bench_backup")
        target = ["--database-url", _fresh_postgres("teamaround_bench_restore")]
    _run(["migrate", "-v0"], env)
    seeded, _ = _run(["seed", "--children", str(children)], env)
    backup = work / f"county-{engine}.tabackup"
    took_backup, printed = _run(
        ["backup", "--output", str(backup), "--key-file", str(key_file)], env
    )
    rows = int(re.search(r"([\d,]+) rows", printed).group(1).replace(",", ""))
    took_restore, restored = _run(
        ["restore", str(backup), "--key-file", str(key_file)] + target, env
    )
    assert "Restored and verified" in restored, restored
    return {
        "engine": engine,
        "seed_s": seeded,
        "rows": rows,
        "bytes": backup.stat().st_size,
        "backup_s": took_backup,
        "restore_s": took_restore,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=2000)
    parser.add_argument("--postgres", action="store_true")
    options = parser.parse_args()
    engines = ["sqlite"] + (["postgresql"] if options.postgres else [])
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        key_file = work / "backup.key"
        key_file.write_text(_run(["backup", "--new-key"], os.environ.copy())[1])
        print(f"Backup and restore of a seeded county ({options.children:,} children)")
        for engine in engines:
            result = bench(engine, options.children, work, key_file)
            print(
                f"{result['engine']:>10}: {result['rows']:,} rows, backup "
                f"{result['bytes'] / 1e6:.1f} MB in {result['backup_s']:.1f} s; restore and "
                f"verify {result['restore_s']:.1f} s (seeding took {result['seed_s']:.0f} s)"
            )


if __name__ == "__main__":
    main()
