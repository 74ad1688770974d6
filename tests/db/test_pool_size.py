"""The server's connection pool is sized to the requests it serves at once, and shared among workers.

Under 50 users a pool of SQLAlchemy's default 5 (+10 burst) opened 160 PostgreSQL connections in
40 s, one backend fork per burst request; a pool kept at the server's concurrency opens each once.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.conftest import POSTGRES_ENV, SKIP_POSTGRES

from nghiquyet.commands.server import POSTGRES_CONNECTIONS, pool_share
from nghiquyet.config import Settings
from nghiquyet.web.app import create_app


def test_workers_share_the_connections_within_the_servers_limit() -> None:
    assert pool_share(1, 20) == 20 and pool_share(2, 20) == 20
    for workers in range(1, 33):
        size = pool_share(workers, 20)
        assert 2 <= size <= 20
        if size > 2:  # the floor of two per worker aside, pools and bursts fit the limit
            assert workers * (size + size // 2) <= POSTGRES_CONNECTIONS


@pytest.mark.postgres
def test_a_burst_within_the_pool_reuses_its_connections(tmp_path: Path) -> None:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(SKIP_POSTGRES)
    settings = Settings(data_dir=tmp_path, database_url=base, db_pool_size=8,
                        secret_key="khoa-thu-nghiem-du-dai-cho-hs256-32b")
    engine = create_app(settings).state.engine  # the server's own engine, as each worker builds it
    backends: set[int] = set()
    lock, gate = threading.Lock(), threading.Barrier(8)

    def request() -> None:
        with engine.connect() as conn:
            gate.wait(30)  # eight at once: the pool's size, no burst
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with lock:
            backends.add(int(pid))

    try:
        for _ in range(3):  # three waves of eight concurrent requests
            threads = [threading.Thread(target=request) for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
        # The default pool (5) would have closed three burst connections after every wave.
        assert engine.pool.size() == 8  # type: ignore[attr-defined]
        assert len(backends) == 8, f"{len(backends)} PostgreSQL backends for 3 waves of 8 requests"
    finally:
        engine.dispose()
