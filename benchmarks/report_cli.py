"""`nghiquyet report` end to end, as a user runs it: wall and CPU time per format, a fresh process each run.

    python benchmarks/report_cli.py                        # 20 targets × 300 units, 5 runs per format
    python benchmarks/report_cli.py --before ../other/src  # interleaved with another checkout's code
    python benchmarks/report_cli.py --no-bytecode          # also as the agents' shell runs it
    python benchmarks/report_cli.py --api                  # and GET /api/v1/plans/{id}/report per format

The data (20 targets reported by 300 units: 12,000 approved figures) goes into a fresh SQLite file,
seeded by `benchmarks/reports.py`. Each run is the venv's `nghiquyet report` console script in a new
interpreter, with the bytecode cache an installed copy has (the first, untimed run of each variant
writes it); `--no-bytecode` adds rows run as the agents' shell runs them: PYTHONDONTWRITEBYTECODE=1
on a copy of the source without `__pycache__`, so every nghiquyet module is compiled from source
each run (the installed libraries keep their cache, as pip wrote it). `--before SRC` puts SRC first
on PYTHONPATH for a "before" row, run one after the other with "after" in the same minutes: on a
shared machine only rows of the same run compare. CPU is the child's user + sys time (getrusage),
which the other processes' load moves far less than the wall clock. `--api` starts `nghiquyet
serve` on a free loopback port (its imports paid once, as a server has) and times the download of
each format, request to last byte.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from reports import machine_check, seed

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root: tests.serving
from tests.serving import CLI, serving

from nghiquyet.db import make_engine, make_session_factory, migrate

FORMATS = ("docx", "pdf", "xlsx")


def timed_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + sys) seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def summary(times: list[float]) -> str:
    return f"{statistics.median(times):6.2f} {min(times):6.2f} {max(times):6.2f}"


def api_figures(env: dict[str, str], tmp: Path, plan_id: int, repeat: int) -> None:
    """Download each format from a running server: the server's imports are paid before the clock."""
    password = "benchmark-pass-1"
    subprocess.run([*CLI, "user", "add", "bench", "--role", "admin", "--password", password],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    with serving(env, tmp / "serve.log") as server:
        client = httpx.Client(base_url=server.api, timeout=120)
        token = client.post("/auth/login", json={"username": "bench", "password": password}).json()["token"]
        client.headers["Authorization"] = f"Bearer {token}"
        print(f"\n{'API GET /plans/{id}/report':<34}{'median':>7}{'best':>7}{'worst':>7}{'size (kB)':>11}")
        for fmt in FORMATS:
            params = {"period": "2024", "format": fmt}
            client.get(f"/plans/{plan_id}/report", params=params).raise_for_status()  # first of its kind
            times, size = [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                response = client.get(f"/plans/{plan_id}/report", params=params)
                response.raise_for_status()
                times.append(time.perf_counter() - start)
                size = len(response.content)
            print(f"  {fmt:<32}{summary(times)}{size / 1024:>11.0f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--targets", type=int, default=20)
    ap.add_argument("--units", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--before", type=Path, help="a `src` directory to run as the 'before' row")
    ap.add_argument("--no-bytecode", action="store_true", help="also run with PYTHONDONTWRITEBYTECODE=1")
    ap.add_argument("--api", action="store_true", help="also time the API's report download")
    args = ap.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    print(machine_check(), flush=True)
    with tempfile.TemporaryDirectory(prefix="nq-bench-report-cli-") as tmp_name:
        tmp = Path(tmp_name)
        url = f"sqlite:///{tmp / 'bench.db'}"
        engine = make_engine(url)
        migrate(engine)
        with make_session_factory(engine)() as session:
            plan_id = seed(session, args.targets, args.units)
            session.commit()
        engine.dispose()
        base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        base |= {"NGHIQUYET_DATABASE_URL": url, "NGHIQUYET_DATA_DIR": str(tmp)}

        def first_on_path(src: Path) -> dict[str, str]:
            path = [str(src), *filter(None, [base.get("PYTHONPATH")])]
            return {**base, "PYTHONPATH": os.pathsep.join(path)}

        def uncompiled(src: Path, name: str) -> dict[str, str]:
            copy = tmp / name / "src"
            shutil.copytree(src, copy, ignore=shutil.ignore_patterns("__pycache__"))
            return {**first_on_path(copy), "PYTHONDONTWRITEBYTECODE": "1"}

        here = Path(__file__).resolve().parents[1] / "src"
        variants: list[tuple[str, dict[str, str]]] = []
        if args.before:
            variants.append(("before", first_on_path(args.before.resolve())))
            if args.no_bytecode:
                variants.append(("before, no bytecode", uncompiled(args.before.resolve(), "before")))
        variants.append(("this tree" if not args.before else "after", base))
        if args.no_bytecode:
            name = "no bytecode" if not args.before else "after, no bytecode"
            variants.append((name, uncompiled(here, "after")))
        results: dict[tuple[str, str], list[tuple[float, float]]] = {}

        def command(fmt: str) -> list[str]:
            return [*CLI, "report", "--plan", str(plan_id), "--period", "2024", "-o", str(tmp / f"cli.{fmt}")]

        for _, env in variants:  # writes each variant's bytecode cache, untimed
            subprocess.run(command("docx"), env=env, check=True, stdout=subprocess.DEVNULL)
        for _ in range(args.repeat):  # interleaved: every variant and format once per round
            for fmt in formats:
                for name, env in variants:
                    results.setdefault((name, fmt), []).append(timed_run(command(fmt), env))
        print(f"\nnghiquyet report, {args.targets} targets × {args.units} units, {args.repeat} runs each")
        print(f"{'':<34}{'wall (s): median best worst':>27}   {'CPU (s): median best worst':>27}")
        for fmt in formats:
            for name, _ in variants:
                runs = results[(name, fmt)]
                print(f"  {fmt + ', ' + name:<32}   {summary([w for w, _ in runs])}      "
                      f"{summary([c for _, c in runs])}")
        print(machine_check(), flush=True)
        if args.api:
            api_figures(base, tmp, plan_id, args.repeat)
            print(machine_check())


if __name__ == "__main__":
    main()
