"""Shared database fixtures: every storage test runs on SQLite and, when configured, PostgreSQL.

`db_engine` is parametrised: `sqlite` always (a temp file), `postgres` when the environment variable
NGHIQUYET_TEST_POSTGRES_URL names a server (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test);
each pytest-xdist worker then gets its own fresh schema, dropped at the end. Tables are emptied
after every test, so a test may commit (as the web layer does) without leaking into the next one.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.config import Settings
from nghiquyet.db import load_models, make_engine, make_session_factory, migrate

# Properties are judged by what they find, not by how fast one example runs: on a loaded 2-core CI
# machine Hypothesis' 200 ms deadline turned a passing property into a "flaky" failure. Speed has
# its own benchmarks (benchmarks/), so no example has a deadline.
hypothesis_settings.register_profile("nghiquyet", deadline=None)
hypothesis_settings.load_profile("nghiquyet")

POSTGRES_ENV = "NGHIQUYET_TEST_POSTGRES_URL"
SKIP_POSTGRES = (f"PostgreSQL tests skipped: set {POSTGRES_ENV}, "
                 "e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test")

DB_BACKENDS = [pytest.param("sqlite", id="sqlite"),
               pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]


def _admin_engine(base_url: str) -> Engine:
    url = make_url(base_url).set(drivername="postgresql+psycopg")
    return create_engine(url, isolation_level="AUTOCOMMIT")


def _create_postgres_schema(base_url: str, worker: str) -> tuple[str, str]:
    """A fresh schema for this worker; returns (a URL whose connections use it, its name).

    A schema rather than a database: CREATE/DROP DATABASE force checkpoints (seconds each), and the
    URL keeps working for code that builds its own engine from settings (the API tests).
    """
    name = f"nq_test_{worker}_{uuid.uuid4().hex[:8]}"
    admin = _admin_engine(base_url)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    admin.dispose()
    # Test data need not survive a crash: skipping the commit flush makes the suite several times faster.
    options = f"-csearch_path={name} -csynchronous_commit=off"
    url = make_url(base_url).set(drivername="postgresql+psycopg").update_query_dict({"options": options})
    return url.render_as_string(hide_password=False), name


def _drop_postgres_schema(base_url: str, name: str) -> None:
    admin = _admin_engine(base_url)
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
    admin.dispose()


@pytest.fixture(scope="session", params=DB_BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
           worker_id: str) -> Iterator[str]:
    """URL of a migrated, empty database (one per backend and worker, for the whole session)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        migrate(url)
        yield url
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(SKIP_POSTGRES)
    url, name = _create_postgres_schema(base, worker_id)
    try:
        migrate(url)
        yield url
    finally:
        _drop_postgres_schema(base, name)


@pytest.fixture(scope="session")
def db_engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


def _empty_all_tables(engine: Engine) -> None:
    # DELETE, not TRUNCATE: on PostgreSQL a TRUNCATE rewrites files and costs ~0.5 s per test,
    # while these tables hold a handful of rows.
    tables = list(reversed(load_models().sorted_tables))
    with engine.begin() as conn:
        for table in tables:
            # A self-reference with ON DELETE RESTRICT (units.parent_id) is checked row by row.
            own = [fk.parent for fk in table.foreign_keys if fk.column.table is table and fk.parent.nullable]
            if own:
                conn.execute(table.update().values({c.name: None for c in own}))
            conn.execute(table.delete())


@pytest.fixture
def session_factory(db_engine: Engine) -> Iterator[sessionmaker[Session]]:
    """A session factory on an empty database; everything written is removed afterwards."""
    factory = make_session_factory(db_engine)
    yield factory
    _empty_all_tables(db_engine)


@pytest.fixture
def db(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    """One session for the test (services only flush; the test commits when it wants to)."""
    with session_factory() as session:
        yield session
        session.rollback()


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Settings:
    """Settings pointing at the test database and a private data directory (stored files)."""
    return Settings(data_dir=tmp_path / "data", database_url=db_url,
                    secret_key="khoa-thu-nghiem-du-dai-cho-hs256-tests-0123")
