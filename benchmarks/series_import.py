"""What an import costs in the series linker as documents pile up: 100 and 1,000 documents.

Usage: python benchmarks/series_import.py [--docs 100 1000] [--repeat 3]
Each size gets a fresh SQLite file with that many confirmed plans (20 targets each, the sample
report's metrics, documents of 10 provinces and their districts), linked once. Then one more
document and plan are written `--repeat` times, as an import and its confirmation write them, and
`series.service.refresh` (what every import runs) and the linker alone (`propose_links` for the new
plan) are timed. Prints best and median seconds per size.
"""

from __future__ import annotations

import argparse
import inspect
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.db import make_engine, make_session_factory, migrate
from nghiquyet.documents.models import Document
from nghiquyet.plans.models import Indicator, Plan, Target
from nghiquyet.reports.sample import SAMPLE_TARGETS
from nghiquyet.series.links import propose_links
from nghiquyet.series.models import Series
from nghiquyet.series.service import refresh

PROVINCES = ("Lâm Đồng", "Đắk Lắk", "Gia Lai", "Kon Tum", "Đắk Nông", "Khánh Hòa", "Phú Yên", "Bình Định",
             "Quảng Ngãi", "Ninh Thuận")


def add_plan(session: Session, n: int, rng: random.Random) -> Plan:
    """Document and plan number `n`: a province's or a district's, 20 targets of the sample metrics."""
    place = PROVINCES[n % len(PROVINCES)]
    level = "tinh" if n % 3 else "huyen"
    year = 2020 + n % 6
    doc = Document(filename=f"nq-{n}.txt", sha256=f"{n:064d}", size=1, kind="txt", stored_path=f"x/{n}",
                   doc_type="nghi_quyet", number=f"{n}-NQ/TU", title=f"Nghị quyết {n}", year_start=year,
                   year_end=year, extraction={}, territory={"level": level, "place": place})
    plan = Plan(title=f"Nghị quyết {n}", doc_type="nghi_quyet", number=f"{n}-NQ/TU", year_start=year,
                year_end=year, document=doc)
    session.add(plan)
    for i in range(20):
        group, metric, comp, value, vmax, unit, change = SAMPLE_TARGETS[(n + i) % len(SAMPLE_TARGETS)][:7]
        ind = Indicator(position=i, label=f"({i + 1})", group=group, text=metric)
        ind.targets.append(Target(plan=plan, position=0, metric=metric, comparator=comp,
                                  value=(value or 1) * rng.uniform(0.9, 1.1), value_max=vmax, unit=unit,
                                  change=change, year=year))
        plan.indicators.append(ind)
    session.flush()
    return plan


def one_import(factory: sessionmaker[Session], n: int, rng: random.Random, linker_only: bool) -> float:
    """Seconds of the refresh (or the linker alone) after writing plan `n`; rolled back afterwards."""
    with factory() as session:
        plan = add_plan(session, n, rng)
        run = propose_links if linker_only else refresh
        start = time.perf_counter()
        # The version before the incremental linker takes no plan: it links everything.
        if "plan_ids" in inspect.signature(run).parameters:
            run(session, plan_ids={plan.id})
        else:
            run(session)
        spent = time.perf_counter() - start
        session.rollback()
    return spent


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--docs", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    print(f"{'documents':>10}{'refresh best':>14}{'median':>9}{'linker best':>13}{'median':>9}{'series':>8}")
    for size in args.docs:
        with tempfile.TemporaryDirectory(prefix="nq-bench-series-") as tmp:
            engine = make_engine(f"sqlite:///{Path(tmp) / 'series.db'}")
            migrate(engine)
            factory = make_session_factory(engine)
            rng = random.Random(7)
            with factory() as session:
                for n in range(size):
                    add_plan(session, n, rng)
                refresh(session)
                session.commit()
            results = []
            for linker_only in (False, True):
                times = [one_import(factory, size + 10 * linker_only + k, rng, linker_only)
                         for k in range(args.repeat)]
                results.append((min(times), statistics.median(times)))
            with factory() as session:
                series = session.scalar(select(func.count()).select_from(Series))
            (rb, rm), (lb, lm) = results
            print(f"{size:>10}{rb:>14.3f}{rm:>9.3f}{lb:>13.3f}{lm:>9.3f}{series:>8}", flush=True)
            engine.dispose()


if __name__ == "__main__":
    main()
