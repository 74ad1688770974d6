"""Engine and session factory, built by functions (never at import time)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.db.registry import load_models

SQLITE_TIMEOUT_S = 30  # writers wait for each other instead of failing with "database is locked"
DEFAULT_POOL_SIZE = 5  # SQLAlchemy's own; the server passes Settings.db_pool_size


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL: readers never block the writer; foreign keys are off by default in SQLite.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_TIMEOUT_S * 1000}")
    cur.close()


def make_engine(url: str, *, echo: bool = False, pool_size: int = DEFAULT_POOL_SIZE) -> Engine:
    """An engine for a SQLite file or PostgreSQL (`postgresql+psycopg://...`).

    `pool_size` (PostgreSQL): connections kept open for reuse. Past it, up to half as many again are
    opened for a burst and closed when returned; a pool too small for the load churns connections.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": SQLITE_TIMEOUT_S})
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    if parsed.drivername == "postgresql":
        # Plain "postgresql://" would pick psycopg2; we ship psycopg 3.
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, echo=echo, pool_pre_ping=True, pool_size=pool_size,
                         max_overflow=max(pool_size // 2, 1))


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (the web layer renders after committing).

    Loading every model module also installs the search index's flush hook (nghiquyet.search).
    """
    load_models()
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit once when the block succeeds, roll back otherwise (services only flush)."""
    with factory() as session:
        try:
            yield session
        except BaseException:
            session.rollback()
            raise
        session.commit()
