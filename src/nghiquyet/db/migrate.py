"""Run the Alembic migrations shipped inside the package (no alembic.ini needed)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from nghiquyet.db.engine import make_engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^revision\b[^=\n]*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\b[^=\n]*=(.*)$", re.MULTILINE)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


def alembic_config(engine: Engine) -> Config:
    """A Config whose env.py reuses this engine (its pragmas and pool) instead of opening its own."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser interpolates "%": a URL-encoded password or option must be escaped.
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    cfg.attributes["engine"] = engine
    return cfg


def shipped_heads() -> set[str]:
    """The revisions no shipped migration builds on, read from the files' `revision`/`down_revision` lines.

    Reading ~20 small files takes a millisecond; importing Alembic and its environment to learn the same
    took 0.1–0.3 s of every command (issue 15 point 6). A file this cannot read makes the answer
    "unknown" (no head), and `migrate` then asks Alembic.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found, down = _REVISION.search(source), _DOWN.search(source)
        if not found or not down:
            return set()
        revisions.add(found.group(1))
        parents.update(_QUOTED.findall(down.group(1)))
    return revisions - parents


def _at_head(engine: Engine) -> bool:
    """Whether the database is stamped with the shipped head, and nothing else."""
    heads = shipped_heads()
    if len(heads) != 1:
        return False
    try:
        with engine.connect() as connection:
            stamped = {row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))}
    except DBAPIError:  # a new database has no alembic_version table yet
        return False
    return stamped == heads


def migrate(url_or_engine: str | Engine, revision: str = "head") -> None:
    """Bring the database to `revision` (default: the newest); a database already there is left as is."""
    engine = make_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    try:
        if revision == "head" and _at_head(engine):
            return
        from alembic import command

        command.upgrade(alembic_config(engine), revision)
    finally:
        if isinstance(url_or_engine, str):
            engine.dispose()
