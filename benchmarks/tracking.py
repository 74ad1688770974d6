"""Tracking at national scale: plan status and a province's roll-up, p50/p95, SQLite and PostgreSQL.

    python benchmarks/tracking.py                 # scale 1: 3,000 plans × 20 targets, 300k updates
    python benchmarks/tracking.py --scale 10      # 30,000 plans, 3M updates (slow to generate)
    python benchmarks/tracking.py --db postgres   # only PostgreSQL (NGHIQUYET_BENCH_POSTGRES_URL or the
                                                  # machine's server at 127.0.0.1:5432)

Each database is created fresh (a temp SQLite file; a new PostgreSQL database, dropped afterwards),
migrated, filled by `tracking_data.generate`, then each query runs `--repeat` times on random plans
and provinces. Prints one line per (database, query): wall and CPU (time.process_time) p50/p95, and a
machine check (load, a fixed loop's time) before and after, since the box is often shared.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).parent))
from tracking_data import generate

from nghiquyet.db import make_engine, make_session_factory, migrate
from nghiquyet.plans.models import Target
from nghiquyet.tracking.levels import level_tally, top_tally
from nghiquyet.tracking.rollup import judged_subtree_tally, subtree_tally
from nghiquyet.tracking.status import plan_status
from nghiquyet.tracking.stored_status import ensure_current

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


class _Office:
    """The office reads every level (the benchmark measures the tally, not the permission check)."""

    id, username, role, unit_id, active = 0, "benchmark", "office", None, True


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def measure(label: str, repeat: int, call: Callable[[], object]) -> None:
    """Wall time (what a user waits) and this process's CPU time (what the code costs: on a loaded
    box wall time also counts other processes' turns, CPU time mostly does not)."""
    call()  # warm the caches once, as a running server would be
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    p50, p95 = percentiles(walls)
    c50, c95 = percentiles(cpus)
    print(f"  {label:<48} wall p50 {p50:7.1f} p95 {p95:7.1f} ms   cpu p50 {c50:7.1f} p95 {c95:7.1f} ms"
          f"   ({repeat} runs)", flush=True)


def machine_check() -> str:
    """Load and a fixed loop's time, so figures from a busy machine can be read for what they are."""
    start = time.perf_counter()
    sum(range(10_000_000))
    loop = time.perf_counter() - start
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"machine: {os.cpu_count()} CPUs, load {load:.1f}, sum(range(1e7)) {loop:.2f} s "
            "(≈0.15 s when idle; CPU times above scale with it)")


def run(url: str, name: str, scale: int, repeat: int) -> None:
    migrate(url)
    engine = make_engine(url)
    data = generate(engine, scale=scale)
    print(f"{name}: {data.units:,} units, {len(data.plan_ids):,} plans, {data.targets:,} targets, "
          f"{data.updates:,} approved updates generated in {data.seconds:.1f} s")
    sessions = make_session_factory(engine)
    rng = random.Random(7)
    print(machine_check(), flush=True)
    with sessions() as session:
        # The generator writes with Core (no flush hook): the first tally judges everything once.
        start = time.perf_counter()
        with session.begin():
            ensure_current(session.connection())
        print(f"  stored statuses judged for the whole dataset in {time.perf_counter() - start:.1f} s "
              "(once: after a bulk load or a change of rules)", flush=True)
        measure("province tally judged afresh (before: no stored statuses)", max(3, repeat // 4),
                lambda: judged_subtree_tally(session, root_unit_id=rng.choice(data.provinces), period="2024"))
        measure("plan status (1 plan × 20 targets, year)", repeat,
                lambda: plan_status(session, plan_id=rng.choice(data.plan_ids), period="2024"))
        measure("plan status (1 plan, quarter 2024-Q3)", repeat,
                lambda: plan_status(session, plan_id=rng.choice(data.plan_ids), period="2024-Q3"))
        measure("province tally (300 units, 6,000 targets, year)", repeat,
                lambda: subtree_tally(session, root_unit_id=rng.choice(data.provinces), period="2024"))
        measure("province tally (300 units, quarter 2024-Q2)", repeat,
                lambda: subtree_tally(session, root_unit_id=rng.choice(data.provinces), period="2024-Q2"))
        office = _Office()
        measure("level dashboard (a province and its 300 communes)", repeat,
                lambda: level_tally(session, unit_id=rng.choice(data.provinces), period="2024", actor=office))
        measure(f"national roll-up ({len(data.provinces)} provinces side by side)", max(3, repeat // 8),
                lambda: top_tally(session, period="2024", actor=office))
        session.commit()
        approve_figures(session, data.plan_ids, rng, repeat)
    print(machine_check(), flush=True)
    engine.dispose()


def approve_figures(session: Session, plan_ids: list[int], rng: random.Random, repeat: int) -> None:
    """Approving one submitted figure, its stored status refreshed and the transaction committed."""
    from nghiquyet.accounts.models import User
    from nghiquyet.tracking.service import approve_update, create_update, submit_update

    office = User(username="vanphong-benchmark", role="office", password_hash="!")  # the audit names a user
    session.add(office)
    session.flush()
    walls: list[float] = []
    cpus: list[float] = []
    for n in range(repeat + 1):
        target = session.scalar(select(Target).where(Target.plan_id == rng.choice(plan_ids)).limit(1))
        assert target is not None
        made = create_update(session, actor=office, target_id=target.id, period=f"2024-{n % 12 + 1:02d}",
                             value=rng.uniform(1, 100))
        submit_update(session, update_id=made.id, actor=office)
        session.commit()
        start, cpu = time.perf_counter(), time.process_time()
        approve_update(session, update_id=made.id, actor=office)
        session.commit()
        if n:  # the first one warms the caches
            walls.append(1000 * (time.perf_counter() - start))
            cpus.append(1000 * (time.process_time() - cpu))
    p50, p95 = percentiles(walls)
    c50, c95 = percentiles(cpus)
    print(f"  {'approve one figure (status refreshed, committed)':<48} wall p50 {p50:7.1f} p95 {p95:7.1f} ms"
          f"   cpu p50 {c50:7.1f} p95 {c95:7.1f} ms   ({repeat} runs)", flush=True)


def each_database(which: str) -> Iterator[tuple[str, str]]:
    """(name, URL) of a fresh SQLite file and/or a fresh PostgreSQL database, each gone afterwards."""
    if which in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            yield "SQLite", f"sqlite:///{tmp}/bench.db"
    if which not in ("postgres", "both"):
        return
    base = os.environ.get("NGHIQUYET_BENCH_POSTGRES_URL", DEFAULT_PG)
    admin = create_engine(make_url(base).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    db = f"nq_bench_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{db}"'))
    except Exception as exc:
        print(f"PostgreSQL skipped: cannot create a database at {base} ({exc.__class__.__name__})")
        return
    try:
        url = make_url(base).set(drivername="postgresql+psycopg", database=db)
        yield "PostgreSQL", url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        admin.dispose()



def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=40)
    ap.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    args = ap.parse_args()
    for name, url in each_database(args.db):
        run(url, name, args.scale, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
