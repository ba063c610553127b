"""The review queue's claim → decide latency and throughput: 1, 4 and 8 concurrent reviewers on
a private PostgreSQL (fsync on), and one reviewer on the embedded SQLite store, measured side by
side in one run. A script, not a test:

    .venv/bin/python tests/benchmarks/bench_queue.py [--cases 400] [--json out.json]

Each reviewer is a thread with its own database login and connection; it claims the next case
(``FOR UPDATE SKIP LOCKED``), records an approve (a passed verdict: no second reviewer needed)
and its audit entries in the same transaction, until the queue is empty. Latency is one case's
claim start to decision commit; throughput is cases decided per minute of wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psycopg

from iauth_desktop.core.model.decision import make_decision
from iauth_desktop.core.model.queue import QueueEntry, QueueOrigin
from iauth_desktop.core.store.postgres import admin
from iauth_desktop.core.store.postgres.queue import PostgresQueue
from iauth_desktop.core.store.postgres.store import PostgresStore
from iauth_desktop.core.store.sqlite.history import CaseHistory
from iauth_desktop.core.store.sqlite.queue import SqliteQueue
from tests.postgres_server import start_postgres
from tests.team_db import make_case

LEASE = timedelta(minutes=30)
ORIGIN = QueueOrigin("detectinfo")


def seed(queue: object, cases: int, who: str) -> None:
    tokens = [f"{{BENCH-{n:06d}}}" for n in range(cases)]
    queue.add([QueueEntry(t) for t in tokens], ORIGIN, who)  # type: ignore[attr-defined]
    for token in tokens:
        queue.triaged(make_case(token), who)  # type: ignore[attr-defined]


def drain(queue: object, who: str, latencies: list[float], lock: threading.Lock) -> int:
    done = 0
    approve = make_decision("approve", verdict="passed", reviewer=who)
    while True:
        start = time.perf_counter()
        item = queue.claim_next(who, LEASE).value  # type: ignore[attr-defined]
        if item is None:
            return done
        queue.decide(item.token, approve, who, None)  # type: ignore[attr-defined]
        elapsed = time.perf_counter() - start
        with lock:
            latencies.append(elapsed)
        done += 1


def run_postgres(server: object, reviewers: int, cases: int, number: int) -> dict[str, float]:
    url = server.url  # type: ignore[attr-defined]
    name = f"bench_{number}"
    with psycopg.connect(url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        for n in range(reviewers):
            login = f"bench{n}"
            if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone():
                conn.execute(f'CREATE ROLE "{login}" LOGIN')
    admin.upgrade_database(url("postgres", name))
    for n in range(reviewers):
        admin.grant(url("postgres", name), f"bench{n}", supervisor=False)
    stores = [PostgresStore(url(f"bench{n}", name), max_connections=1) for n in range(reviewers)]
    queues = [PostgresQueue(store) for store in stores]
    seed(queues[0], cases, "bench0")
    return measure(queues, cases)


def run_sqlite(cases: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="iauth-bench-"))
    history = CaseHistory(folder / "history.sqlite3")
    queue = SqliteQueue(history)
    seed(queue, cases, "solo")
    return measure([queue], cases)


def measure(queues: list[object], cases: int) -> dict[str, float]:
    latencies: list[float] = []
    lock = threading.Lock()
    counts: list[int] = []
    threads = [
        threading.Thread(
            target=lambda q=q, n=n: counts.append(drain(q, f"bench{n}", latencies, lock))
        )
        for n, q in enumerate(queues)
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    if sum(counts) != cases:
        raise SystemExit(f"decided {sum(counts)} of {cases}: a case was lost or decided twice")
    ordered = sorted(latencies)
    return {
        "reviewers": len(queues),
        "cases": cases,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        "cases_per_min": cases / wall * 60,
        "wall_s": wall,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    server = start_postgres(durable=True)
    rows = []
    try:
        for number, reviewers in enumerate((1, 4, 8)):
            rows.append(
                {"store": "postgresql", **run_postgres(server, reviewers, args.cases, number)}
            )
    finally:
        server.stop()
    rows.append({"store": "sqlite", **run_sqlite(args.cases)})
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"{'store':<11} {'reviewers':>9} {'p50 ms':>8} {'p99 ms':>8} {'cases/min':>10}")
    for row in rows:
        print(
            f"{row['store']:<11} {row['reviewers']:>9} {row['p50_ms']:>8.1f} "
            f"{row['p99_ms']:>8.1f} {row['cases_per_min']:>10.0f}"
        )
    base = rows[0]["cases_per_min"]
    for row in rows[1:3]:
        ratio = row["cases_per_min"] / base
        print(f"{row['reviewers']} reviewers: {ratio:.2f}x one reviewer's throughput")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
