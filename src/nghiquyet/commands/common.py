"""What every tracking command shares: settings, a migrated database, one transaction per unit of work."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import typer

if TYPE_CHECKING:  # settings and storage are imported by the commands that use them: `extract` starts fast
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from nghiquyet.config import Settings
    from nghiquyet.units.permissions import Actor


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error to stderr and return the Exit to raise (never a traceback)."""
    typer.echo(f"Lỗi: {message}", err=True)
    return typer.Exit(code)


def check_format(format: str, allowed: tuple[str, ...] = ("text", "json")) -> None:
    """Refuse an unknown --format in one line that names the choices (exit code 2, as for usage errors)."""
    if format not in allowed:
        choices = " hoặc ".join(f"--format {a}" for a in allowed)
        raise fail(f"định dạng '{format}' không hỗ trợ; dùng {choices}", 2)


def open_database(settings: Settings | None = None) -> tuple[Settings, Engine, sessionmaker[Session]]:
    """Settings, an engine on a database brought to the newest schema, and its session factory."""
    from nghiquyet.config import load_settings
    from nghiquyet.db import make_engine, make_session_factory, migrate

    settings = settings or load_settings()
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    return settings, engine, make_session_factory(engine)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold Python's cyclic garbage collector for the rest of a short command, then restore it.

    A report imports SQLAlchemy, the models and an exporter and reads 12,000 rows: the collector,
    run every 700 new container objects, ran some 360 times (two full passes) over a heap of about
    110,000 objects that nearly all live until the process exits, 0.1-0.15 s of CPU of a 0.9-1.1 s
    report that freed next to nothing. Only for commands that end by themselves: a server or a long
    import keeps the collector on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def transaction(factory: sessionmaker[Session]) -> AbstractContextManager[Session]:
    """Commit once when the block succeeds, roll back otherwise (`nghiquyet.db.transaction`)."""
    from nghiquyet.db import transaction as unit_of_work

    return unit_of_work(factory)


@dataclass(frozen=True, slots=True)
class _Console:
    """Whoever runs the CLI on the server: acts as an administrator, recorded without an account."""

    id: None = None
    username: str = "console"
    role: str = "admin"
    unit_id: None = None
    active: bool = True


# The services type their actor as a signed-in account; the console has no row in `users`, so its
# id is None (the audit trail and `created_by` store NULL for it).
SYSTEM_ACTOR = cast("Actor", _Console())
