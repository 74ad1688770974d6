"""The API under load: N concurrent users on a realistic mix against `nghiquyet serve`, per route.

    python benchmarks/load.py                          # 50 users, 60 s, SQLite then PostgreSQL
    python benchmarks/load.py --db sqlite --seconds 20 --users 30 --workers 2
    python benchmarks/load.py --think 0                # no think time: the server's saturation point
    python benchmarks/load.py --warmup 15              # the figures of a server that has been up a while

For each database a fresh one is made (temp SQLite file; a new PostgreSQL database, dropped after),
filled by `nghiquyet demo --seed-only`, then served by `nghiquyet serve --workers W` on a free
loopback port (nothing leaves the machine). Each simulated user signs in with a demo account and,
until the time is up, picks a request from its role's mix, waits for the answer, then "thinks" for an
exponentially distributed pause (mean `--think` s; 0 = closed loop). Office users read the dashboard,
plan status and the approval queue and approve submitted figures; unit users read "Việc của tôi" and
their assignments and send figures (create + submit) for (task, period) pairs nobody reported yet,
each pair owned by one user so a 409 is a real error, never a collision of the benchmark's own.

`--warmup S` runs the mix for S seconds before the clock starts (a server that has been up a while:
each worker's first request of a route compiles its templates and statements); the warm-up's errors
count, its times are printed apart. Prints per route: count, errors, p50/p95/max in ms; throughput;
then checks that every write the server acknowledged is stored exactly once (no lost, no duplicated
figures). The client runs on the same 2-core machine as the server, so it takes its share of the
CPU: say so beside any figure.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select
from tracking import each_database, machine_check

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root: tests.serving
from tests.serving import CLI, serving

from nghiquyet.demo.build import demo_accounts
from nghiquyet.tracking.models import Update

OFFICE_MIX = [
    ("dashboard page", 30),
    ("plan status", 25),
    ("approval queue", 15),
    ("approve", 15),
    ("phê duyệt page", 15),
]
LEADER_MIX = [("dashboard page", 50), ("plan status", 50)]
YEAR = {"period": "2024"}
UNIT_MIX = [("my work page", 30), ("assignments", 20), ("send figure", 30), ("plan status", 20)]


@dataclass
class Recorder:
    lock: threading.Lock = field(default_factory=threading.Lock)
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    created: list[int] = field(default_factory=list)
    approved: list[int] = field(default_factory=list)
    ends: float = 0.0  # monotonic time the users stop at, set when they start
    # Requests that start before this (monotonic) time are the warm-up: their errors count, their
    # times do not (each worker's first request of a route compiles its templates and statements).
    timed_from: float = 0.0
    warm: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))

    def note(self, route: str, ms: float, error: str | None = None, started: float = 0.0) -> None:
        with self.lock:
            (self.times if started >= self.timed_from else self.warm)[route].append(ms)
            if error is not None:
                self.errors[route].append(error)


def _call(
    rec: Recorder, route: str, client: httpx.Client, method: str, url: str, **kw: object
) -> httpx.Response | None:
    started, start = time.monotonic(), time.perf_counter()
    try:
        r = client.request(method, url, **kw)  # type: ignore[arg-type]
    except httpx.HTTPError as exc:
        rec.note(route, 1000 * (time.perf_counter() - start), f"{type(exc).__name__}", started)
        return None
    ms = 1000 * (time.perf_counter() - start)
    rec.note(route, ms, None if r.status_code < 400 else f"HTTP {r.status_code}: {r.text[:120]}", started)
    return r


def _sign_in(base: str, username: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60)
    r = client.post("/api/v1/auth/login", json={"username": username, "password": password})
    r.raise_for_status()
    client.headers["Authorization"] = f"Bearer {r.json()['token']}"  # the cookie stays for the pages
    return client


def _weighted(rng: random.Random, mix: list[tuple[str, int]]) -> str:
    return rng.choices([m for m, _ in mix], weights=[w for _, w in mix])[0]


def _periods(years: list[int]) -> list[str]:
    # Months too: with quarters, halves and years only, the demo's unreported pairs ran out in the first
    # 15 s, and the rest of a run had no writes in it.
    months = [f"-{m:02d}" for m in range(1, 13)]
    return [f"{y}{p}" for y in years for p in ("-Q1", "-Q2", "-Q3", "-Q4", "-H1", "-H2", "", *months)]


def _unit_pool(client: httpx.Client) -> list[tuple[int, str, int]]:
    """(task id, period, plan id) pairs this unit leads and has not reported: its own writes."""
    plans = {p["id"]: p for p in client.get("/api/v1/plans").json()}
    mine = client.get("/api/v1/updates", params={"limit": 10000}).json()
    done = {(u.get("task_id"), u["period"]) for u in mine}
    pool = []
    me = client.get("/api/v1/auth/me").json()["unit_id"]
    for a in client.get("/api/v1/assignments").json():
        if a["unit_id"] != me:  # the units below this one: their reporters send those
            continue
        # Plans approved at two levels go through the district first: left out, so that the office's
        # approvals in the mix never wait for a level the benchmark does not play.
        if (
            a["item_type"] != "task"
            or a["role"] != "lead"
            or plans.get(a["plan_id"], {}).get("approval_levels") != 1
        ):
            continue
        plan = plans[a["plan_id"]]
        years = [y for y in (plan["year_start"], plan["year_end"]) if y] or [2024]
        span = list(range(min(years), max(years) + 1))
        pool += [(a["item_id"], p, a["plan_id"]) for p in _periods(span) if (a["item_id"], p) not in done]
    random.Random(len(pool)).shuffle(pool)
    return pool


def _office_user(
    client: httpx.Client,
    role: str,
    rec: Recorder,
    think: float,
    plan_ids: list[int],
    queue: list[int],
    qlock: threading.Lock,
    seed: int,
) -> None:
    """The office (and the admin) read and approve; a leader only reads."""
    rng = random.Random(seed)
    mix = LEADER_MIX if role == "leader" else OFFICE_MIX
    while time.monotonic() < rec.ends:
        route = _weighted(rng, mix)
        if route == "dashboard page":
            _call(rec, route, client, "GET", "/")
        elif route == "plan status":
            _call(rec, route, client, "GET", f"/api/v1/plans/{rng.choice(plan_ids)}/status", params=YEAR)
        elif route == "approval queue":
            _call(rec, route, client, "GET", "/api/v1/updates", params={"state": "submitted", "limit": 50})
        elif route == "phê duyệt page":
            _call(rec, route, client, "GET", "/phe-duyet")
        else:
            with qlock:
                update_id = queue.pop() if queue else None
            if update_id is None:
                continue
            r = _call(rec, route, client, "POST", f"/api/v1/updates/{update_id}/approve")
            if r is not None and r.status_code == 200:
                with rec.lock:
                    rec.approved.append(update_id)
        if think:
            time.sleep(rng.expovariate(1 / think))
    client.close()


def _unit_user(
    client: httpx.Client,
    pool: list[tuple[int, str, int]],
    rec: Recorder,
    think: float,
    queue: list[int],
    qlock: threading.Lock,
    seed: int,
) -> None:
    """A unit reporter; `pool` is the (task, period) pairs it alone sends."""
    rng = random.Random(seed)
    plan_ids = sorted({p for _, _, p in pool}) or [1]
    while time.monotonic() < rec.ends:
        route = _weighted(rng, UNIT_MIX)
        if route == "my work page":
            _call(rec, route, client, "GET", "/viec-cua-toi")
        elif route == "assignments":
            _call(rec, route, client, "GET", "/api/v1/assignments")
        elif route == "plan status":
            _call(rec, route, client, "GET", f"/api/v1/plans/{rng.choice(plan_ids)}/status", params=YEAR)
        elif pool:
            task_id, period, _ = pool.pop()
            body = {"task_id": task_id, "period": period, "progress": rng.randint(10, 100), "note": "Tải thử"}
            r = _call(rec, "send figure (create)", client, "POST", "/api/v1/updates", json=body)
            if r is not None and r.status_code == 200:
                update_id = r.json()["id"]
                with rec.lock:
                    rec.created.append(update_id)
                s = _call(rec, "send figure (submit)", client, "POST", f"/api/v1/updates/{update_id}/submit")
                if s is not None and s.status_code == 200:
                    with qlock:
                        queue.append(update_id)
        if think:
            time.sleep(rng.expovariate(1 / think))
    client.close()


def _seeded_env(url: str, data_dir: Path) -> dict[str, str]:
    """The server's environment, on a database `nghiquyet demo --seed-only` has just filled."""
    env = {
        **os.environ,
        "NGHIQUYET_DATABASE_URL": url,
        "NGHIQUYET_DATA_DIR": str(data_dir),
        "NGHIQUYET_SECRET_KEY": "bench-" + os.urandom(24).hex(),
        "NGHIQUYET_REMINDERS": "off",
    }
    subprocess.run([*CLI, "demo", "--seed-only"], env=env, check=True, stdout=subprocess.DEVNULL)
    return env


Users = tuple[list[threading.Thread], Recorder, str]


def _users(base: str, users: int, think: float) -> Users:
    """The simulated users (a fifth office, admin and leaders; the rest unit reporters), not yet started."""
    accounts = demo_accounts()
    office = [(a.username, a.password, a.role) for a in accounts if a.role in ("office", "admin", "leader")]
    units = [a for a in accounts if a.role == "unit"]
    admin = _sign_in(base, *office[0][:2])
    plans = admin.get("/api/v1/plans").json()
    plan_ids = [p["id"] for p in plans]
    one_level = {p["id"] for p in plans if p["approval_levels"] == 1}
    submitted = admin.get("/api/v1/updates", params={"state": "submitted"}).json()
    queue = [u["id"] for u in submitted if u["plan_id"] in one_level]
    admin.close()
    n_office = max(1, users // 5)
    n_units = users - n_office
    rec, qlock = Recorder(), threading.Lock()
    # Every user signs in here, one after another, before the clock starts: fifty sign-ins at once from
    # one address are what the login throttle refuses (issue 11), and signing in is not in the mix.
    threads = []
    for i in range(n_office):
        username, password, role = office[i % len(office)]
        args = (_sign_in(base, username, password), role, rec, think, plan_ids, queue, qlock, i)
        threads.append(threading.Thread(target=_office_user, args=args))
    # The pairs each unit may still send are read once, before anyone starts, and dealt out to the users
    # who report for that unit (several accounts of one unit, or more users than accounts): each
    # takes every k-th, so no two users ever send the same figure.
    playing = [units[i % len(units)] for i in range(n_units)]
    pools: dict[str, list[tuple[int, str, int]]] = {}
    for account in playing:
        if account.unit_code not in pools:
            client = _sign_in(base, account.username, account.password)
            pools[account.unit_code] = _unit_pool(client)
            client.close()
    for i, account in enumerate(playing):
        same = [j for j, other in enumerate(playing) if other.unit_code == account.unit_code]
        pool = pools[account.unit_code][same.index(i) :: len(same)]
        client = _sign_in(base, account.username, account.password)
        args = (client, pool, rec, think, queue, qlock, 1000 + i)
        threads.append(threading.Thread(target=_unit_user, args=args))
    return threads, rec, f"{users} users ({n_office} office/leader, {n_units} units)"


def run(url: str, name: str, users: int, seconds: float, think: float, workers: int,
        warmup: float = 0.0) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = _seeded_env(url, Path(tmp))
        with serving(env, Path(tmp) / "serve.log", ["--workers", str(workers)]) as server:
            base = server.url
            threads, rec, note = _users(base, users, think)
            print(
                f"{name}: {note}, {seconds:.0f} s after a {warmup:g} s warm-up, think {think:g} s, "
                f"serve --workers {workers}; {machine_check()}",
                flush=True,
            )
            began = time.monotonic()
            rec.timed_from = began + warmup
            rec.ends = rec.timed_from + seconds
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.monotonic() - rec.timed_from
            if warmup:
                _print_warmup(rec)
            _print(rec, elapsed)
            _check_writes(url, rec)


def _print_warmup(rec: Recorder) -> None:
    """The warm-up's slowest request per route: what a freshly started server's first users wait."""
    worst = ", ".join(f"{route} {max(ms):.0f}" for route, ms in sorted(rec.warm.items()) if ms)
    print(f"  warm-up (not in the figures below), slowest ms: {worst}", flush=True)


def _print(rec: Recorder, elapsed: float) -> None:
    total = sum(len(v) for v in rec.times.values())
    print(f"  {'route':<24}{'count':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for route in sorted(rec.times):
        ordered = sorted(rec.times[route])
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(
            f"  {route:<24}{len(ordered):>7}{len(rec.errors[route]):>8}{statistics.median(ordered):>9.0f}"
            f"{p95:>9.0f}{ordered[-1]:>9.0f}"
        )
    every = sorted(ms for v in rec.times.values() for ms in v)
    p95 = every[min(len(every) - 1, round(0.95 * (len(every) - 1)))] if every else float("nan")
    errors = sum(len(v) for v in rec.errors.values())
    print(
        f"  all: {total} requests in {elapsed:.0f} s = {total / elapsed:.1f} req/s, p95 {p95:.0f} ms, "
        f"{errors} errors; {machine_check()}",
        flush=True,
    )
    for route, errs in rec.errors.items():
        for e in sorted(set(errs))[:3]:
            print(f"    {route}: {e}")


def _check_writes(url: str, rec: Recorder) -> None:
    engine = create_engine(url)
    with engine.connect() as conn:
        kept = select(Update.id).where(Update.id.in_(rec.created))
        stored = set(conn.scalars(kept)) if rec.created else set()
        dupes = conn.execute(
            select(Update.task_id, Update.unit_id, Update.period, func.count())
            .where(Update.task_id.is_not(None))
            .group_by(Update.task_id, Update.unit_id, Update.period)
            .having(func.count() > 1)
        ).all()
        settled = select(Update.id).where(Update.id.in_(rec.approved), Update.state == "approved")
        approved = set(conn.scalars(settled)) if rec.approved else set()
    engine.dispose()
    lost = len(set(rec.created) - stored) + len(set(rec.approved) - approved)
    print(
        f"  writes: {len(rec.created)} figures created, {len(rec.approved)} approved; "
        f"lost {lost}, duplicated {len(dupes)}",
        flush=True,
    )


def profile(url: str, name: str, repeat: int) -> None:
    """What one request of each route costs inside the server: SQL statements and CPU ms (no network,
    no other users), from an in-process app on a demo database; `--profile-top` adds cProfile's top."""
    import cProfile
    import pstats

    from sqlalchemy import event

    from nghiquyet.config import load_settings
    from nghiquyet.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        env = {
            "NGHIQUYET_DATABASE_URL": url,
            "NGHIQUYET_DATA_DIR": tmp,
            "NGHIQUYET_SECRET_KEY": os.urandom(24).hex(),
        }
        subprocess.run(
            [*CLI, "demo", "--seed-only"], env={**os.environ, **env}, check=True, stdout=subprocess.DEVNULL
        )
        os.environ.update(env)
        app = create_app(load_settings())
        statements = [0]
        event.listen(
            app.state.engine, "before_cursor_execute", lambda *_: statements.__setitem__(0, statements[0] + 1)
        )
        clients = {who: _in_process(app, who) for who in ("vanphong", "sotaichinh")}
        office = clients["vanphong"]
        plan = office.get("/api/v1/plans").json()[0]["id"]
        submitted = [u["id"] for u in office.get("/api/v1/updates", params={"state": "submitted"}).json()]
        routes = [
            ("dashboard page", "vanphong", "GET", "/"),
            ("phê duyệt page", "vanphong", "GET", "/phe-duyet"),
            ("plan status", "vanphong", "GET", f"/api/v1/plans/{plan}/status?period=2024"),
            ("approval queue", "vanphong", "GET", "/api/v1/updates?state=submitted&limit=50"),
            ("my work page", "sotaichinh", "GET", "/viec-cua-toi"),
            ("assignments", "sotaichinh", "GET", "/api/v1/assignments"),
            ("approve", "vanphong", "POST", ""),
        ]
        print(
            f"{name}: one request per route, in-process ({repeat} runs each; {machine_check()})", flush=True
        )
        print(f"  {'route':<24}{'SQL/request':>12}{'CPU p50 ms':>12}{'CPU max ms':>12}")
        for label, who, method, path in routes:
            cpus, counts = [], []
            prof = cProfile.Profile()
            for i in range(repeat if label != "approve" else min(repeat, len(submitted))):
                target = path or f"/api/v1/updates/{submitted[i]}/approve"
                statements[0], cpu = 0, time.process_time()
                prof.enable()
                r = clients[who].request(method, target)
                prof.disable()
                cpus.append(1000 * (time.process_time() - cpu))
                counts.append(statements[0])
                assert r.status_code < 400, (label, r.status_code, r.text[:200])
            if cpus:
                print(
                    f"  {label:<24}{statistics.median(counts):>12.0f}{statistics.median(cpus):>12.1f}"
                    f"{max(cpus):>12.1f}",
                    flush=True,
                )
            if PROFILE_TOP and cpus:
                pstats.Stats(prof).sort_stats("cumulative").print_stats(PROFILE_TOP)
        for client in clients.values():
            client.__exit__(None, None, None)
        app.state.engine.dispose()


PROFILE_TOP = 0


def _in_process(app: object, username: str) -> object:
    from fastapi.testclient import TestClient

    client = TestClient(app)  # type: ignore[arg-type]
    client.__enter__()
    r = client.post("/api/v1/auth/login", json={"username": username, "password": username})
    client.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return client


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--think", type=float, default=1.0, help="mean pause between a user's requests (s)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--warmup", type=float, default=0.0,
                    help="seconds of the mix before the clock: errors count, times do not (0 = none)")
    ap.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    ap.add_argument(
        "--profile", action="store_true", help="instead: SQL statements and CPU per route, in-process"
    )
    ap.add_argument("--profile-top", type=int, default=0, help="with --profile: cProfile's N costliest calls")
    args = ap.parse_args()
    global PROFILE_TOP
    PROFILE_TOP = args.profile_top
    for name, url in each_database(args.db):
        if args.profile:
            profile(url, name, 20)
        else:
            run(url, name, args.users, args.seconds, args.think, args.workers, args.warmup)
    return 0


if __name__ == "__main__":
    sys.exit(main())
