"""Time to build a plan's report in each format: 20 targets reported by 300 units (6,000 approved updates).

Usage: python benchmarks/reports.py [--targets 20] [--units 300] [--repeat 3] [--database-url URL]
Prints, per step, the best and median of the repeats in seconds. The data goes into a fresh SQLite file
(or the given database), so the figures include the queries of `build_report_data`. The last rows are
the whole `nghiquyet report` command per format, as a user runs it: a fresh interpreter, its imports,
opening the database and its migration check, the queries and the file (with a bytecode cache,
as an installed copy has; the first of the repeats writes it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from nghiquyet.db import make_engine, make_session_factory, migrate
from nghiquyet.plans.models import Indicator, Plan, Target
from nghiquyet.reports.build import build_report_data
from nghiquyet.reports.compare import CompareDocxExporter, CompareXlsxExporter, compare
from nghiquyet.reports.docx import DocxExporter
from nghiquyet.reports.pdf import PdfExporter
from nghiquyet.reports.sample import SAMPLE_TARGETS
from nghiquyet.reports.xlsx import XlsxExporter
from nghiquyet.tracking.models import Assignment, Update
from nghiquyet.tracking.status import plan_status
from nghiquyet.units.models import Unit


def seed(session: Session, n_targets: int, n_units: int) -> int:
    """A plan of `n_targets` targets, `n_units` communes, every commune reporting every target (approved)."""
    rng = random.Random(5)
    now = dt.datetime(2025, 1, 5, tzinfo=dt.UTC)
    plan = Plan(title="về nhiệm vụ phát triển kinh tế - xã hội năm 2024", doc_type="nghi_quyet",
                number="99-NQ/TU", issuer="Tỉnh ủy Lâm Đồng", year_start=2024, year_end=2024)
    session.add(plan)
    units = [Unit(name=f"UBND xã Thử Nghiệm {i:03d}", code=f"XA{i:04d}", kind="ubnd_xa")
             for i in range(n_units)]
    session.add_all(units)
    session.flush()
    for i in range(n_targets):
        group, metric, comp, value, vmax, unit, change = SAMPLE_TARGETS[i % len(SAMPLE_TARGETS)][:7]
        ind = Indicator(position=i, label=f"({i + 1})", group=group, text=metric)
        ind.targets.append(Target(plan=plan, position=0, metric=f"{metric} ({i + 1})", comparator=comp,
                                  value=value, value_max=vmax, unit=unit, change=change, year=2024))
        plan.indicators.append(ind)
    session.flush()
    for i, ind in enumerate(plan.indicators):
        session.add(Assignment(plan_id=plan.id, item_type="indicator", indicator_id=ind.id,
                               unit_id=units[i % n_units].id, role="lead"))
        target = ind.targets[0]
        for u in units:
            for period in ("2024-Q2", "2024"):
                session.add(Update(plan_id=plan.id, target_id=target.id, unit_id=u.id, period=period,
                                   value=round((target.value or 1) * rng.uniform(0.8, 1.2), 2),
                                   note="Số liệu của xã" if rng.random() < 0.1 else None,
                                   state="approved", decided_at=now))
    session.flush()
    return plan.id


def timed(repeat: int, fn: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def machine_check() -> str:
    """Load and a fixed loop's time, so figures from a busy machine can be read for what they are."""
    start = time.perf_counter()
    sum(range(10_000_000))
    loop = time.perf_counter() - start
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"machine: {os.cpu_count()} CPUs, load {load:.1f}, sum(range(1e7)) {loop:.2f}s (≈0.15s when idle)"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--targets", type=int, default=20)
    ap.add_argument("--units", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--database-url")
    args = ap.parse_args(argv)
    print(machine_check(), flush=True)
    with tempfile.TemporaryDirectory(prefix="nq-bench-reports-") as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        engine = make_engine(url)
        migrate(engine)
        factory = make_session_factory(engine)
        with factory() as session:
            start = time.perf_counter()
            plan_id = seed(session, args.targets, args.units)
            session.commit()
            print(flush=True)
            print(f"seed: {args.targets} targets × {args.units} units, "
                  f"{args.targets * args.units * 2} approved updates in {time.perf_counter() - start:.1f}s")
        # Warm the lazy imports (reportlab, openpyxl) once so the in-process figures are steady-state costs.
        with factory() as session:
            data = build_report_data(session, plan_id=plan_id, period="2024")
            base = build_report_data(session, plan_id=plan_id, period="2024-Q2")
        out = Path(tmp)
        PdfExporter().render(data, out / "warm.pdf")
        print(f"report: {len(data.rows)} rows, {len(data.updates)} appendix rows "
              f"({data.tally.complete}/{data.tally.total} complete)")
        print(f"{'step':<34}{'best (s)':>10}{'median (s)':>12}{'size (kB)':>11}")

        def build() -> None:
            with factory() as session:
                build_report_data(session, plan_id=plan_id, period="2024")

        def status_only() -> None:
            with factory() as session:
                plan_status(session, plan_id=plan_id, period="2024")

        rows: list[tuple[str, Callable[[], object], Path | None]] = [
            ("build_report_data", build, None),
            ("  of which plan_status", status_only, None),
            ("docx", lambda: DocxExporter().render(data, out / "r.docx"), out / "r.docx"),
            ("pdf", lambda: PdfExporter().render(data, out / "r.pdf"), out / "r.pdf"),
            ("xlsx", lambda: XlsxExporter().render(data, out / "r.xlsx"), out / "r.xlsx"),
            ("compare docx", lambda: CompareDocxExporter().render(compare(base, data), out / "c.docx"),
             out / "c.docx"),
            ("compare xlsx", lambda: CompareXlsxExporter().render(compare(base, data), out / "c.xlsx"),
             out / "c.xlsx"),
        ]
        cli = str(Path(sys.executable).with_name("nghiquyet"))
        env = {**os.environ, "NGHIQUYET_DATABASE_URL": url, "NGHIQUYET_DATA_DIR": tmp}
        # As a user runs it: with the bytecode cache an install writes. A shell that sets
        # PYTHONDONTWRITEBYTECODE (the agents' does) made every run compile nghiquyet's ~80 modules
        # from source, 0.07-0.09 s that no installed copy pays; the first repeat writes the cache.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for fmt in ("docx", "pdf", "xlsx"):
            target = str(out / f"cli.{fmt}")
            command = [cli, "report", "--plan", str(plan_id), "--period", "2024", "-o", target]
            rows.append((f"nghiquyet report --format {fmt}",
                         lambda c=command: subprocess.run(c, env=env, check=True, stdout=subprocess.DEVNULL),
                         out / f"cli.{fmt}"))
        for name, fn, path in rows:
            best, median = timed(args.repeat, fn)
            size = f"{path.stat().st_size / 1024:.0f}" if path else ""
            print(f"{name:<34}{best:>10.2f}{median:>12.2f}{size:>11}")
            sys.stdout.flush()
        print(machine_check())
        engine.dispose()


if __name__ == "__main__":
    main()
